/**
 * The desktop app: runs the host in this process, shows the QR code and the phones in a window, and
 * keeps running when the window closes where the user can come back (tray, Dock). Its effects come in
 * as deps (the host, the tray check, argv) so the unit test drives it against a stand-in of Electron;
 * main.ts passes the real ones. Everything else lives in ../host, testable without Electron.
 */
import { join, resolve } from 'node:path';
import { app, type BrowserWindow, dialog, ipcMain, screen, session, systemPreferences, type Tray } from 'electron';
import { DASHBOARD_CHANNELS, type DashboardView, type HostView, type ShellView } from '../common/dashboard-contract.js';
import { appVersion, defaultDataDir, defaultPhoneDir } from '../host/app-paths.js';
import { dashboardHandlers } from '../host/desktop-window/dashboard-handlers.js';
import type { Host, HostOptions } from '../host/host.js';
import { parseAppArgs } from '../host/host-args.js';
import { type BackendContext, type InputBackend, openInputBackend } from '../host/input/input-backend.js';
import { loadSettings, type Settings } from '../host/settings/settings-store.js';
import { accessibilityWatch } from './accessibility-watch.js';
import { createTray, setMacMenu, type TrayActions, type TrayState, updateTray } from './app-menus.js';
import { registerDashboardIpc } from './dashboard-ipc.js';
import { createDesktopWindow, dashboardPage } from './desktop-window.js';
import { planDisplayServer } from './display-server.js';
import { OverlayWindow } from './overlay-window.js';
import { signalReady } from './ready-signal.js';
import { denyPermissions, isDashboardSender, lockDownWebContents } from './security.js';
import { AppArgsError, failStartup } from './startup-failure.js';
import { utilityProbeRunner } from './utility-probe.js';

export interface DesktopAppDeps {
  /** The folder of the compiled electron code (dist/electron): preloads and pages are found from it. */
  here: string;
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  startHost(options: HostOptions): Promise<Host>;
  /** The host's part of the window's view (../host/desktop-window/dashboard-view.ts). */
  hostView(host: Host): Promise<HostView>;
  /** Linux and the BSDs: whether the session shows tray icons (../host/desktop-session/status-notifier.ts). */
  hasTrayHost(): Promise<boolean>;
  log(line: string): void;
}

export interface DesktopApp {
  /** The running host, for the last line of defence to release held input. */
  host(): Host | undefined;
}

