/**
 * X11 (and XWayland): the backend candidate, the driver and the XTEST connection it drives.
 *
 * Pointer, keys and exact text go through our own XTEST connection, in pure JavaScript: the pointer
 * (pointer.ts) and the keyboard, keys and exact text by the live keymap (keyboard.ts), on one connection
 * (connection.ts) so the server takes them in the order they were sent. libnut's keyboard.type drops
 * Shift for symbols and mangles everything outside ASCII, and its keys follow US positions. Only media
 * keys go through nut-js; libnut talks to X on a connection of its own, so whatever was sent on ours is
 * settled before nut-js injects anything.
 *
 * The display is probed in a child process first, because libnut crashes the process instead of
 * failing when it cannot open it.
 */
import type { MouseButton } from '@deskremote/shared';
import { probeInjection } from '../../display-probe.js';
import { assessEnvironment, READY } from '../../input-availability.js';
import type { InputDriver } from '../../input-driver.js';
import { loadNutDriver } from '../nut/nut-driver.js';
import type { InputBackendCandidate } from '../registry.js';
import { X11Connection } from './connection.js';
import { type KeyboardOptions, X11Keyboard } from './keyboard.js';
import { X11Pointer } from './pointer.js';
import { x11TextProblem } from './x11-keysyms.js';

export class X11Input {
  /** Set when the pointer wrote requests nobody has waited for yet (keyboard calls sync themselves). */
  private unsynced = false;

  private constructor(
    private readonly x: X11Connection,
    readonly pointerDevice: X11Pointer,
    readonly keyboard: X11Keyboard,
  ) {}

  static async connect(displayName: string | undefined, options?: KeyboardOptions): Promise<X11Input> {
    const x = await X11Connection.open(displayName);
    try {
      return new X11Input(x, new X11Pointer(x), await X11Keyboard.open(x, options));
    } catch (error) {
      x.close();
      throw error;
    }
  }

  /** Runs a pointer action; it returns before the server has processed it. */
  pointer(action: (pointer: X11Pointer) => void): void {
    action(this.pointerDevice);
    this.unsynced = true;
  }

  /** Resolves once the server has processed everything sent so far (only waits when there is something). */
  async settle(): Promise<void> {
    if (!this.unsynced) return;
    this.unsynced = false;
    await this.x.sync();
  }

  close(): void {
    this.x.close();
  }
}

const X11_BUTTONS: Record<MouseButton, number> = { left: 1, middle: 2, right: 3 };

/** The driver on X11: pointer, keys and text through our XTEST connection; only media keys through nut-js. */
export function x11Driver(x11: X11Input, nut: Pick<InputDriver, 'tapMediaKey'>): InputDriver {
  return {
    moveBy: async (dx, dy) => x11.pointer((p) => p.moveBy(dx, dy)),
    scrollSteps: async (x, y) => x11.pointer((p) => p.scroll(x, y)),
    click: async (button, double) => x11.pointer((p) => p.click(X11_BUTTONS[button], double ? 2 : 1)),
    setButton: async (button, down) => x11.pointer((p) => p.button(X11_BUTTONS[button], down)),
    async tapKey(key, mods) {
      await x11.settle();
      await x11.keyboard.tap(key, mods);
    },
    async setKey(key, down) {
      await x11.settle();
      await x11.keyboard.set(key, down);
    },
    async tapMediaKey(action) {
      await x11.settle();
      await nut.tapMediaKey(action);
    },
    textProblem: x11TextProblem,
    async typeText(text, progress) {
      await x11.settle();
      await x11.keyboard.type(text, progress);
    },
  };
}

/**
 * The real driver for this X session: nut-js (for the media keys), with the pointer, keys and text over
 * XTEST on Linux. Elsewhere (the BSDs) nut-js alone.
 */
export async function loadX11Driver(platform: NodeJS.Platform = process.platform, env = process.env): Promise<InputDriver> {
  const nut = await loadNutDriver(platform);
  if (platform !== 'linux') return nut;
  return x11Driver(await X11Input.connect(env.DISPLAY), nut);
}

export const x11Backend: InputBackendCandidate = {
  name: 'x11',
  appliesTo: (platform) => platform === 'linux' || platform === 'freebsd' || platform === 'openbsd',
  async open(platform, env, context) {
    const assessed = assessEnvironment(platform, env);
    if (assessed?.status === 'unavailable') return { availability: assessed, driver: undefined };
    const probe = await probeInjection(env, context.runProbe);
    if (!probe.ok) {
      return {
        availability: {
          status: 'unavailable',
          code: 'display-unreachable',
          params: { display: env.DISPLAY ?? '', error: probe.detail.slice(0, 200) },
        },
        driver: undefined,
      };
    }
    try {
      return { availability: assessed ?? READY, driver: await loadX11Driver(platform, env) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        availability: { status: 'unavailable', code: 'driver-failed', params: { error: message.slice(0, 200) } },
        driver: undefined,
      };
    }
  },
};
