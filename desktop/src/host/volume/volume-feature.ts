/**
 * The system's volume on the phone: the default output's level and mute, read and set through pactl,
 * following changes made elsewhere. Slider drags arrive faster than pactl answers: at most one change is
 * on its way and the newest value wins. Changes made elsewhere come from `pactl subscribe`, and from a
 * look every two seconds while a phone is connected (pactl's lines can wait in a pipe's buffer). Without pactl (or a sound server) the state says null and the
 * phone falls back to the volume keys.
 */
import type { ChildProcess } from 'node:child_process';
import { MAX_VOLUME_PERCENT } from '@deskremote/shared';
import type { FeatureDeps } from '../presenter/feature-deps.js';
import { Rejected } from '../session/rejected.js';
import { Pactl } from './pactl.js';

const RETRY_MS = 30_000;
/** `pactl subscribe` may hold its lines in a pipe's buffer: while phones are connected, also look now and then. */
const POLL_MS = 2000;

export function installVolume(deps: FeatureDeps, pactl = new Pactl()): void {
  let follower: ChildProcess | undefined;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let wanted: { level?: number; muted?: boolean } | undefined;
  let applying: Promise<void> | undefined;
  const phones = new Set<object>();
  let poll: ReturnType<typeof setInterval> | undefined;
  const setPolling = () => {
    if (phones.size > 0 && !poll && !stopped) {
      poll = setInterval(() => {
        if (deps.state.state.volume !== null && !applying) void refresh();
      }, POLL_MS);
    } else if ((phones.size === 0 || stopped) && poll) {
      clearInterval(poll);
      poll = undefined;
    }
  };
  deps.features.onSessionOpened((session) => {
    phones.add(session);
    setPolling();
  });
  deps.features.onSessionClosed((session) => {
    phones.delete(session);
    setPolling();
  });

  const refresh = async () => {
    try {
      const reading = await pactl.read();
      if (!stopped)
        deps.state.update({ volume: { ...reading, level: Math.min(MAX_VOLUME_PERCENT, reading.level), source: 'pulse' } });
      return true;
    } catch {
      if (!stopped) deps.state.update({ volume: null });
      return false;
    }
  };
  const refreshSoon = () => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void refresh(), 50);
  };
  const start = async () => {
    if (stopped) return;
    if (!(await refresh())) {
      retry = setTimeout(() => void start(), RETRY_MS);
      retry.unref?.();
      return;
    }
    follower = pactl.follow(refreshSoon, () => {
      follower = undefined;
      if (stopped) return;
      retry = setTimeout(() => void start(), 1000);
      retry.unref?.();
    });
  };
  void start();

  /** Applies the newest wanted change; a drag's intermediate values are skipped, never queued. */
  const apply = (): Promise<void> => {
    applying ??= (async () => {
      try {
        while (wanted) {
          const next = wanted;
          wanted = undefined;
          if (next.level !== undefined) await pactl.setLevel(next.level);
          if (next.muted !== undefined) await pactl.setMuted(next.muted);
        }
      } finally {
        applying = undefined;
      }
      await refresh();
    })();
    return applying;
  };

  deps.features.on('volume', async (_session, command) => {
    if (deps.state.state.volume === null) throw new Rejected('volume-unavailable', { why: 'no-sound-server' });
    wanted = {
      ...wanted,
      ...(command.level === undefined ? {} : { level: command.level }),
      ...(command.muted === undefined ? {} : { muted: command.muted }),
    };
    try {
      await apply();
    } catch (error) {
      throw new Rejected('volume-unavailable', {
        why: (error instanceof Error ? error.message : String(error)).slice(0, 200),
      });
    }
    return 'ack' as const;
  });
  deps.onStop(() => {
    stopped = true;
    setPolling();
    clearTimeout(retry);
    clearTimeout(refreshTimer);
    follower?.kill();
  });
}