export function startDesktopApp(deps: DesktopAppDeps): DesktopApp {
  const { platform, log } = deps;
  // One name and one data folder, set before anything reads userData: the app and the headless host
  // share paired phones and settings (--data-dir moves both, as it does for the CLI).
  app.setName('DeskRemote');
  const parsed = parseAppArgs(deps.argv, !app.isPackaged);
  const dataDir = resolve((parsed.ok && parsed.args.dataDir) || defaultDataDir(platform, deps.env));
  app.setPath('userData', dataDir);
  // Chromium's caches are no one's settings: kept in a folder of their own, beside the phones' files.
  app.setPath('sessionData', join(dataDir, 'chromium'));

  const display = planDisplayServer(platform, deps.env, app.commandLine.getSwitchValue('ozone-platform') || undefined);
  if (display.ozonePlatform) app.commandLine.appendSwitch('ozone-platform', display.ozonePlatform);
  if (!display.overlay.available) log(`laser overlay unavailable: ${display.overlay.reason}`);

  const here = deps.here;
  const resources = app.isPackaged ? process.resourcesPath : join(here, '..', '..', '..', 'build');
  const page = dashboardPage(here);
  let host: Host | undefined;
  let window: BrowserWindow | undefined;
  let tray: Tray | undefined;
  let settings: Settings | undefined;
  let started = false;
  let quitting = false;
  /** Closing the window hides it only where the user can bring it back: tray, or the Dock. */
  let closeKeepsRunning = true;
  const laserOverlay = new OverlayWindow(here, {
    chosenDisplay: () => settings?.overlayDisplay ?? 'auto',
    // X11 gives pixels; Electron places windows in device-independent units (pixels ÷ the scale factor).
    focusedWindowBounds: () => {
      const pixels = host?.focusedWindowBounds();
      if (!pixels) return undefined;
      const scale = screen.getPrimaryDisplay().scaleFactor || 1;
      return { x: pixels.x / scale, y: pixels.y / scale, width: pixels.width / scale, height: pixels.height / scale };
    },
    unavailable: display.overlay.available ? undefined : display.overlay.reason,
  });
  const accessibility = accessibilityWatch({
    isTrusted: () => systemPreferences.isTrustedAccessibilityClient(false),
    granted: () => void host?.reopenInput(),
    setInterval: (ms, tick) => {
      const timer = setInterval(tick, ms);
      return () => clearInterval(timer);
    },
  });

  const handle = { host: () => host };
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return handle;
  }

  /** On macOS nothing is injected without the Accessibility permission, and only Electron can ask for it. */
  async function openInput(context: BackendContext): Promise<InputBackend> {
    const backend = await openInputBackend({ ...context, runProbe: utilityProbeRunner });
    if (platform !== 'darwin' || !backend.driver) return backend;
    if (systemPreferences.isTrustedAccessibilityClient(true)) {
      return { ...backend, availability: { status: 'ready', code: 'ok' } };
    }
    return { driver: backend.driver, availability: { status: 'unavailable', code: 'mac-permission' } };
  }

  async function startHost(port: number, requireApproval: boolean): Promise<void> {
    const options = parsed.ok ? parsed.args : undefined;
    const running = await deps.startHost({
      port,
      requireApproval,
      ...(options?.bind === undefined ? {} : { bind: options.bind }),
      ...(options?.names === undefined ? {} : { names: options.names }),
      ...(options?.impressPort === undefined ? {} : { impressPort: options.impressPort }),
      dataDir,
      phoneDir: app.isPackaged ? join(process.resourcesPath, 'phone') : defaultPhoneDir(),
      openInput,
      laserOverlay,
      ...(settings ? { address: settings.address } : {}),
      version: appVersion(),
      log,
    });
    host = running;
    running.onEvent((event) => {
      // A phone asking to pair needs an answer within seconds: bring the window forward.
      if (event.type === 'approvals' && event.requests.length > 0) showWindow();
      if (event.type === 'state') accessibility.inputCode(event.state.input.code);
      void pushView();
    });
    accessibility.inputCode(running.state.state.input.code);
    void pushView();
  }

  function shellView(): ShellView {
    const primaryId = screen.getPrimaryDisplay().id;
    return {
      displays: screen
        .getAllDisplays()
        .map((d) => ({ id: d.id, label: d.label, bounds: { ...d.bounds }, primary: d.id === primaryId })),
      overlayDisplay: settings?.overlayDisplay ?? 'auto',
      closeKeepsRunning,
      shell: 'app',
    };
  }

  async function view(): Promise<DashboardView | undefined> {
    return host ? { ...(await deps.hostView(host)), ...shellView() } : undefined;
  }

  const trayActions: TrayActions = {
    show: () => showWindow(),
    newCode: () => host?.pairing.renew(),
    setPaused: (paused) => void host?.setPaused(paused).then(() => pushView()),
    quit: () => app.quit(),
  };
  const trayState = (): TrayState => ({
    paused: host?.paused ?? false,
    controlling: host?.controlling ?? false,
    connected: host?.pairedDevices.filter((d) => d.connected).length ?? 0,
  });

  async function pushView(): Promise<void> {
    // The tray first: it shows the pause switch and the mark even while the window is hidden.
    if (tray) updateTray(tray, app.getLocale(), trayActions, trayState());
    const shown = await view();
    if (!shown || !window || window.isDestroyed()) return;
    window.webContents.send(DASHBOARD_CHANNELS.view, shown);
  }

  function showWindow(): void {
    if (window && !window.isDestroyed()) {
      window.show();
      window.focus();
      return;
    }
    window = createDesktopWindow(here, resources, (event) => {
      if (quitting) return;
      event.preventDefault();
      if (closeKeepsRunning) window?.hide();
      else app.quit();
    });
  }

  lockDownWebContents(app, log);
  registerDashboardIpc(
    ipcMain,
    (event) => isDashboardSender(event, window, page.url),
    dashboardHandlers({
      host: () => host,
      dataDir,
      view,
      pushView,
      restartHost: async (port) => {
        const required = host?.pairing.approvalRequired ?? settings?.requireApproval ?? true;
        await host?.stop();
        host = undefined;
        await startHost(port, required);
      },
      settingsChanged: (next) => {
        settings = next;
      },
      quit: () => app.quit(),
    }),
    log,
  );

  app.on('second-instance', () => started && showWindow());
  // macOS: a click on the Dock icon brings the window back.
  app.on('activate', () => started && showWindow());
  app.on('window-all-closed', () => {
    // Not an end: closing decides itself (showWindow's close handler), and the overlay may come and go.
  });
  app.on('before-quit', (event) => {
    accessibility.stop();
    const running = host;
    if (quitting || !running) {
      quitting = true;
      return;
    }
    // Release held keys and buttons and close the phones' sockets before the process ends.
    event.preventDefault();
    quitting = true;
    void running.stop().finally(() => app.quit());
  });

  void app.whenReady().then(async () => {
    try {
      if (!parsed.ok) throw new AppArgsError(parsed.error);
      denyPermissions(session.defaultSession);
      settings = await loadSettings(dataDir);
      const fromArgs = parsed.args;
      closeKeepsRunning = platform === 'darwin' || platform === 'win32' || (await deps.hasTrayHost());
      await startHost(fromArgs.port ?? settings.port, !fromArgs.approveAll && settings.requireApproval);
      tray = createTray(resources, app.getLocale(), trayActions, trayState());
      if (platform === 'darwin') setMacMenu(app.getLocale());
      showWindow();
      // The window's list of screens follows a projector plugged in or out.
      screen.on('display-added', () => void pushView());
      screen.on('display-removed', () => void pushView());
      screen.on('display-metrics-changed', () => void pushView());
      started = true;
      // `npm start` falls back to the headless host only until the app says it is up.
      signalReady(deps.env);
    } catch (error) {
      quitting = true;
      // A host that did start lets go of its port and its files before the process ends.
      await host?.stop().catch(() => {});
      failStartup(error, {
        locale: () => app.getLocale(),
        showErrorBox: (title, message) => dialog.showErrorBox(title, message),
        exit: (code) => app.exit(code),
        log,
      });
    }
  });
  return handle;
}
