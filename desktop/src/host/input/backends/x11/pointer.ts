/**
 * The pointer over XTEST. Motion is one relative MotionNotify, written without waiting for a reply:
 * no round trip per move (libnut needs two, and their tail under load set the host's p99), X clamps
 * at the screen edges, and applications see real relative motion.
 */
import type { X11Connection } from './connection.js';

const MOTION_NOTIFY = 6;
const BUTTON_PRESS = 4;
const BUTTON_RELEASE = 5;
/** XTEST: a MotionNotify whose detail is 1 moves relative to the current position. */
const RELATIVE = 1;
const WHEEL_UP = 4;
const WHEEL_DOWN = 5;
const WHEEL_LEFT = 6;
const WHEEL_RIGHT = 7;

export class X11Pointer {
  constructor(private readonly x: X11Connection) {}

  moveBy(dx: number, dy: number): void {
    this.x.fake(MOTION_NOTIFY, RELATIVE, dx, dy);
  }

  /** 1 left, 2 middle, 3 right; 4 to 7 are wheel steps. */
  button(button: number, down: boolean): void {
    this.x.fake(down ? BUTTON_PRESS : BUTTON_RELEASE, button);
  }

  click(button: number, times = 1): void {
    for (let i = 0; i < times; i++) {
      this.button(button, true);
      this.button(button, false);
    }
  }

  /** Whole wheel steps; positive y scrolls the content down, positive x to the right. */
  scroll(x: number, y: number): void {
    if (y !== 0) this.click(y > 0 ? WHEEL_DOWN : WHEEL_UP, Math.abs(y));
    if (x !== 0) this.click(x > 0 ? WHEEL_RIGHT : WHEEL_LEFT, Math.abs(x));
  }
}
