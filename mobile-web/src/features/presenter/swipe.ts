/**
 * A swipe across the presenter panel, told apart from a tap and from a slow drag: far enough, mostly
 * sideways, and quick. Left (the finger moves right to left, as when turning a page) is the next slide.
 */
export interface Stroke {
  dx: number;
  dy: number;
  ms: number;
}

/** CSS pixels a finger must travel sideways; a thumb's twitch on a tap stays well under it. */
export const SWIPE_MIN_PX = 48;
/** Sideways must beat up-and-down by this factor, so a scroll-like gesture is not a slide change. */
export const SWIPE_SLOPE = 1.5;
/** A stroke slower than this is a drag or a rest, not a swipe. */
export const SWIPE_MAX_MS = 800;

export function swipeOf(stroke: Stroke): 'next' | 'previous' | undefined {
  const { dx, dy, ms } = stroke;
  if (ms > SWIPE_MAX_MS || Math.abs(dx) < SWIPE_MIN_PX || Math.abs(dx) < SWIPE_SLOPE * Math.abs(dy)) return undefined;
  return dx < 0 ? 'next' : 'previous';
}

/** A finger that came down and went up in place: a tap, whatever the browser then does with its click. */
export const TAP_MAX_PX = 12;
export const TAP_MAX_MS = 500;

export function isTap(stroke: Stroke): boolean {
  return stroke.ms <= TAP_MAX_MS && Math.hypot(stroke.dx, stroke.dy) <= TAP_MAX_PX;
}
