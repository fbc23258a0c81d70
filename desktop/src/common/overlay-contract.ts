/**
 * The IPC contract between the main process and the overlay window's page: its channel names and what
 * travels on them. Main, the overlay's preload and the overlay page import these types; the preload ends
 * in `satisfies OverlayBridge`. No Electron import here, so the page and the tests can use it too.
 * (The desktop window's contract is its sibling, dashboard-contract.ts.)
 */
import type { LaserCommand, LaserMode } from '@deskremote/shared';

/** Where the laser pointer is: fractions of the overlay (0..1), 'off' when the finger lifted. */
export interface OverlayPoint {
  mode: LaserMode;
  x: number;
  y: number;
}

/** The phone's 1/65535ths of the screen as the page's fractions. */
export function overlayPoint(command: LaserCommand): OverlayPoint {
  return { mode: command.mode, x: command.x / 65535, y: command.y / 65535 };
}

/** Main to overlay page, as often as the phone's finger moves. */
export const OVERLAY_POINT_CHANNEL = 'deskremote-overlay:point';
export type OverlayPointChannel = typeof OVERLAY_POINT_CHANNEL;

/** What the overlay's preload exposes to its page as window.deskremoteOverlay. */
export interface OverlayBridge {
  onPoint(listener: (point: OverlayPoint) => void): void;
}
