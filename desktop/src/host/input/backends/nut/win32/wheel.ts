/**
 * The wheel on Windows, through SendInput rather than libnut: libnut's scrollMouse always sends a vertical
 * and a horizontal wheel event together, so every vertical notch came with a WM_MOUSEHWHEEL of delta 0 (and
 * every sideways one with a WM_MOUSEWHEEL of 0), and it only knows whole notches. Windows takes any delta
 * (precision touchpads send less than WHEEL_DELTA at a time, and applications scroll by delta / 120 of a
 * notch), so a short two-finger swipe scrolls a little at once instead of waiting for a whole notch.
 */
export const WHEEL_DELTA = 120;
export const MOUSEEVENTF_WHEEL = 0x0800;
export const MOUSEEVENTF_HWHEEL = 0x1000;

export interface Win32WheelEvent {
  flags: number;
  /** The signed delta; SendInput's mouseData is a DWORD, so it is passed as its two's complement. */
  delta: number;
}

/**
 * Wheel events for a scroll of `x`, `y` in Windows units (WHEEL_DELTA a notch), with the driver's sign
 * convention: positive y scrolls the content down, which is a negative WM_MOUSEWHEEL delta (towards the
 * user); positive x scrolls to the right, a positive WM_MOUSEHWHEEL delta. An axis that does not move
 * sends nothing.
 */
export function wheelEvents(x: number, y: number): Win32WheelEvent[] {
  const events: Win32WheelEvent[] = [];
  if (y !== 0) events.push({ flags: MOUSEEVENTF_WHEEL, delta: -y });
  if (x !== 0) events.push({ flags: MOUSEEVENTF_HWHEEL, delta: x });
  return events;
}

/**
 * Phone pixels to whole Windows wheel units, the remainder carried so many small scrolls add up exactly.
 * The carry is kept as pixels × WHEEL_DELTA (integers, as the protocol's deltas are), not as a fraction of
 * a unit, so no rounding drift: seven scrolls of 1 px at 7 px a notch make exactly 120, not 119.
 */
export class SmoothWheel {
  private carry = { x: 0, y: 0 };

  constructor(private readonly pixelsPerNotch: number) {}

  units(dx: number, dy: number): { x: number; y: number } {
    const x = this.carry.x + dx * WHEEL_DELTA;
    const y = this.carry.y + dy * WHEEL_DELTA;
    const whole = { x: Math.trunc(x / this.pixelsPerNotch), y: Math.trunc(y / this.pixelsPerNotch) };
    this.carry = { x: x - whole.x * this.pixelsPerNotch, y: y - whole.y * this.pixelsPerNotch };
    return whole;
  }
}
