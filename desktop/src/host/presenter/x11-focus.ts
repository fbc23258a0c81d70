/**
 * The focused window on X11, as the window manager announces it: the root window's _NET_ACTIVE_WINDOW,
 * and that window's WM_CLASS, title (_NET_WM_NAME, else WM_NAME) and place on the screen. Watched with
 * PropertyNotify on the root window and on the active one (a browser tab's title changes without the focus
 * moving), and ConfigureNotify on the active one (a slide show going full screen on the projector). A
 * connection of its own, so the input connection never waits on these round trips.
 */
import type * as x11 from 'x11';
import { openX11Display } from '../x11/x11-client.js';
import type { WindowFacts } from './profile-picker.js';

const PROPERTY_CHANGE = 0x00400000;
const STRUCTURE_NOTIFY = 0x00020000;
const WINDOW_TYPE = 33;
const STRING_TYPE = 31;
const WM_NAME = 39;
const WM_CLASS = 67;
const ANY = 0;

export class X11Focus {
  private atoms = { active: 0, netName: 0, utf8: 0 };
  private watched = 0;
  private closed = false;
  private pending: ReturnType<typeof setTimeout> | undefined;

  private constructor(
    private readonly display: x11.XDisplay,
    private readonly onChange: (window: WindowFacts | undefined) => void,
    private readonly log: (line: string) => void,
  ) {}

  static open(
    displayName: string,
    onChange: (window: WindowFacts | undefined) => void,
    log: (line: string) => void,
  ): Promise<X11Focus> {
    return openX11Display(displayName, (error) => log(`focused window: ${error.message}`)).then(async (display) => {
      const focus = new X11Focus(display, onChange, log);
      await focus.start();
      return focus;
    });
  }

  private async start(): Promise<void> {
    const client = this.display.client;
    const [active, netName, utf8] = await Promise.all(
      ['_NET_ACTIVE_WINDOW', '_NET_WM_NAME', 'UTF8_STRING'].map((name) => this.atom(name)),
    );
    this.atoms = { active: active ?? 0, netName: netName ?? 0, utf8: utf8 ?? 0 };
    const root = this.root;
    client.on('event', (event) => {
      if (event.name === 'ConfigureNotify' && event.wid === this.watched) return this.refreshSoon();
      if (event.name !== 'PropertyNotify') return;
      const rootChanged = event.wid === root && event.atom === this.atoms.active;
      const titleChanged = event.wid === this.watched && (event.atom === this.atoms.netName || event.atom === WM_NAME);
      if (rootChanged || titleChanged) this.refreshSoon();
    });
    client.ChangeWindowAttributes(root, { eventMask: PROPERTY_CHANGE });
    await this.refresh();
  }

  stop(): void {
    this.closed = true;
    clearTimeout(this.pending);
    this.display.client.terminate();
  }

  private get root(): number {
    const screen = this.display.screen[0];
    if (!screen) throw new Error('the X display has no screen');
    return screen.root;
  }

  /** Titles change in bursts (a page loading): one read after they settle. */
  private refreshSoon(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => void this.refresh(), 50);
  }

  private async refresh(): Promise<void> {
    if (this.closed) return;
    try {
      const activeData = await this.property(this.root, this.atoms.active, WINDOW_TYPE, 1);
      const window = activeData.length >= 4 ? activeData.readUInt32LE(0) : 0;
      if (window === 0) {
        this.onChange(undefined);
        return;
      }
      if (window !== this.watched) {
        this.watched = window;
        this.display.client.ChangeWindowAttributes(window, { eventMask: PROPERTY_CHANGE | STRUCTURE_NOTIFY });
      }
      const [classData, netName, name, bounds] = await Promise.all([
        this.property(window, WM_CLASS, STRING_TYPE, 256),
        this.property(window, this.atoms.netName, this.atoms.utf8, 256),
        this.property(window, WM_NAME, ANY, 256),
        this.bounds(window),
      ]);
      const [instance = '', app = ''] = classData.toString('latin1').split('\0');
      const title = (netName.length > 0 ? netName.toString('utf8') : name.toString('latin1')).slice(0, 200);
      if (!this.closed) this.onChange({ app, instance, title, ...(bounds ? { bounds } : {}) });
    } catch (error) {
      // The window went away between the announcement and the read: the next announcement will say.
      this.log(`focused window: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The window's place on the root window (its size, and where its corner is once the frame is counted in). */
  private bounds(window: number): Promise<WindowFacts['bounds']> {
    const client = this.display.client;
    return new Promise((resolve) => {
      client.GetGeometry(window, (error, geometry) => {
        if (error) return resolve(undefined);
        client.TranslateCoordinates(window, this.root, 0, 0, (moved, place) =>
          resolve(moved ? undefined : { x: place.destX, y: place.destY, width: geometry.width, height: geometry.height }),
        );
      });
    });
  }

  private atom(name: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.display.client.InternAtom(false, name, (error, atom) => (error ? reject(error) : resolve(atom)));
    });
  }

  private property(window: number, atom: number, type: number, longs: number): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.display.client.GetProperty(0, window, atom, type, 0, longs, (error, property) =>
        error ? reject(error) : resolve(property?.data ?? Buffer.alloc(0)),
      );
    });
  }
}
