/**
 * Which screen the laser overlay covers. A speaker's laptop usually shows the presenter view on its own
 * screen and the slides on the projector, so "the primary display" is the wrong guess exactly when it
 * matters. Pure: main passes Electron's displays in. No Electron import here.
 */
import type { Rect } from '../common/dashboard-contract.js';

export interface OverlayDisplayCandidate {
  id: number;
  bounds: Rect;
}

export interface OverlayDisplayQuestion<D extends OverlayDisplayCandidate> {
  displays: readonly D[];
  primaryId: number;
  /** The focused window (the slide show, usually), in the displays' coordinates; undefined when unknown. */
  focusedWindowBounds?: Rect | undefined;
  /** What the user chose in the desktop window; undefined or 'auto': no choice. */
  chosenDisplayId?: number | 'auto' | undefined;
}

/**
 * The user's choice while that screen is connected; else the screen holding the centre of the focused
 * window; else a screen other than the primary when there are two or more (the projector); else the primary.
 * Undefined only when there is no display at all.
 */
export function chooseOverlayDisplay<D extends OverlayDisplayCandidate>(question: OverlayDisplayQuestion<D>): D | undefined {
  const { displays, primaryId, focusedWindowBounds, chosenDisplayId } = question;
  const chosen = displays.find((d) => d.id === chosenDisplayId);
  if (chosen) return chosen;
  if (focusedWindowBounds) {
    const x = focusedWindowBounds.x + focusedWindowBounds.width / 2;
    const y = focusedWindowBounds.y + focusedWindowBounds.height / 2;
    const holding = displays.find((d) => contains(d.bounds, x, y));
    if (holding) return holding;
  }
  const primary = displays.find((d) => d.id === primaryId);
  if (displays.length >= 2) return displays.find((d) => d !== primary) ?? primary;
  return primary ?? displays[0];
}

function contains(bounds: Rect, x: number, y: number): boolean {
  return x >= bounds.x && x < bounds.x + bounds.width && y >= bounds.y && y < bounds.y + bounds.height;
}
