#!/usr/bin/env node
// npm run screenshots: the README's pictures, from the real host and the real pages (needs an X display
// in DISPLAY for the input status to read "ready"; Chromium at /usr/bin/chromium or CHROMIUM_PATH).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, devices } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const root = join(import.meta.dirname, '..');
const out = join(root, 'docs', 'screenshots');
const { Host } = await import(join(root, 'desktop/dist/host/host.js'));
const { openNutBackend } = await import(join(root, 'desktop/dist/host/input/input-backend.js'));
const { dashboardView } = await import(join(root, 'desktop/dist/host/dashboard-view.js'));

const dataDir = await mkdtemp(join(tmpdir(), 'deskremote-shots-'));
const host = await Host.start({
  port: 0,
  bind: '127.0.0.1',
  dataDir,
  phoneDir: join(root, 'mobile-web/dist'),
  version: 'screenshots',
  hostName: 'studio-desktop',
  openInput: () => openNutBackend(),
});
await new Promise((r) => setTimeout(r, 1500));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const phone = await (await browser.newContext({ ...devices['Pixel 7'] })).newPage();
  await phone.goto(host.pairingUrl());
  await phone.waitForSelector('[data-testid=status] .dot-on');
  await phone.screenshot({ path: join(out, 'phone-touchpad.png') });
  await phone.locator('[data-tab=media]').tap();
  await phone.screenshot({ path: join(out, 'phone-media.png') });
  await phone.locator('[data-tab=slides]').tap();
  await phone.screenshot({ path: join(out, 'phone-slides.png') });
  await phone.locator('[data-tab=pad]').tap();
  await phone.setViewportSize({ width: 915, height: 412 });
  await phone.screenshot({ path: join(out, 'phone-landscape.png') });

  // The desktop window's page, fed by the real host through the same bridge shape the preload exposes.
  const view = await dashboardView(host);
  const dashboard = await browser.newPage({ viewport: { width: 780, height: 560 } });
  await dashboard.addInitScript((data) => {
    window.deskremote = {
      view: async () => data,
      onView: () => {},
      revokeDevice: async () => {},
      renewPairingCode: async () => {},
      setPort: async () => {},
    };
  }, view);
  await dashboard.goto(pathToFileURL(join(root, 'desktop/dist/dashboard/index.html')).href);
  await dashboard.waitForFunction(() => document.querySelector('#qr')?.getAttribute('src')?.startsWith('data:'));
  await dashboard.screenshot({ path: join(out, 'desktop-window.png') });
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  await host.stop();
  await rm(dataDir, { recursive: true, force: true });
}
