/**
 * A recording stand-in for the parts of the `electron` module the main process uses (Electron's runtime
 * cannot be downloaded on the build machines). The unit test installs it with vi.mock('electron') and
 * reads what the app did from `recorded`; `reset()` starts a test afresh. It behaves as Electron does
 * where the app relies on it: a new BrowserWindow announces its web contents through the app's
 * 'web-contents-created', and loadFile gives the main frame the file's URL.
 */
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

export interface Frame {
  url: string;
}

/** An event as Electron passes it: preventDefault records that it was called. */
export function electronEvent<T extends object>(fields: T = {} as T): T & { preventDefault: () => void; prevented: boolean } {
  const event = {
    ...fields,
    prevented: false,
    preventDefault() {
      event.prevented = true;
    },
  };
  return event;
}

export class FakeWebContents extends EventEmitter {
  readonly mainFrame: Frame = { url: '' };
  openHandler: ((details: { url: string }) => { action: string }) | undefined;
  readonly send = vi.fn();
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
  getURL(): string {
    return this.mainFrame.url;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  visible = true;
  destroyed = false;
  readonly bounds: unknown[] = [];
  constructor(readonly options: Record<string, unknown>) {
    super();
    if (options.show === false) this.visible = false;
    FakeBrowserWindow.instances.push(this);
    recorded.appEvents.emit('web-contents-created', electronEvent(), this.webContents);
  }
  async loadFile(file: string): Promise<void> {
    this.webContents.mainFrame.url = pathToFileURL(file).href;
  }
  removeMenu(): void {}
  show(): void {
    this.visible = true;
  }
  showInactive(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
  setBounds(bounds: unknown): void {
    this.bounds.push(bounds);
  }
  setIgnoreMouseEvents(): void {}
  setAlwaysOnTop(): void {}
  setVisibleOnAllWorkspaces(): void {}
}

export class FakeTray extends EventEmitter {
  static instances: FakeTray[] = [];
  menu: unknown;
  tooltip = '';
  constructor() {
    super();
    FakeTray.instances.push(this);
  }
  setContextMenu(menu: unknown): void {
    this.menu = menu;
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
}

const display = (id: number, x: number, width: number, height: number) => ({
  id,
  label: '',
  bounds: { x, y: 0, width, height },
});

/** What the app did, and what the stand-in answers; reset before each test. */
export const recorded = {
  appEvents: new EventEmitter(),
  calls: [] as string[],
  paths: new Map<string, string>(),
  switches: new Map<string, string>(),
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  permissionRequest: undefined as undefined | ((...args: unknown[]) => void),
  permissionCheck: undefined as undefined | ((...args: unknown[]) => boolean),
  applicationMenu: undefined as unknown,
  locale: 'en-US',
  trusted: true,
  displays: [display(1, 0, 1440, 900), display(2, 1440, 1920, 1080)],
  primaryId: 1,
};

export function reset(): void {
  recorded.appEvents.removeAllListeners();
  recorded.calls.length = 0;
  recorded.paths.clear();
  recorded.switches.clear();
  recorded.handlers.clear();
  recorded.permissionRequest = undefined;
  recorded.permissionCheck = undefined;
  recorded.applicationMenu = undefined;
  recorded.locale = 'en-US';
  recorded.trusted = true;
  recorded.displays = [display(1, 0, 1440, 900), display(2, 1440, 1920, 1080)];
  recorded.primaryId = 1;
  FakeBrowserWindow.instances = [];
  FakeTray.instances = [];
  for (const fn of [app.quit, app.exit, dialog.showErrorBox]) fn.mockClear();
}

const app = {
  isPackaged: false,
  on(event: string, listener: Listener) {
    recorded.appEvents.on(event, listener as (...args: unknown[]) => void);
    return app;
  },
  setName(name: string) {
    recorded.calls.push(`setName ${name}`);
  },
  setPath(name: string, path: string) {
    recorded.calls.push(`setPath ${name}`);
    recorded.paths.set(name, path);
  },
  getPath(name: string) {
    const path = recorded.paths.get(name);
    if (!path) throw new Error(`getPath('${name}') before setPath`);
    return path;
  },
  getLocale: () => recorded.locale,
  requestSingleInstanceLock: () => true,
  whenReady: () => {
    recorded.calls.push('whenReady');
    return Promise.resolve();
  },
  quit: vi.fn(),
  exit: vi.fn(),
  commandLine: {
    appendSwitch(name: string, value = '') {
      recorded.calls.push(`appendSwitch ${name}=${value}`);
      recorded.switches.set(name, value);
    },
    getSwitchValue: (name: string) => recorded.switches.get(name) ?? '',
  },
};

const dialog = { showErrorBox: vi.fn() };

/** The module the app imports as 'electron'. */
export const electronModule = {
  app,
  BrowserWindow: FakeBrowserWindow,
  Tray: FakeTray,
  dialog,
  ipcMain: {
    handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) {
      if (recorded.handlers.has(channel)) throw new Error(`a second handler for ${channel}`);
      recorded.handlers.set(channel, handler);
    },
  },
  Menu: {
    buildFromTemplate: (template: unknown[]) => ({ template }),
    setApplicationMenu(menu: unknown) {
      recorded.applicationMenu = menu;
    },
  },
  nativeImage: { createFromPath: (path: string) => ({ path }) },
  session: {
    defaultSession: {
      setPermissionRequestHandler(handler: (...args: unknown[]) => void) {
        recorded.permissionRequest = handler;
      },
      setPermissionCheckHandler(handler: (...args: unknown[]) => boolean) {
        recorded.permissionCheck = handler;
      },
    },
  },
  screen: {
    getAllDisplays: () => recorded.displays,
    getPrimaryDisplay: () => recorded.displays.find((d) => d.id === recorded.primaryId),
    on() {},
  },
  systemPreferences: { isTrustedAccessibilityClient: () => recorded.trusted },
  utilityProcess: {
    fork() {
      throw new Error('the unit test runs no probe');
    },
  },
};
