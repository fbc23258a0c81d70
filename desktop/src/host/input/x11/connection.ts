/**
 * Our own connection to the X server, with XTEST, in pure JavaScript. Everything injected goes
 * through it, so the server processes pointer, keys and keyboard-mapping changes in the order they
 * were written (X handles one connection's requests in order). Requests are written without waiting
 * for replies; sync() waits one round trip. A lost connection fails every later call.
 */
import * as x11 from 'x11';

const MAPPING_NOTIFY = 34;
const KEY_PRESS = 2;
const KEY_RELEASE = 3;
/** The root window argument None: the screen the pointer is on. */
const NONE = 0;
/** A root-window property listing the keycodes we borrowed: they outlive a host that crashed or was stopped. */
const BORROWED = '_DESKREMOTE_BORROWED_KEYCODES';
const CARDINAL = 6;
const ANY_TYPE = 0;

export class X11Connection {
  private lost: Error | undefined;
  private readonly mappingListeners = new Set<() => void>();

  private constructor(
    private readonly display: x11.XDisplay,
    private readonly xtest: x11.XTest,
  ) {}

  static open(displayName: string | undefined): Promise<X11Connection> {
    return new Promise((resolve, reject) => {
      const client = x11.createClient(displayName ? { display: displayName } : {}, (error, display) => {
        if (error) return reject(error);
        display.client.require('xtest', (xtestError, xtest) => {
          if (xtestError) return reject(new Error(`the X server has no XTEST extension: ${xtestError.message}`));
          const connection = new X11Connection(display, xtest);
          display.client.on('event', (event) => {
            if (event.type === MAPPING_NOTIFY) for (const listener of connection.mappingListeners) listener();
          });
          display.client.on('error', (lost) => {
            connection.lost = lost;
          });
          resolve(connection);
        });
      });
      client.on('error', (error) => reject(error));
    });
  }

  get minKeycode(): number {
    return this.display.min_keycode;
  }

  /** Called when the server announces a keyboard mapping change (a layout switch, or our own). */
  onMappingChange(listener: () => void): void {
    this.mappingListeners.add(listener);
  }

  /** Sends a raw XTEST event: type 2/3 keys, 4/5 buttons, 6 motion. */
  fake(type: number, detail: number, x = 0, y = 0): void {
    this.live().xtest.FakeInput(type, detail, 0, NONE, x, y);
  }

  key(keycode: number, down: boolean): void {
    this.fake(down ? KEY_PRESS : KEY_RELEASE, keycode);
  }

  /** The whole keyboard mapping: one row of keysyms per keycode from minKeycode. */
  keyboardMapping(): Promise<number[][]> {
    const { min_keycode: first, max_keycode: last } = this.live().display;
    return new Promise((resolve, reject) => {
      this.display.client.GetKeyboardMapping(first, last - first + 1, (error, rows) => (error ? reject(error) : resolve(rows)));
    });
  }

  /** Rewrites `rows.length` consecutive keycodes from `first` in one request (one MappingNotify). */
  changeMapping(first: number, rows: readonly number[][]): void {
    const width = Math.max(1, ...rows.map((r) => r.length));
    const flat = rows.flatMap((r) => [...r, ...new Array<number>(width - r.length).fill(0)]);
    this.live().display.client.ChangeKeyboardMapping(first, width, flat);
  }

  /** The keycodes an earlier run recorded as borrowed (still holding its characters, so not empty). */
  async borrowedKeycodes(): Promise<number[]> {
    const atom = await this.atom();
    return new Promise((resolve, reject) => {
      this.live().display.client.GetProperty(0, this.root, atom, ANY_TYPE, 0, 64, (error, property) =>
        error ? reject(error) : resolve([...property.data]),
      );
    });
  }

  async recordBorrowed(keycodes: readonly number[]): Promise<void> {
    const atom = await this.atom();
    this.live().display.client.ChangeProperty(0, this.root, atom, CARDINAL, 8, [...keycodes]);
  }

  /** Resolves once the server has processed everything written so far. */
  sync(): Promise<void> {
    this.live();
    return new Promise((resolve, reject) => this.display.client.GetInputFocus((error) => (error ? reject(error) : resolve())));
  }

  close(): void {
    this.display.client.terminate();
  }

  private get root(): number {
    return this.display.screen[0]?.root ?? 0;
  }

  private atom(): Promise<number> {
    return new Promise((resolve, reject) =>
      this.live().display.client.InternAtom(false, BORROWED, (error, atom) => (error ? reject(error) : resolve(atom))),
    );
  }

  private live(): this {
    if (this.lost) throw new Error(`the connection to the X server was lost: ${this.lost.message}`);
    return this;
  }
}
