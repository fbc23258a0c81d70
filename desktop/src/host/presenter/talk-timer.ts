import type { FeatureDeps } from './feature-deps.js';

/** The talk timer: owned by the host, the same on every phone and in the desktop window. */
export function installTalkTimer(_deps: FeatureDeps): void {}
