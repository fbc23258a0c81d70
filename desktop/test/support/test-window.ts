/** The desktop window as the headless host serves it, for tests: its view, and its server with the real handlers. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DashboardView } from '../../src/common/dashboard-contract.js';
import { defaultDashboardDir } from '../../src/host/app-paths.js';
import { dashboardHandlers } from '../../src/host/desktop-window/dashboard-handlers.js';
import { dashboardView } from '../../src/host/desktop-window/dashboard-view.js';
import { WindowServer } from '../../src/host/desktop-window/window-server.js';
import type { Host } from '../../src/host/host.js';

/** The window's view as the headless host serves it: the host's part, and no screens to choose among. */
export async function browserWindowView(host: Host): Promise<DashboardView> {
  return {
    ...(await dashboardView(host)),
    displays: [],
    overlayDisplay: 'auto',
    closeKeepsRunning: true,
    shell: 'browser',
  };
}

/** The window server for `host`, its settings in a folder of their own (given, or a new one). */
export async function startTestWindow(host: () => Host, settingsDir?: string): Promise<WindowServer> {
  const view = () => browserWindowView(host());
  const window: WindowServer = await WindowServer.start({
    pageDir: defaultDashboardDir(),
    view,
    handlers: dashboardHandlers({
      host,
      dataDir: settingsDir ?? mkdtempSync(join(tmpdir(), 'deskremote-window-settings-')),
      view,
      pushView: () => window.push(),
      restartHost: async () => {},
      settingsChanged: () => {},
      quit: () => {},
    }),
  });
  return window;
}
