/**
 * Media players: over MPRIS where there is a session bus, through the system's media sessions on Windows
 * (commands reach the chosen player, or the one that played last, whatever window has the focus;
 * positions polled while a phone looks); the media keys to the focused application where there is
 * neither (macOS: its now-playing is a private framework), or for the volume keys.
 */
import type { MediaPlayer } from '@deskremote/shared';
import type { FeatureDeps } from '../presenter/feature-deps.js';
import type { SessionPort } from '../session/feature-router.js';
import { imageFrame } from '../session/image-frame.js';
import { Rejected } from '../session/rejected.js';
import { isBehind } from '../session/unread-limits.js';
import { Mpris } from './mpris.js';
import type { PlayerSource } from './player-source.js';
import { readArtFile } from './read-art-file.js';
import { WindowsMedia } from './windows-media.js';

const POSITION_POLL_MS = 1000;
const ART_PX = 240;
const ART_MAX_FILE_BYTES = 5 * 1024 * 1024;

export function installMedia(deps: FeatureDeps): void {
  let source: PlayerSource | undefined;
  const watching = new Set<SessionPort>();
  let poll: ReturnType<typeof setInterval> | undefined;
  const setPolling = () => {
    if (watching.size > 0 && source && !poll)
      poll = setInterval(() => void source?.refreshPositions().catch(() => {}), POSITION_POLL_MS);
    if ((watching.size === 0 || !source) && poll) {
      clearInterval(poll);
      poll = undefined;
    }
  };
  const publish = (kind: 'mpris' | 'windows') => (players: MediaPlayer[], active: string | null) =>
    deps.state.update({
      media: {
        source: kind,
        active,
        players: players
          .slice(0, 6)
          .map(({ trackId: _t, artUrl: _a, ...player }: MediaPlayer & { trackId?: string; artUrl?: string }) => player),
      },
    });
  const following =
    process.platform === 'win32'
      ? WindowsMedia.start(publish('windows'))
      : process.env.DBUS_SESSION_BUS_ADDRESS
        ? Mpris.connect(publish('mpris'), deps.log)
        : undefined;
  following?.then(
    (connected) => {
      source = connected;
      setPolling();
    },
    (error: unknown) => deps.log(`media players not followed: ${error instanceof Error ? error.message : String(error)}`),
  );

  deps.features.on('media', async (session, command) => {
    const transport = command.action === 'playPause' || command.action === 'next' || command.action === 'previous';
    if (transport && source?.has(command.player)) {
      try {
        await source.command(command.player, command.action as 'playPause' | 'next' | 'previous');
      } catch (error) {
        throw new Rejected('player-unavailable', {
          why: (error instanceof Error ? error.message : String(error)).slice(0, 200),
        });
      }
      return 'ack' as const;
    }
    // No player over MPRIS (or the volume keys): the media keys, to the application in front.
    await deps.inject(session.id, { ...command, player: undefined });
    return 'ack' as const;
  });
  deps.features.on('mediaWatch', (session, command) => {
    if (command.on) watching.add(session);
    else watching.delete(session);
    setPolling();
    if (command.on) void source?.refreshPositions().catch(() => {});
    return 'ack' as const;
  });
  deps.features.on('seek', async (_session, command) => {
    if (!source?.has(command.player)) throw new Rejected('player-unavailable', { why: 'no-player' });
    try {
      await source.seek(command.player, command.positionMs);
    } catch (error) {
      throw new Rejected('player-unavailable', {
        why: (error instanceof Error ? error.message : String(error)).slice(0, 200),
      });
    }
    return 'ack' as const;
  });
  deps.features.on('art', async (session, command) => {
    // Nothing read and resized for a phone that has not read what it was sent (unread-limits.ts): it asks again.
    if (isBehind(session)) throw new Rejected('rate-limited', { why: 'unread' });
    // Only a local file the player names: the host never fetches a URL for a phone.
    const file = source?.artFile(command.player);
    if (!file) throw new Rejected('player-unavailable', { why: 'no-art' });
    try {
      const bytes = await readArtFile(file, ART_MAX_FILE_BYTES);
      session.send(await imageFrame(command.id, bytes, { box: ART_PX, quality: 70, enlarge: true }));
      return 'answered' as const;
    } catch (error) {
      throw new Rejected('player-unavailable', {
        why: (error instanceof Error ? error.message : String(error)).slice(0, 200),
      });
    }
  });
  deps.features.onSessionClosed((session) => {
    watching.delete(session);
    setPolling();
  });
  deps.onStop(() => {
    watching.clear();
    setPolling();
    source?.close();
  });
}
