/**
 * How far the desktop pointer moves for a finger's motion. Slow motion is precise (BASE_GAIN);
 * a quick flick crosses the screen (up to BASE_GAIN * (1 + MAX_BOOST)). The hand's settings scale both:
 * sensitivity multiplies everything, acceleration how much quick flicks are amplified (0: none).
 */
export const BASE_GAIN = 1.5;
const MAX_BOOST = 1.5;
/** Finger speeds in px/ms: below SLOW the gain is BASE_GAIN, above FAST it is the most. */
const SLOW = 0.4;
const FAST = 2.0;

export function pointerGain(distancePx: number, dtMs: number, sensitivity = 1, acceleration = 1): number {
  const speed = distancePx / Math.max(1, dtMs);
  const t = Math.min(1, Math.max(0, (speed - SLOW) / (FAST - SLOW)));
  const eased = t * t * (3 - 2 * t);
  return sensitivity * BASE_GAIN * (1 + MAX_BOOST * acceleration * eased);
}
