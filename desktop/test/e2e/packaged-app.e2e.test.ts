/**
 * The app as people install it: electron-builder packages it for real (`--linux dir`, against a stand-in
 * Electron folder because the runtime is a download), the packaged tree is checked (name, fuses, what is in
 * the asar and what is unpacked, the phone page, only Linux natives, size), and then the packaged app's own
 * host runs under plain Node from that tree: a phone pairs with it and moves the pointer on a real X display.
 * That proves the production dependency tree is complete: nothing the host imports was left out.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { extractAll, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStandInElectron, packageLinuxDir, readFuses } from '../../../scripts/stand-in-electron.mjs';
import { assertChromium } from './support/chromium.js';
import { DesktopWindow } from './support/desktop-window.js';
import { HostProcess } from './support/host-process.js';
import { Phone } from './support/phone.js';
import { startXvfb, type XDisplay } from './support/xvfb.js';

const root = join(import.meta.dirname, '..', '..', '..');
let work: string;
let app: string;
let asarFiles: string[];

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}
const sizeOf = (dir: string) => [...walk(dir)].reduce((sum, file) => sum + statSync(file).size, 0);
const MB = 1024 * 1024;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'deskremote-package-'));
  const electronDist = makeStandInElectron(join(work, 'electron-dist'));
  app = packageLinuxDir(root, electronDist, join(work, 'release'));
  asarFiles = listPackage(join(app, 'resources', 'app.asar'), { isPack: false });
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packaged app (Linux)', () => {
  it('is called DeskRemote, its executable deskremote', () => {
    expect(readdirSync(app).sort()).toEqual(['chrome-sandbox', 'deskremote', 'resources', 'version']);
  });

  it('has the app’s own name in its package.json, not the workspace’s', () => {
    const extracted = join(work, 'app-meta');
    extractAll(join(app, 'resources', 'app.asar'), extracted);
    const pkg = JSON.parse(readFileSync(join(extracted, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.name).toBe('deskremote');
    expect(pkg.productName).toBe('DeskRemote');
    expect(pkg.main).toBe('dist/electron/main.js');
    // The deb needs both; without them `npm run dist` failed at the deb.
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect((pkg.author as { email?: string }).email).toMatch(/@/);
  });

  it('has its fuses set: no run-as-node, no NODE_OPTIONS or --inspect, the app only from its asar', () => {
    expect(readFuses(join(app, 'deskremote'))).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('holds the main process, the host, the desktop window, the overlay and the phone page', () => {
    for (const file of [
      '/dist/electron/main.js',
      '/dist/electron/preload.cjs',
      '/dist/electron/overlay-preload.cjs',
      '/dist/cli.js',
      '/dist/host/host.js',
      '/dist/dashboard/index.html',
      '/dist/overlay/overlay.js',
    ])
      expect(asarFiles).toContain(file);
    expect(existsSync(join(app, 'resources', 'phone', 'index.html'))).toBe(true);
    expect(existsSync(join(app, 'resources', 'icon.png'))).toBe(true);
  });

  it('ships no sources, type declarations, source maps or docs of its dependencies', () => {
    const unpacked = [...walk(join(app, 'resources', 'app.asar.unpacked'))].map((f) =>
      relative(join(app, 'resources', 'app.asar.unpacked'), f),
    );
    const all = [...asarFiles, ...unpacked];
    expect(all.filter((f) => /\.(map|ts|mts|cts|md)$/.test(f))).toEqual([]);
    expect(all.filter((f) => /node_modules\/koffi\/(src|vendor|doc)\//.test(f))).toEqual([]);
    expect(all.filter((f) => /node_modules\/[^/]+\/(test|tests|examples|docs)\//.test(f))).toEqual([]);
  });

  it('unpacks the Linux natives it loads, and holds no other platform’s', () => {
    const unpacked = join(app, 'resources', 'app.asar.unpacked', 'node_modules');
    expect(existsSync(join(unpacked, '@nut-tree-fork', 'libnut-linux'))).toBe(true);
    expect(existsSync(join(unpacked, '@koromix', `koffi-linux-${process.arch}`))).toBe(true);
    expect(existsSync(join(unpacked, '@img', `sharp-linux-${process.arch}`))).toBe(true);
    const everything = [...walk(join(app, 'resources')), ...asarFiles].join('\n');
    expect(everything).not.toMatch(/libnut-(win32|darwin)|koffi-(win32|darwin|freebsd|openbsd)|sharp-(win32|darwin)/);
    expect(everything).not.toMatch(/\.(dll|dylib)\b/);
  });

  it('stays small: the asar under 16 MB, the unpacked natives under 26 MB', () => {
    const asar = statSync(join(app, 'resources', 'app.asar')).size;
    const unpacked = sizeOf(join(app, 'resources', 'app.asar.unpacked'));
    expect(asar).toBeLessThan(16 * MB);
    expect(unpacked).toBeLessThan(26 * MB);
  });
});

describe('the packaged app’s own host, under plain Node', () => {
  let x: XDisplay;
  let desktop: DesktopWindow;
  let host: HostProcess;
  let phone: Phone;
  let dataDir: string;

  beforeAll(async () => {
    assertChromium();
    // Plain Node cannot read an asar: lay it out as resources/app, beside resources/phone as packaged.
    const resources = join(work, 'installed', 'resources');
    extractAll(join(app, 'resources', 'app.asar'), join(resources, 'app'));
    cpSync(join(app, 'resources', 'phone'), join(resources, 'phone'), { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'deskremote-packaged-data-'));
    x = await startXvfb();
    desktop = await DesktopWindow.open(x.display, x.width, x.height);
    host = await HostProcess.start({ display: x.display, dataDir, cli: join(resources, 'app', 'dist', 'cli.js') });
    phone = await Phone.open(host.pairingUrl());
  }, 60_000);

  afterAll(async () => {
    await phone?.close();
    await host?.stop();
    await desktop?.close();
    await x?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the packaged phone page, pairs a phone and moves the pointer with the packaged driver', async () => {
    await phone.waitConnected();
    expect(host.log).toMatch(/input: ready/);
    const center = await phone.padCenter();
    const before = (await desktop.events()).filter((e) => e.type === 'pointermove').length;
    await phone.drag([center], { x: 80, y: 40 }, 16, 25);
    await desktop.waitFor('the pointer moved by the packaged host', (events) =>
      events.filter((e) => e.type === 'pointermove').length > before ? true : undefined,
    );
  });
});
