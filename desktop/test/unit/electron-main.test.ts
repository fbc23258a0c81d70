/**
 * The Electron main process against a recording stand-in of the electron module and a stand-in host:
 * what it registers, what it refuses, what it passes to the host, and how a failed start ends.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DASHBOARD_CHANNELS } from '../../src/common/dashboard-contract.js';
import { startDesktopApp } from '../../src/electron/desktop-app.js';
import type { Host, HostOptions } from '../../src/host/host.js';
import { electronEvent, FakeBrowserWindow, type Frame, recorded, reset } from '../support/electron-stand-in.js';

vi.mock('electron', async () => (await import('../support/electron-stand-in.js')).electronModule);

const here = join(import.meta.dirname, '..', '..', 'dist', 'electron');
let configHome: string;

function standInHost() {
  return {
    onEvent: vi.fn(() => () => {}),
    state: { state: { input: { status: 'ready', code: 'ok' } } },
    pairing: { renew: vi.fn(), decide: vi.fn(), setApprovalRequired: vi.fn(), approvalRequired: true },
    revokeDevice: vi.fn(async () => true),
    savePhoneDeck: vi.fn(async () => {}),
    stop: vi.fn(async () => {}),
    releaseAllInput: vi.fn(async () => {}),
    reopenInput: vi.fn(async () => {}),
    focusedWindowBounds: vi.fn((): { x: number; y: number; width: number; height: number } | undefined => undefined),
    paused: false,
    controlling: false,
    pairedDevices: [],
  };
}

/** Starts the app as main.ts does, with `argv` after Electron's executable and the app folder; returns at once. */
interface LaunchOptions {
  argv?: string[];
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  startHost?: (options: HostOptions) => Promise<Host>;
  trayHost?: boolean;
}

async function launch(options: LaunchOptions = {}) {
  const host = standInHost();
  const startHost = vi.fn(options.startHost ?? (async () => host as unknown as Host));
  startDesktopApp({
    here,
    argv: ['/usr/lib/electron/electron', '/repo/desktop', ...(options.argv ?? [])],
    env: { XDG_CONFIG_HOME: configHome, ...options.env },
    platform: options.platform ?? 'linux',
    startHost,
    hostView: async () => ({}) as never,
    hasTrayHost: async () => options.trayHost ?? true,
    log: () => {},
  });
  return { host, startHost };
}

/** Starts the app and waits for its window. */
async function launched(options: LaunchOptions = {}) {
  const started = await launch(options);
  await vi.waitFor(() => expect(FakeBrowserWindow.instances.length).toBeGreaterThan(0));
  const window = FakeBrowserWindow.instances[0] as FakeBrowserWindow;
  return { ...started, window };
}

/** Calls a channel as ipcRenderer.invoke would, from `frame`. */
function invoke(channel: string, frame: Frame | null, ...args: unknown[]) {
  const handler = recorded.handlers.get(channel);
  if (!handler) throw new Error(`${channel} is not handled`);
  return Promise.resolve().then(() => handler({ senderFrame: frame }, ...args));
}

beforeEach(() => {
  reset();
  configHome = mkdtempSync(join(tmpdir(), 'deskremote-main-'));
});

