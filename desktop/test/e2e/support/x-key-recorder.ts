/**
 * A second receiving application at the X level: a plain X window that takes the keyboard focus and
 * records every KeyPress and KeyRelease with the modifier state the X server reports. For chords a
 * browser keeps for itself (Chromium acts on Ctrl+Shift+T and never gives it to a page).
 */
import * as x11 from 'x11';

export interface XKey {
  type: 'KeyPress' | 'KeyRelease';
  /** The keysym on the key's first level: 0x74 for the T key, 0xffe1 for Shift_L. */
  keysym: number;
  shift: boolean;
  ctrl: boolean;
  alt: boolean;
}

/** The requests this recorder needs beyond those the host's own declaration lists. */
interface WindowClient {
  AllocID(): number;
  CreateWindow(
    id: number,
    parent: number,
    x: number,
    y: number,
    width: number,
    height: number,
    border: number,
    depth: number,
    klass: number,
    visual: number,
    values: { eventMask: number; overrideRedirect: number; backgroundPixel: number },
  ): void;
  MapWindow(id: number): void;
  DestroyWindow(id: number): void;
  SetInputFocus(id: number, revertTo: number): void;
}
type KeyEvent = { name?: string; keycode?: number; buttons?: number };

const KEY_EVENTS = 0x1 | 0x2;
const POINTER_ROOT = 1;
const STATE = { shift: 1, ctrl: 4, alt: 8 };

export class XKeyRecorder {
  readonly keys: XKey[] = [];

  private constructor(
    private readonly display: x11.XDisplay,
    private readonly window: number,
  ) {}

  /** Opens a window over the screen and gives it the focus; keys go to it until it is closed. */
  static open(displayName: string): Promise<XKeyRecorder> {
    return new Promise((resolve, reject) => {
      const client = x11.createClient({ display: displayName }, (error, display) => {
        if (error) return reject(error);
        const x = display.client as unknown as x11.XClient & WindowClient;
        x.GetKeyboardMapping(display.min_keycode, display.max_keycode - display.min_keycode + 1, (mapError, rows) => {
          if (mapError) return reject(mapError);
          const root = display.screen[0]?.root ?? 0;
          const window = x.AllocID();
          x.CreateWindow(window, root, 0, 0, 400, 300, 0, 0, 0, 0, {
            eventMask: KEY_EVENTS,
            overrideRedirect: 1,
            backgroundPixel: 0x336699,
          });
          x.MapWindow(window);
          const recorder = new XKeyRecorder(display, window);
          x.on('event', (event: KeyEvent) => {
            if (event.name !== 'KeyPress' && event.name !== 'KeyRelease') return;
            const state = event.buttons ?? 0;
            recorder.keys.push({
              type: event.name,
              keysym: rows[(event.keycode ?? 0) - display.min_keycode]?.[0] ?? 0,
              shift: (state & STATE.shift) !== 0,
              ctrl: (state & STATE.ctrl) !== 0,
              alt: (state & STATE.alt) !== 0,
            });
          });
          // The window must be viewable before it can take the focus: ask after the map is processed.
          x.GetInputFocus(() => {
            x.SetInputFocus(window, POINTER_ROOT);
            x.GetInputFocus(() => resolve(recorder));
          });
        });
      });
      client.on('error', reject);
    });
  }

  /** Waits until the recorded keys satisfy the check, or fails with what was recorded. */
  async waitFor<T>(describe: string, check: (keys: XKey[]) => T | undefined, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const result = check(this.keys);
      if (result !== undefined) return result;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`the X window never saw ${describe}; it saw ${JSON.stringify(this.keys.slice(-8))}`);
  }

  /** Gives the focus back to whatever the pointer is over (the recording Chromium window). */
  close(): void {
    const x = this.display.client as unknown as x11.XClient & WindowClient;
    x.DestroyWindow(this.window);
    x.terminate();
  }
}
