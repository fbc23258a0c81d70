import type { FeatureDeps } from '../presenter/feature-deps.js';
import { FeatureRejected } from '../session/feature-router.js';

/** The live screen preview: a frame per request, only while a phone asks. */
export function installPreview(deps: FeatureDeps): void {
  deps.features.on('preview', () => {
    throw new FeatureRejected('preview-unavailable', { why: 'not-built' });
  });
}
