/**
 * The desktop app: runs the host in this process, shows the QR code and the phones in a window, and
 * stays in the tray when the window closes. Everything else lives in ../host, testable without Electron.
 */
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, nativeImage, systemPreferences, Tray } from 'electron';
import { appVersion, defaultPhoneDir } from '../host/app-paths.js';
import { dashboardView } from '../host/dashboard-view.js';
import { Host } from '../host/host.js';
import { type BackendContext, type InputBackend, openInputBackend } from '../host/input/input-backend.js';
import { guardProcess } from '../host/last-defence.js';
import { loadSettings, saveSettings } from '../host/settings/settings-store.js';
import { OverlayWindow } from './overlay-window.js';
import { trayWords } from './tray-words.js';

const here = import.meta.dirname;
const resources = app.isPackaged ? process.resourcesPath : join(here, '..', '..', '..', 'build');
let host: Host | undefined;
let window: BrowserWindow | undefined;
let tray: Tray | undefined;
/** The laser pointer's window; its BrowserWindow is made only when a phone first points. */
const laserOverlay = new OverlayWindow(here);
let quitting = false;

guardProcess(
  () => host?.releaseAllInput(),
  (line) => console.error(line),
);

/** On macOS nothing is injected without the Accessibility permission, and only Electron can ask for it. */
async function openInput(context: BackendContext): Promise<InputBackend> {
  const backend = await openInputBackend(context);
  if (process.platform !== 'darwin' || !backend.driver) return backend;
  if (systemPreferences.isTrustedAccessibilityClient(true)) {
    return { ...backend, availability: { status: 'ready', code: 'ok' } };
  }
  return { driver: backend.driver, availability: { status: 'unavailable', code: 'mac-permission' } };
}

async function startHost(port: number, requireApproval: boolean): Promise<void> {
  host = await Host.start({
    port,
    requireApproval,
    dataDir: app.getPath('userData'),
    phoneDir: app.isPackaged ? join(process.resourcesPath, 'phone') : defaultPhoneDir(),
    openInput,
    laserOverlay,
    version: appVersion(),
    log: (line) => console.log(line),
  });
  host.onEvent((event) => {
    // A phone asking to pair needs an answer within seconds: bring the window forward.
    if (event.type === 'approvals' && event.requests.length > 0) showWindow();
    void pushView();
  });
  void pushView();
}

async function pushView(): Promise<void> {
  if (!host || !window || window.isDestroyed()) return;
  window.webContents.send('deskremote:view', await dashboardView(host));
  const n = host.pairedDevices.filter((d) => d.connected).length;
  tray?.setToolTip(trayWords(app.getLocale()).connected.replace('{n}', String(n)));
}

function showWindow(): void {
  if (window && !window.isDestroyed()) {
    window.show();
    window.focus();
    return;
  }
  window = new BrowserWindow({
    width: 780,
    height: 560,
    title: 'DeskRemote',
    backgroundColor: '#101317',
    icon: join(resources, 'icon.png'),
    webPreferences: { preload: join(here, 'preload.cjs'), contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  window.removeMenu();
  window.on('close', (event) => {
    // Closing the window keeps DeskRemote running in the tray; Quit in the tray menu ends it.
    if (!quitting) {
      event.preventDefault();
      window?.hide();
    }
  });
  void window.loadFile(join(here, '..', 'dashboard', 'index.html'));
}

function createTray(): void {
  tray = new Tray(nativeImage.createFromPath(join(resources, 'tray.png')));
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: trayWords(app.getLocale()).show, click: showWindow },
      { label: trayWords(app.getLocale()).newCode, click: () => host?.pairing.renew() },
      { type: 'separator' },
      { label: trayWords(app.getLocale()).quit, click: () => app.quit() },
    ]),
  );
  tray.on('click', showWindow);
}

ipcMain.handle('deskremote:view', () => (host ? dashboardView(host) : undefined));
ipcMain.handle('deskremote:revoke', (_event, id: unknown) => (typeof id === 'string' ? host?.revokeDevice(id) : undefined));
ipcMain.handle('deskremote:renew', () => host?.pairing.renew());
ipcMain.handle('deskremote:save-deck', async (_event, deviceId: unknown, deck: unknown) => {
  // The host checks the deck against the protocol's schema; anything else is refused there.
  if (typeof deviceId !== 'string' || !Array.isArray(deck)) return;
  await host?.savePhoneDeck(deviceId, deck as never);
  void pushView();
});
ipcMain.handle('deskremote:set-port', async (_event, port: unknown) => {
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1024 || port > 65535) return;
  const settings = await saveSettings(app.getPath('userData'), { port });
  await host?.stop();
  await startHost(port, settings.requireApproval);
});
ipcMain.handle('deskremote:decide-approval', (_event, id: unknown, allow: unknown) => {
  if (typeof id === 'string' && typeof allow === 'boolean') host?.pairing.decide(id, allow);
});
ipcMain.handle('deskremote:set-approval-required', async (_event, required: unknown) => {
  if (typeof required !== 'boolean') return;
  await saveSettings(app.getPath('userData'), { requireApproval: required });
  host?.pairing.setApprovalRequired(required);
  void pushView();
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', showWindow);
  app.on('window-all-closed', () => {
    // Stay in the tray.
  });
  app.on('before-quit', (event) => {
    if (quitting || !host) return;
    // Release held keys and buttons and close the phones' sockets before the process ends.
    event.preventDefault();
    quitting = true;
    void host.stop().finally(() => app.quit());
  });
  app.whenReady().then(
    async () => {
      const settings = await loadSettings(app.getPath('userData'));
      await startHost(settings.port, settings.requireApproval);
      createTray();
      showWindow();
    },
    (error: unknown) => {
      console.error(`DeskRemote could not start: ${error instanceof Error ? error.message : String(error)}`);
      app.exit(1);
    },
  );
}
