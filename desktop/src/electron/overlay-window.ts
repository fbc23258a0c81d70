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
import { BrowserWindow, screen } from 'electron';
import { OVERLAY_POINT_CHANNEL, type OverlayPoint, overlayPoint } from '../common/overlay-contract.js';
import type { LaserOverlay } from '../host/presenter/laser-relay.js';
import { overlayController } from './overlay-visibility.js';

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
  constructor(private readonly dir: string) {}

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
    // The primary display may have changed (a projector plugged in) since the window was made.
    window.setBounds(screen.getPrimaryDisplay().bounds);
    window.setIgnoreMouseEvents(true);
    window.setAlwaysOnTop(true, 'screen-saver');
    window.showInactive();
  }

  private create(): BrowserWindow {
    const { bounds } = screen.getPrimaryDisplay();
    const window = new BrowserWindow({
      ...bounds,
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
