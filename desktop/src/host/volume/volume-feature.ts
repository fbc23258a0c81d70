import type { FeatureDeps } from '../presenter/feature-deps.js';
import { FeatureRejected } from '../session/feature-router.js';

/** The system's volume through pactl or wpctl; the phone falls back to the volume keys without it. */
export function installVolume(deps: FeatureDeps): void {
  deps.features.on('volume', () => {
    throw new FeatureRejected('volume-unavailable', { why: 'not-built' });
  });
}
