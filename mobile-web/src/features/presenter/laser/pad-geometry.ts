/**
 * The pad stands for the whole screen: it keeps the screen's shape, and a place on it is the same
 * fraction of the screen (absolute, unlike the touchpad: the dot goes where the finger is).
 */

/** Most projectors and laptops; the host does not say its screen's shape yet. */
export const SCREEN_ASPECT = 16 / 9;

/** The largest box of this aspect that fits the space. */
export function fitAspect(space: { width: number; height: number }, aspect = SCREEN_ASPECT): { width: number; height: number } {
  const width = Math.max(0, Math.min(space.width, space.height * aspect));
  return { width: Math.floor(width), height: Math.floor(width / aspect) };
}

/** Where a finger is on the pad, as fractions (0..1) of the screen; outside the pad, at its edge. */
export function fractionOnPad(
  client: { x: number; y: number },
  pad: { left: number; top: number; width: number; height: number },
): { x: number; y: number } {
  const clamp = (value: number) => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0.5);
  return { x: clamp((client.x - pad.left) / pad.width), y: clamp((client.y - pad.top) / pad.height) };
}
