#!/usr/bin/env node
// npm run screenshots: the README's pictures, from the real host and the real pages (needs an X display
// in DISPLAY for the input status to read "ready"; Chromium at /usr/bin/chromium or CHROMIUM_PATH).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, devices } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const root = join(import.meta.dirname, '..');
const out = join(root, 'docs', 'screenshots');
const { Host } = await import(join(root, 'desktop/dist/host/host.js'));
const { openInputBackend } = await import(join(root, 'desktop/dist/host/input/input-backend.js'));
const { dashboardView } = await import(join(root, 'desktop/dist/host/desktop-window/dashboard-view.js'));
const { dashboardHandlers } = await import(join(root, 'desktop/dist/host/desktop-window/dashboard-handlers.js'));
const { WindowServer } = await import(join(root, 'desktop/dist/host/desktop-window/window-server.js'));

const dataDir = await mkdtemp(join(tmpdir(), 'deskremote-shots-'));
const host = await Host.start({
  port: 0,
  bind: '127.0.0.1',
  dataDir,
  phoneDir: join(root, 'mobile-web/dist'),
  version: 'screenshots',
  hostName: 'studio-desktop',
  requireApproval: true,
  openInput: (context) => openInputBackend(context),
});
await new Promise((r) => setTimeout(r, 1500));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

// The desktop window's page from the real host, as the headless host serves it (the same page and calls as the app's).
const windowView = async () => ({
  ...(await dashboardView(host)),
  displays: [],
  overlayDisplay: 'auto',
  closeKeepsRunning: true,
  shell: 'app',
});
const window = await WindowServer.start({
  pageDir: join(root, 'desktop/dist/dashboard'),
  view: windowView,
  handlers: dashboardHandlers({
    host: () => host,
    dataDir,
    view: windowView,
    pushView: () => window.push(),
    restartHost: async () => {},
    settingsChanged: () => {},
    quit: () => {},
  }),
});

async function desktopWindow(name, locale) {
  const view = await windowView();
  const page = await browser.newPage({ viewport: { width: 780, height: view.approvals.length > 0 ? 820 : 620 }, locale });
  await page.goto(window.url);
  await page.waitForFunction(() => document.querySelector('#qr')?.getAttribute('src')?.startsWith('data:'));
  await page.screenshot({ path: join(out, name) });
  await page.close();
}

/** A phone opens the QR code, the desktop asks, the person allows. */
async function pairedPhone(locale, shots) {
  const phone = await (await browser.newContext({ ...devices['Pixel 7'], locale })).newPage();
  await phone.goto(host.pairingUrl());
  await phone.waitForSelector('[data-testid=approving]');
  const request = await new Promise((resolve) => {
    const check = () => (host.pairing.approvals.list()[0] ? resolve(host.pairing.approvals.list()[0]) : setTimeout(check, 20));
    check();
  });
  if (shots) await shots(phone);
  host.pairing.decide(request.id, true);
  await phone.waitForSelector('[data-testid=status] .dot-on');
  return phone;
}

try {
  const phone = await pairedPhone('en-US', async (page) => {
    await page.screenshot({ path: join(out, 'phone-approving.png') });
    await desktopWindow('desktop-approval.png', 'en-US');
  });
  await phone.screenshot({ path: join(out, 'phone-touchpad.png') });
  await phone.locator('[data-tab=media]').tap();
  await phone.screenshot({ path: join(out, 'phone-media.png') });
  await phone.locator('[data-tab=slides]').tap();
  await phone.screenshot({ path: join(out, 'phone-slides.png') });
  await phone.locator('[data-tab=pad]').tap();
  await phone.setViewportSize({ width: 915, height: 412 });
  await phone.screenshot({ path: join(out, 'phone-landscape.png') });

  const chinese = await pairedPhone('zh-CN');
  await chinese.screenshot({ path: join(out, 'phone-touchpad-zh.png') });
  await chinese.locator('[data-tab=slides]').tap();
  await chinese.screenshot({ path: join(out, 'phone-slides-zh.png') });

  await desktopWindow('desktop-window.png', 'en-US');
  await desktopWindow('desktop-window-zh.png', 'zh-CN');
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  await window.close();
  await host.stop();
  await rm(dataDir, { recursive: true, force: true });
}
// Helpers the host started (pactl subscribe, the focus watch) would keep the process alive.
process.exit(0);
