/**
 * Our own connection to the X server, with XTEST, in pure JavaScript. Everything injected goes
 * through it, so the server processes pointer, keys and keyboard-mapping changes in the order they
 * were written (X handles one connection's requests in order). Requests are written without waiting
 * for replies; sync() waits one round trip. A lost connection fails every later call.
 */
import type * as x11 from 'x11';
import { openX11Display } from '../../../x11/x11-client.js';

const MAPPING_NOTIFY = 34;
const KEY_PRESS = 2;
const KEY_RELEASE = 3;
/** The root window argument None: the screen the pointer is on. */
const NONE = 0;
/** A root-window property listing the keycodes we borrowed: they outlive a host that crashed or was stopped. */
const BORROWED = '_DESKREMOTE_BORROWED_KEYCODES';
const CARDINAL = 6;
const ATOM = 4;
const ANY_TYPE = 0;
const CLIENT_MESSAGE = 33;
/** Root-window events we select: the answers to _NET_WM_PING come to the root as SubstructureNotify. */
const SUBSTRUCTURE_NOTIFY = 0x80000;
/** How many windows up from the focus a ping target is looked for (a toolkit's focus child, a frame). */
const MAX_PING_DEPTH = 8;

export class X11Connection {
  private lost: Error | undefined;
  private readonly mappingListeners = new Set<() => void>();
  private readonly pongs = new Map<number, () => void>();
  private nextPing = 1;
  private readonly atoms = new Map<string, number>();

  private constructor(
    private readonly display: x11.XDisplay,
    private readonly xtest: x11.XTest,
  ) {}

  static async open(displayName: string | undefined): Promise<X11Connection> {
    let connection: X11Connection | undefined;
    const display = await openX11Display(displayName, (lost) => {
      if (connection) connection.lost = lost;
    });
    const xtest = await new Promise<x11.XTest>((resolve, reject) =>
      display.client.require('xtest', (error, ext) =>
        error ? reject(new Error(`the X server has no XTEST extension: ${error.message}`)) : resolve(ext),
      ),
    ).catch((error: unknown) => {
      display.client.terminate();
      throw error;
    });
    const opened = new X11Connection(display, xtest);
    connection = opened;
    display.client.on('event', (event) => {
      if (event.type === MAPPING_NOTIFY) for (const listener of opened.mappingListeners) listener();
      if (event.type === CLIENT_MESSAGE) opened.pongs.get(event.data?.[1] ?? -1)?.();
    });
    // Applications answer _NET_WM_PING by sending it back to the root window: listen there.
    display.client.ChangeWindowAttributes(display.screen[0]?.root ?? 0, { eventMask: SUBSTRUCTURE_NOTIFY });
    return opened;
  }

  get minKeycode(): number {
    return this.display.min_keycode;
  }

  /** Called when the server announces a keyboard mapping change (a layout switch, or our own). */
  onMappingChange(listener: () => void): void {
    this.mappingListeners.add(listener);
  }

  /**
   * Sends a raw XTEST event: type 2/3 keys, 4/5 buttons, 6 motion. With `delayMs`, the server waits that
   * long before taking it (and the requests after it) in.
   */
  fake(type: number, detail: number, x = 0, y = 0, delayMs = 0): void {
    this.live().xtest.FakeInput(type, detail, delayMs, NONE, x, y);
  }

  key(keycode: number, down: boolean, delayMs = 0): void {
    this.fake(down ? KEY_PRESS : KEY_RELEASE, keycode, 0, 0, delayMs);
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

  /**
   * The window to ask whether the focused application has read its input: the focus window or the
   * nearest of its ancestors that takes _NET_WM_PING (GTK, Qt, Chromium, LibreOffice); undefined when none
   * does (xterm) or nothing has the focus.
   */
  async pingTarget(): Promise<number | undefined> {
    const [protocols, ping] = await Promise.all([this.atom('WM_PROTOCOLS'), this.atom('_NET_WM_PING')]);
    let window = await new Promise<number>((resolve, reject) =>
      this.live().display.client.GetInputFocus((error, reply) => (error ? reject(error) : resolve(reply?.focus ?? 0))),
    );
    for (let depth = 0; depth < MAX_PING_DEPTH && window > 1 && window !== this.root; depth++) {
      const here = window;
      const listed = await new Promise<Buffer>((resolve) =>
        this.live().display.client.GetProperty(0, here, protocols, ATOM, 0, 32, (error, property) =>
          resolve(error ? Buffer.alloc(0) : property.data),
        ),
      );
      for (let i = 0; i + 4 <= listed.length; i += 4) if (listed.readUInt32LE(i) === ping) return here;
      window = await new Promise<number>((resolve) =>
        this.live().display.client.QueryTree(here, (error, tree) => resolve(error ? 0 : tree.parent)),
      );
    }
    return undefined;
  }

  /**
   * Sends _NET_WM_PING to `window`; resolves true when its application answers (X delivers a client's events
   * in order, and the application answers when it handles the ping: everything sent before it has been
   * read), false after `timeoutMs`.
   */
  async ping(window: number, timeoutMs: number): Promise<boolean> {
    const [protocols, ping] = await Promise.all([this.atom('WM_PROTOCOLS'), this.atom('_NET_WM_PING')]);
    const stamp = this.nextPing++;
    return new Promise<boolean>((resolve) => {
      const done = (answered: boolean) => {
        clearTimeout(timer);
        this.pongs.delete(stamp);
        resolve(answered);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      this.pongs.set(stamp, () => done(true));
      try {
        // Event mask 0: delivered to the client that created the window, as the EWMH asks.
        this.live().display.client.SendClientMessage(window, window, protocols, 32, [ping, stamp, window, 0, 0], 0);
      } catch {
        done(false);
      }
    });
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

  private async atom(name = BORROWED): Promise<number> {
    const known = this.atoms.get(name);
    if (known !== undefined) return known;
    const atom = await new Promise<number>((resolve, reject) =>
      this.live().display.client.InternAtom(false, name, (error, value) => (error ? reject(error) : resolve(value))),
    );
    this.atoms.set(name, atom);
    return atom;
  }

  private live(): this {
    if (this.lost) throw new Error(`the connection to the X server was lost: ${this.lost.message}`);
    return this;
  }
}
