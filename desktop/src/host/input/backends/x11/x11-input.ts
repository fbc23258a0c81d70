/**
 * Input on X11 through our own XTEST connection, in pure JavaScript: the pointer (pointer.ts) and
 * the keyboard, keys and exact text by the live keymap (keyboard.ts), on one connection
 * (connection.ts) so the server takes them in the order they were sent. libnut's keyboard.type
 * drops Shift for symbols and mangles everything outside ASCII, and its keys follow US positions.
 */
import { X11Connection } from './connection.js';
import { type KeyboardOptions, X11Keyboard } from './keyboard.js';
import { X11Pointer } from './pointer.js';

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
