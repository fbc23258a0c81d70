import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where paired devices and settings live, per the platform's convention. */
export function defaultDataDir(platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'DeskRemote');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'DeskRemote');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'deskremote');
}

/**
 * desktop/ in a checkout, or the app's own folder once packaged (resources/app.asar, or resources/app): this
 * file is dist/host/app-paths.js below it.
 */
const desktopRoot = resolve(import.meta.dirname, '..', '..');

/**
 * The built phone page: resources/phone beside the packaged app (electron-builder's extraResources), else the
 * checkout's mobile-web/dist.
 */
export function defaultPhoneDir(): string {
  const packaged = resolve(desktopRoot, '..', 'phone');
  return existsSync(join(packaged, 'index.html')) ? packaged : resolve(desktopRoot, '..', 'mobile-web', 'dist');
}

/** The desktop window's built page (dist/dashboard), which the headless host serves to this computer's browser. */
export function defaultDashboardDir(): string {
  return resolve(desktopRoot, 'dist', 'dashboard');
}

export function appVersion(): string {
  const pkg = JSON.parse(readFileSync(join(desktopRoot, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
