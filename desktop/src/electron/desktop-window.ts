/** The desktop window: the QR code, the phones, the settings (the page is ../dashboard). */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow } from 'electron';

/** The page's file and its file:// URL, which the IPC sender check compares frames against. */
export function dashboardPage(here: string): { file: string; url: string } {
  const file = join(here, '..', 'dashboard', 'index.html');
  return { file, url: pathToFileURL(file).href };
}

/** `onClose` decides what closing does (hide, or quit); it may prevent the close. */
export function createDesktopWindow(here: string, resources: string, onClose: (event: Electron.Event) => void): BrowserWindow {
  const window = new BrowserWindow({
    width: 780,
    height: 560,
    title: 'DeskRemote',
    backgroundColor: '#101317',
    icon: join(resources, 'icon.png'),
    webPreferences: { preload: join(here, 'preload.cjs'), contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  window.removeMenu();
  window.on('close', onClose);
  void window.loadFile(dashboardPage(here).file);
  return window;
}
