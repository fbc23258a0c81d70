/**
 * The laser pointer's window: transparent, frameless, click-through, above everything (full-screen
 * slide shows included), never focused. Created when the first point arrives; shown and hidden as
 * overlay-visibility.ts decides. What it draws is the overlay page's business (../overlay).
 *
 * Linux/X11: a transparent window is transparent only under a compositing window manager; without one
 * it shows as a black rectangle over the slide. Click-through regressed in Electron 43 (electron#52456):
 * setIgnoreMouseEvents is applied again each time the window shows, and the overlay must stay
 * click-through (a click on it makes Keynote leave its show).
 */
import { join } from 'node:path';
import type { LaserCommand } from '@deskremote/shared';
import { BrowserWindow, type Rectangle, screen } from 'electron';
import type { Rect } from '../common/dashboard-contract.js';
import { OVERLAY_POINT_CHANNEL, type OverlayPoint, overlayPoint } from '../common/overlay-contract.js';
import type { LaserOverlay } from '../host/presenter/laser-relay.js';
import type { OverlayUnavailableReason } from './display-server.js';
import { chooseOverlayDisplay } from './overlay-display.js';
import { overlayController } from './overlay-visibility.js';

export interface OverlayPlacement {
  /** The screen the user chose in the desktop window (settings.json), or 'auto'. */
  chosenDisplay(): number | 'auto';
  /** Where the focused window is, in Electron's screen coordinates, when known (the host's X11 focus watch). */
  focusedWindowBounds?(): Rect | undefined;
  /** Why the overlay cannot work in this session (display-server.ts), for the host to pass on one day. */
  unavailable?: OverlayUnavailableReason | undefined;
}

export class OverlayWindow implements LaserOverlay {
  private window: BrowserWindow | undefined;
  private loaded = false;
  /** The newest point sent before the page had loaded: only it matters once it has. */
  private pending: OverlayPoint | undefined;
  private readonly controller = overlayController({
    show: () => this.showInactive(),
    hide: () => this.usable()?.hide(),
    send: (point) => this.send(point),
    now: () => performance.now(),
    setTimer: (ms, fire) => {
      const timer = setTimeout(fire, ms);
      return () => clearTimeout(timer);
    },
  });

  /** `dir`: the folder of the compiled electron code (the overlay's preload and page are found from it). */
  constructor(
    private readonly dir: string,
    private readonly placement: OverlayPlacement,
  ) {}

  /** Undefined where the overlay works; otherwise why not (Wayland without XWayland, say). */
  get unavailable(): OverlayUnavailableReason | undefined {
    return this.placement.unavailable;
  }

  show(command: LaserCommand): void {
    this.controller.point(overlayPoint(command));
  }

  close(): void {
    this.controller.dispose();
    this.usable()?.destroy();
    this.window = undefined;
  }

  private usable(): BrowserWindow | undefined {
    return this.window && !this.window.isDestroyed() ? this.window : undefined;
  }

  private send(point: OverlayPoint): void {
    // A lift needs no window; a touch creates it.
    const window = this.usable() ?? (point.mode === 'off' ? undefined : this.create());
    if (!window) return;
    if (this.loaded) window.webContents.send(OVERLAY_POINT_CHANNEL, point);
    else this.pending = point;
  }

  private showInactive(): void {
    const window = this.usable() ?? this.create();
    // Screens come and go (a projector plugged in) and the slides move: placed again at every showing.
    window.setBounds(this.bounds());
    window.setIgnoreMouseEvents(true);
    window.setAlwaysOnTop(true, 'screen-saver');
    window.showInactive();
  }

  /** The screen overlay-display.ts chooses: the user's, the slides', the projector, or the primary. */
  private bounds(): Rectangle {
    const primary = screen.getPrimaryDisplay();
    const chosen = chooseOverlayDisplay({
      displays: screen.getAllDisplays(),
      primaryId: primary.id,
      focusedWindowBounds: this.placement.focusedWindowBounds?.(),
      chosenDisplayId: this.placement.chosenDisplay(),
    });
    return { ...(chosen ?? primary).bounds };
  }

  private create(): BrowserWindow {
    const window = new BrowserWindow({
      ...this.bounds(),
      show: false,
      transparent: true,
      backgroundColor: '#00000000',
      frame: false,
      resizable: false,
      movable: false,
      focusable: false,
      skipTaskbar: true,
      hasShadow: false,
      enableLargerThanScreen: true,
      alwaysOnTop: true,
      webPreferences: {
        preload: join(this.dir, 'overlay-preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        // The window is never focused and often covered: the fade must still run at full rate.
        backgroundThrottling: false,
      },
    });
    window.setAlwaysOnTop(true, 'screen-saver');
    window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
    window.setIgnoreMouseEvents(true);
    this.loaded = false;
    window.webContents.once('did-finish-load', () => {
      this.loaded = true;
      if (this.pending) window.webContents.send(OVERLAY_POINT_CHANNEL, this.pending);
      this.pending = undefined;
    });
    window.on('closed', () => {
      if (this.window === window) this.window = undefined;
    });
    void window.loadFile(join(this.dir, '..', 'overlay', 'index.html'));
    this.window = window;
    return window;
  }
}
