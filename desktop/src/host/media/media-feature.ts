import type { FeatureDeps } from '../presenter/feature-deps.js';
import { FeatureRejected } from '../session/feature-router.js';

/** Media players: MPRIS where there is a session bus; media keys to the focused app elsewhere. */
export function installMedia(deps: FeatureDeps): void {
  deps.features.on('media', async (session, command) => {
    await deps.inject(session.id, command);
    return 'ack' as const;
  });
  deps.features.on('mediaWatch', () => 'ack');
  deps.features.on('seek', () => {
    throw new FeatureRejected('player-unavailable', { why: 'no-mpris' });
  });
  deps.features.on('art', () => {
    throw new FeatureRejected('player-unavailable', { why: 'no-mpris' });
  });
}
