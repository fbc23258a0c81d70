/**
 * The Electron entry: the real effects handed to the desktop app (desktop-app.ts), and the last line
 * of defence, which releases held input if anything throws where nobody catches it.
 */

import { hasStatusNotifierHost } from '../host/desktop-session/status-notifier.js';
import { dashboardView } from '../host/desktop-window/dashboard-view.js';
import { Host } from '../host/host.js';
import { guardProcess } from '../host/last-defence.js';
import { startDesktopApp } from './desktop-app.js';

const desktop = startDesktopApp({
  here: import.meta.dirname,
  argv: process.argv,
  env: process.env,
  platform: process.platform,
  startHost: (options) => Host.start(options),
  hostView: dashboardView,
  hasTrayHost: () => hasStatusNotifierHost(),
  log: (line) => console.log(line),
});

guardProcess(
  () => desktop.host()?.releaseAllInput(),
  (line) => console.error(line),
);