describe('the desktop app at start', () => {
  it('names itself and uses the data folder the headless host uses, before anything reads it', async () => {
    const { startHost } = await launched();
    expect(recorded.calls.slice(0, 2)).toEqual(['setName DeskRemote', 'setPath userData']);
    expect(recorded.paths.get('userData')).toBe(join(configHome, 'deskremote'));
    expect(startHost.mock.calls[0]?.[0].dataDir).toBe(join(configHome, 'deskremote'));
  });

  it('passes the command-line options to the host, ignoring Chromium switches', async () => {
    const dataDir = join(configHome, 'elsewhere');
    const { startHost } = await launched({
      argv: [
        '--no-sandbox',
        '--port',
        '9123',
        '--bind=127.0.0.1',
        '--name',
        'studio.local',
        '--approve-all',
        '--no-qr',
        `--data-dir=${dataDir}`,
      ],
    });
    expect(startHost.mock.calls[0]?.[0]).toMatchObject({
      port: 9123,
      bind: '127.0.0.1',
      names: ['studio.local'],
      requireApproval: false,
      dataDir,
    });
    expect(recorded.paths.get('userData')).toBe(dataDir);
  });

  it('asks Chromium for X11 on Wayland with XWayland, before the app is ready', async () => {
    await launched({ env: { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' } });
    expect(recorded.calls).toContain('appendSwitch ozone-platform=x11');
    expect(recorded.calls.indexOf('appendSwitch ozone-platform=x11')).toBeLessThan(recorded.calls.indexOf('whenReady'));
  });

  it('handles every channel of the contract', async () => {
    await launched();
    expect([...recorded.handlers.keys()].sort()).toEqual(Object.values(DASHBOARD_CHANNELS).sort());
  });

  it('denies every permission a page asks for', async () => {
    await launched();
    const callback = vi.fn();
    recorded.permissionRequest?.({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    expect(recorded.permissionCheck?.({}, 'notifications', 'file://', {})).toBe(false);
  });
});

describe('calls from the desktop window', () => {
  it('are answered for its main frame on the dashboard page, and refused from any other frame', async () => {
    const { host, window } = await launched();
    await invoke(DASHBOARD_CHANNELS.revoke, window.webContents.mainFrame, 'phone-1');
    expect(host.revokeDevice).toHaveBeenCalledWith('phone-1');
    host.revokeDevice.mockClear();

    const subframe = { url: window.webContents.mainFrame.url };
    const elsewhere = { url: 'https://example.com/' };
    for (const frame of [subframe, elsewhere, null]) {
      await expect(invoke(DASHBOARD_CHANNELS.revoke, frame, 'phone-1')).rejects.toThrow(/only for the DeskRemote window/);
    }
    window.webContents.mainFrame.url = 'https://example.com/';
    await expect(invoke(DASHBOARD_CHANNELS.renew, window.webContents.mainFrame)).rejects.toThrow();
    await expect(invoke(DASHBOARD_CHANNELS.quit, window.webContents.mainFrame)).rejects.toThrow();
    expect(host.revokeDevice).not.toHaveBeenCalled();
    expect(host.pairing.renew).not.toHaveBeenCalled();
    expect(recorded.handlers.size).toBeGreaterThan(0);
  });

  it('quit ends the app', async () => {
    const { window } = await launched();
    await invoke(DASHBOARD_CHANNELS.quit, window.webContents.mainFrame);
    expect((await import('electron')).app.quit).toHaveBeenCalled();
  });
});

describe('every window', () => {
  it('stays on its page: navigation, redirects, new windows and webviews are refused', async () => {
    const { window } = await launched();
    const contents = window.webContents;
    const away = electronEvent({ url: 'https://example.com/' });
    contents.emit('will-navigate', away);
    expect(away.prevented).toBe(true);
    const reload = electronEvent({ url: contents.getURL() });
    contents.emit('will-navigate', reload);
    expect(reload.prevented).toBe(false);
    const redirect = electronEvent({ url: 'https://example.com/' });
    contents.emit('will-redirect', redirect);
    expect(redirect.prevented).toBe(true);
    const webview = electronEvent();
    contents.emit('will-attach-webview', webview);
    expect(webview.prevented).toBe(true);
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});

describe('a failed start', () => {
  it('shows the error in a dialog and exits with 1', async () => {
    const { app, dialog } = await import('electron');
    const taken = Object.assign(new Error('listen EADDRINUSE: address already in use 0.0.0.0:8765'), { code: 'EADDRINUSE' });
    await launch({ startHost: async () => Promise.reject(taken) });
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1));
    const [title, message] = vi.mocked(dialog.showErrorBox).mock.calls[0] ?? [];
    expect(title).toBe('DeskRemote could not start');
    expect(message).toContain('EADDRINUSE: address already in use');
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('speaks Chinese on a Chinese system, and words a bad option', async () => {
    const { app, dialog } = await import('electron');
    recorded.locale = 'zh-CN';
    await launch({ argv: ['--port', 'abc'] });
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1));
    expect(vi.mocked(dialog.showErrorBox).mock.calls[0]).toEqual([
      'DeskRemote 无法启动',
      '--port 需要 0 到 65535 之间的端口号，而不是“abc”。',
    ]);
  });
});

describe('closing the window', () => {
  it('hides it where a tray can bring it back, and quits where none can', async () => {
    const { app } = await import('electron');
    const withTray = await launched({ trayHost: true });
    const close = electronEvent();
    withTray.window.emit('close', close);
    expect(close.prevented).toBe(true);
    expect(withTray.window.visible).toBe(false);
    expect(app.quit).not.toHaveBeenCalled();

    reset();
    const withoutTray = await launched({ trayHost: false });
    withoutTray.window.emit('close', electronEvent());
    expect(app.quit).toHaveBeenCalled();
  });
});

describe('on macOS', () => {
  it('has Quit under the menu named DeskRemote, and the Dock icon brings the closed window back', async () => {
    const { window } = await launched({ platform: 'darwin', trayHost: false });
    const menu = recorded.applicationMenu as { template: Array<{ label: string; submenu: Array<{ role?: string }> }> };
    expect(menu.template[0]?.label).toBe('DeskRemote');
    expect(menu.template[0]?.submenu.map((item) => item.role)).toContain('quit');
    window.emit('close', electronEvent());
    expect(window.visible).toBe(false);
    recorded.appEvents.emit('activate');
    expect(window.visible).toBe(true);
  });
});

describe('the laser overlay', () => {
  const point = { t: 'laser', mode: 'dot', x: 30000, y: 30000 } as const;

  it('goes on the screen the policy chooses: a projector rather than the primary screen', async () => {
    const { startHost } = await launched();
    startHost.mock.calls[0]?.[0].laserOverlay?.show(point);
    const overlay = FakeBrowserWindow.instances[1] as FakeBrowserWindow;
    expect(overlay.options).toMatchObject({ x: 1440, y: 0, width: 1920, height: 1080 });
    expect(overlay.bounds.at(-1)).toEqual({ x: 1440, y: 0, width: 1920, height: 1080 });
  });

  it('goes on the screen that shows the focused window (the slide show), as the window manager tells', async () => {
    const { startHost } = await launched();
    const options = startHost.mock.calls[0]?.[0];
    const host = (await startHost.mock.results[0]?.value) as ReturnType<typeof standInHost>;
    // The slide show is on the main screen here (the speaker mirrors, or the projector is the main one).
    host.focusedWindowBounds.mockReturnValue({ x: 100, y: 100, width: 800, height: 600 });
    options?.laserOverlay?.show(point);
    const overlay = FakeBrowserWindow.instances[1] as FakeBrowserWindow;
    expect(overlay.bounds.at(-1)).toEqual({ x: 0, y: 0, width: 1440, height: 900 });
  });

  it("goes on the user's chosen screen, as saved from the desktop window", async () => {
    const { startHost, window } = await launched();
    await invoke(DASHBOARD_CHANNELS.setOverlayDisplay, window.webContents.mainFrame, 1);
    startHost.mock.calls[0]?.[0].laserOverlay?.show(point);
    const overlay = FakeBrowserWindow.instances[1] as FakeBrowserWindow;
    expect(overlay.bounds.at(-1)).toEqual({ x: 0, y: 0, width: 1440, height: 900 });
  });

  it('reads a choice saved before the start', async () => {
    const dir = join(configHome, 'deskremote');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ overlayDisplay: 1 }));
    const { startHost } = await launched();
    startHost.mock.calls[0]?.[0].laserOverlay?.show(point);
    expect((FakeBrowserWindow.instances[1] as FakeBrowserWindow).options).toMatchObject({ x: 0, width: 1440 });
  });
});
