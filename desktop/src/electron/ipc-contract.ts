/**
 * The IPC contract between the main process and the overlay window's page: its channel names and what
 * travels on them. Main, the overlay's preload and the overlay page import these types; the preload ends
 * in `satisfies OverlayBridge`. No Electron import here, so the page and the tests can use it too.
 * (The desktop window's bridge predates this file; its types live in ../dashboard/dashboard-bridge.d.ts.)
 */
import type { LaserMode } from '@deskremote/shared';

/** Where the laser pointer is: fractions of the overlay (0..1), 'off' when the finger lifted. */
export interface OverlayPoint {
  mode: LaserMode;
  x: number;
  y: number;
}

/** Main to overlay page, as often as the phone's finger moves. */
export const OVERLAY_POINT_CHANNEL = 'deskremote-overlay:point';
export type OverlayPointChannel = typeof OVERLAY_POINT_CHANNEL;

/** What the overlay's preload exposes to its page as window.deskremoteOverlay. */
export interface OverlayBridge {
  onPoint(listener: (point: OverlayPoint) => void): void;
}
