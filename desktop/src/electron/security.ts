/**
 * Electron's security checklist, applied to every window the app makes (the desktop window, the laser
 * overlay, and any a bug or a hostile page might try to open): no navigation away from the page that was
 * loaded, no new windows, no <webview>, no permission granted to a page, and IPC answered only for the
 * desktop window's own page in its main frame. The pages are local files with a strict CSP; this is the
 * second wall, for the day one of them shows something it should not.
 */
import type { App, BrowserWindow, IpcMainInvokeEvent, Session, WebContents } from 'electron';

/** Locks each web contents as it is created, before it loads anything. */
export function lockDownWebContents(app: App, log: (line: string) => void): void {
  app.on('web-contents-created', (_event, contents) => lockDown(contents, log));
}

export function lockDown(contents: WebContents, log: (line: string) => void): void {
  // Navigation main asked for (loadFile) fires neither event; a reload of the same page stays allowed.
  contents.on('will-navigate', (event) => {
    if (event.url !== contents.getURL()) {
      event.preventDefault();
      log(`refused a navigation to ${event.url.slice(0, 200)}`);
    }
  });
  contents.on('will-redirect', (event) => {
    if (event.url !== contents.getURL()) {
      event.preventDefault();
      log(`refused a redirect to ${event.url.slice(0, 200)}`);
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('refused a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`refused a new window for ${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
}

/** No page gets a permission (camera, notifications, clipboard reads...): none of ours needs one. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * True only for a call from the desktop window's main frame while it shows the dashboard page: not from
 * a subframe, not from the overlay, not after the page somehow went elsewhere.
 */
export function isDashboardSender(event: IpcMainInvokeEvent, window: BrowserWindow | undefined, pageUrl: string): boolean {
  const frame = event.senderFrame;
  if (!frame || !window || window.isDestroyed()) return false;
  return frame === window.webContents.mainFrame && frame.url === pageUrl;
}
