import type { FeatureDeps } from './feature-deps.js';

/** Watches the focused window and picks the slide profile for it. */
export function installFocusWatch(_deps: FeatureDeps): void {}
