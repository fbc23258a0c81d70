/**
 * The pointer and exact text on X11 through XTEST, in pure JavaScript.
 *
 * Motion is one relative MotionNotify request, written without waiting for a reply: no round trip to
 * the X server per move (libnut needs two, XQueryPointer and XWarpPointer with XSync, and their tail
 * under load set the host's p99), X clamps at the screen edges, and applications see real relative
 * motion. Buttons and wheel steps go the same way, so all pointer input is ordered on one connection
 * (X processes a connection's requests in order). settle() waits one round trip, before anything is
 * injected through another connection (libnut's, for keys). A lost connection fails every later call.
 *
 * Text: libnut's typeString drops Shift for symbols
 * ('!' arrives as '1') and mangles everything outside ASCII. Here each character's keysym is looked
 * up in the live keyboard mapping (so any layout types right) and pressed with Shift when it sits on
 * the shifted level. Characters the layout lacks are put on spare keycodes, one keycode each, for the
 * time they are typed: clients re-read the mapping lazily, so a keycode is never reused within a batch.
 */
import * as x11 from 'x11';
import { keysymForChar, SHIFT_L } from './x11-keysyms.js';

type KeyPlace = { keycode: number; shift: boolean };
const MAPPING_NOTIFY = 34;
const MOTION_NOTIFY = 6;
const BUTTON_PRESS = 4;
const BUTTON_RELEASE = 5;
const WHEEL_UP = 4;
const WHEEL_DOWN = 5;
const WHEEL_LEFT = 6;
const WHEEL_RIGHT = 7;
/** XTEST: a MotionNotify whose detail is 1 moves relative to the current position. */
const RELATIVE = 1;
/** The root window argument None: the screen the pointer is on. */
const NONE = 0;
/** Time for every client to take in a mapping change before keys that rely on it arrive. */
const MAPPING_SETTLE_MS = 60;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class X11Input {
  private rows: number[][] = [];
  private spares: number[] = [];
  private shiftKeycode: number | undefined;
  private perKeycode = 0;
  /** Set when the server says the mapping changed (a layout switch, or our own spare keycodes). */
  private stale = false;
  private unsynced = false;
  private lost: Error | undefined;

  private constructor(
    private readonly display: x11.XDisplay,
    private readonly xtest: x11.XTest,
  ) {}

  static connect(displayName: string | undefined): Promise<X11Input> {
    return new Promise((resolve, reject) => {
      const client = x11.createClient(displayName ? { display: displayName } : {}, (error, display) => {
        if (error) return reject(error);
        display.client.require('xtest', (xtestError, xtest) => {
          if (xtestError) return reject(new Error(`the X server has no XTEST extension: ${xtestError.message}`));
          const keyboard = new X11Input(display, xtest);
          display.client.on('event', (event) => {
            if (event.type === MAPPING_NOTIFY) keyboard.stale = true;
          });
          display.client.on('error', (lost) => {
            keyboard.lost = lost;
          });
          keyboard.refreshMapping().then(() => resolve(keyboard), reject);
        });
      });
      client.on('error', (error) => reject(error));
    });
  }

  async type(text: string): Promise<void> {
    this.live();
    if (this.stale) {
      this.stale = false;
      await this.refreshMapping();
    }
    const keysyms = [...text].map((ch) => {
      const keysym = keysymForChar(ch);
      if (keysym === undefined) throw new Error(`no key for U+${(ch.codePointAt(0) ?? 0).toString(16)}`);
      return keysym;
    });
    let start = 0;
    while (start < keysyms.length) start = await this.typeBatch(keysyms, start);
  }

  /** Moves the pointer relative to where it is; returns before the server has processed it. */
  moveBy(dx: number, dy: number): void {
    const { xtest } = this.live();
    xtest.FakeInput(MOTION_NOTIFY, RELATIVE, 0, NONE, dx, dy);
    this.unsynced = true;
  }

  /** Presses or releases a pointer button: 1 left, 2 middle, 3 right; 4 to 7 are wheel steps. */
  button(button: number, down: boolean): void {
    this.live().xtest.FakeInput(down ? BUTTON_PRESS : BUTTON_RELEASE, button, 0, NONE, 0, 0);
    this.unsynced = true;
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

  /** Resolves once the server has processed everything sent so far (only waits when there is something). */
  async settle(): Promise<void> {
    if (!this.unsynced) return;
    this.unsynced = false;
    await this.sync();
  }

  private live(): this {
    if (this.lost) throw new Error(`the connection to the X server was lost: ${this.lost.message}`);
    return this;
  }

  close(): void {
    this.display.client.terminate();
  }

  /** Types from `start` until the spare keycodes run out; returns where it stopped. */
  private async typeBatch(keysyms: number[], start: number): Promise<number> {
    const borrowed = new Map<number, number>();
    let end = start;
    for (; end < keysyms.length; end++) {
      const keysym = keysyms[end] as number;
      if (this.find(keysym) || borrowed.has(keysym)) continue;
      const spare = this.spares[borrowed.size];
      if (spare === undefined) break;
      borrowed.set(keysym, spare);
    }
    if (end === start) throw new Error('the keyboard mapping has no free keycode for this character');
    for (const [keysym, keycode] of borrowed) this.setKeysym(keycode, keysym);
    if (borrowed.size > 0) {
      await this.sync();
      await sleep(MAPPING_SETTLE_MS);
    }
    try {
      for (let i = start; i < end; i++) {
        const keysym = keysyms[i] as number;
        const place = this.find(keysym) ?? { keycode: borrowed.get(keysym) as number, shift: false };
        this.tap(place);
      }
      await this.sync();
      this.unsynced = false;
    } finally {
      if (borrowed.size > 0) {
        await sleep(MAPPING_SETTLE_MS);
        for (const keycode of borrowed.values()) this.setKeysym(keycode, 0);
        await this.sync();
      }
    }
    return end;
  }

  private setKeysym(keycode: number, keysym: number): void {
    const syms = new Array<number>(this.perKeycode).fill(0);
    syms[0] = keysym;
    if (this.perKeycode > 1) syms[1] = keysym;
    this.display.client.ChangeKeyboardMapping(keycode, this.perKeycode, syms);
  }

  private tap({ keycode, shift }: KeyPlace): void {
    const { xtest } = this;
    const root = this.display.screen[0]?.root ?? 0;
    if (shift && this.shiftKeycode !== undefined) xtest.FakeInput(xtest.KeyPress, this.shiftKeycode, 0, root, 0, 0);
    xtest.FakeInput(xtest.KeyPress, keycode, 0, root, 0, 0);
    xtest.FakeInput(xtest.KeyRelease, keycode, 0, root, 0, 0);
    if (shift && this.shiftKeycode !== undefined) xtest.FakeInput(xtest.KeyRelease, this.shiftKeycode, 0, root, 0, 0);
  }

  /** Where the layout has this keysym: the unshifted level first, then the shifted one. */
  private find(keysym: number): KeyPlace | undefined {
    const first = this.display.min_keycode;
    for (let level = 0; level < 2; level++) {
      for (let i = 0; i < this.rows.length; i++) {
        if (this.rows[i]?.[level] === keysym && !this.spares.includes(i + first)) {
          return { keycode: i + first, shift: level === 1 };
        }
      }
    }
    return undefined;
  }

  private refreshMapping(): Promise<void> {
    const { min_keycode: first, max_keycode: last } = this.display;
    return new Promise((resolve, reject) => {
      this.display.client.GetKeyboardMapping(first, last - first + 1, (error, rows) => {
        if (error) return reject(error);
        this.rows = rows;
        this.perKeycode = rows[0]?.length ?? 0;
        // Keycodes with no symbols at all are free to borrow, the highest first.
        this.spares = rows
          .map((row, i) => (row.every((sym) => sym === 0) ? i + first : -1))
          .filter((keycode) => keycode > 0)
          .reverse()
          .slice(0, 32);
        this.shiftKeycode = this.find(SHIFT_L)?.keycode;
        resolve();
      });
    });
  }

  private sync(): Promise<void> {
    return new Promise((resolve, reject) => this.display.client.GetInputFocus((error) => (error ? reject(error) : resolve())));
  }
}
