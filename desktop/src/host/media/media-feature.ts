/**
 * Media players: over MPRIS where there is a session bus (commands reach the chosen player, or the one
 * that played last, whatever window has the focus; positions polled while a phone looks); the media keys
 * to the focused application where there is none, or for the volume keys.
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { FeatureDeps } from '../presenter/feature-deps.js';
import { FeatureRejected, type SessionPort } from '../session/feature-router.js';
import { Mpris } from './mpris.js';

const POSITION_POLL_MS = 1000;
const ART_PX = 240;
const ART_MAX_FILE_BYTES = 5 * 1024 * 1024;

export function installMedia(deps: FeatureDeps): void {
  let mpris: Mpris | undefined;
  const watching = new Set<SessionPort>();
  let poll: ReturnType<typeof setInterval> | undefined;
  const setPolling = () => {
    if (watching.size > 0 && mpris && !poll) poll = setInterval(() => void mpris?.refreshPositions(), POSITION_POLL_MS);
    if ((watching.size === 0 || !mpris) && poll) {
      clearInterval(poll);
      poll = undefined;
    }
  };
  if (process.env.DBUS_SESSION_BUS_ADDRESS) {
    Mpris.connect(
      (players, active) =>
        deps.state.update({
          media: {
            source: 'mpris',
            active,
            players: players.slice(0, 6).map(({ trackId: _t, artUrl: _a, ...player }) => player),
          },
        }),
      deps.log,
    ).then(
      (connected) => {
        mpris = connected;
        setPolling();
      },
      (error: unknown) => deps.log(`media players not followed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  deps.features.on('media', async (session, command) => {
    const transport = command.action === 'playPause' || command.action === 'next' || command.action === 'previous';
    if (transport && mpris?.has(command.player)) {
      try {
        await mpris.command(command.player, command.action as 'playPause' | 'next' | 'previous');
      } catch (error) {
        throw new FeatureRejected('player-unavailable', {
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
    if (command.on) void mpris?.refreshPositions();
    return 'ack' as const;
  });
  deps.features.on('seek', async (_session, command) => {
    if (!mpris?.has(command.player)) throw new FeatureRejected('player-unavailable', { why: 'no-player' });
    try {
      await mpris.seek(command.player, command.positionMs);
    } catch (error) {
      throw new FeatureRejected('player-unavailable', {
        why: (error instanceof Error ? error.message : String(error)).slice(0, 200),
      });
    }
    return 'ack' as const;
  });
  deps.features.on('art', async (session, command) => {
    // Only a local file the player names: the host never fetches a URL for a phone.
    const file = mpris?.artFile(command.player);
    if (!file) throw new FeatureRejected('player-unavailable', { why: 'no-art' });
    try {
      const bytes = await readFile(file);
      if (bytes.length > ART_MAX_FILE_BYTES) throw new Error('art too large');
      const { data, info } = await sharp(bytes)
        .resize(ART_PX, ART_PX, { fit: 'inside' })
        .jpeg({ quality: 70 })
        .toBuffer({ resolveWithObject: true });
      session.send({
        t: 'frame',
        id: command.id,
        width: info.width,
        height: info.height,
        jpeg: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      });
      return 'answered' as const;
    } catch (error) {
      throw new FeatureRejected('player-unavailable', {
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
    mpris?.close();
  });
}
