/**
 * The desktop window's page against a real host, through a bridge of the same shape the Electron
 * preload exposes (Electron's runtime cannot start on the build machines; the page and the host can).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CloseCode } from '@deskremote/shared';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dashboardView } from '../../src/host/dashboard-view.js';
import type { Host } from '../../src/host/host.js';
import { pairPhone, startTestHost } from '../support/test-host.js';
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium.js';

let host: Host;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  assertChromium();
  ({ host } = await startTestHost());
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 780, height: 560 } });
  await page.exposeFunction('__view', () => dashboardView(host));
  await page.exposeFunction('__revoke', (id: string) => host.revokeDevice(id));
  await page.exposeFunction('__renew', () => host.renewPairingCode());
  await page.addInitScript(() => {
    const bridge = window as unknown as Record<string, (...args: unknown[]) => Promise<never>>;
    const listeners: Array<(view: DashboardView) => void> = [];
    Object.assign(window, {
      __push: (view: DashboardView) => {
        for (const listener of listeners) listener(view);
      },
    });
    window.deskremote = {
      view: () => bridge.__view!(),
      onView: (listener) => listeners.push(listener),
      revokeDevice: (id) => bridge.__revoke!(id),
      renewPairingCode: () => bridge.__renew!(),
      setPort: async () => {},
    };
  });
  host.onEvent(() => {
    void dashboardView(host).then((view) =>
      page.evaluate((v) => (window as unknown as { __push(v: unknown): void }).__push(v), view),
    );
  });
  await page.goto(pathToFileURL(join(import.meta.dirname, '..', '..', 'dist', 'dashboard', 'index.html')).href);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

it('shows the QR code of the current pairing URL, the computer, and that input works', async () => {
  await page.waitForFunction(() => document.querySelector('#qr')?.getAttribute('src')?.startsWith('data:image/png'));
  expect(await page.locator('#url').textContent()).toBe(`http://127.0.0.1:${host.port}/`);
  expect(await page.locator('#input').textContent()).toContain('Input is injected');
  expect(await page.locator('#devices').textContent()).toContain('No phone paired yet');
});

it('lists a phone as it pairs, and shows a new QR code for the next one', async () => {
  const before = await page.locator('#qr').getAttribute('src');
  const phone = await pairPhone(host, 'Sofa phone');
  await page.waitForFunction(() => document.querySelector('#devices')?.textContent?.includes('Sofa phone'));
  expect(await page.locator('#devices').textContent()).toContain('connected');
  await page.waitForFunction((old) => document.querySelector('#qr')?.getAttribute('src') !== old, before);
  phone.client.socket.close();
});

it('Remove forgets the phone and disconnects it at once', async () => {
  const phone = await pairPhone(host, 'Stage phone');
  await page.waitForFunction(() => document.querySelector('#devices')?.textContent?.includes('Stage phone'));
  await page.locator('li', { hasText: 'Stage phone' }).getByRole('button', { name: 'Remove' }).click();
  expect((await phone.client.closed).code).toBe(CloseCode.unknownDevice);
  await page.waitForFunction(() => !document.querySelector('#devices')?.textContent?.includes('Stage phone'));
  expect(host.pairedDevices.map((d) => d.name)).toEqual(['Sofa phone']);
});

it('New code replaces the pairing code on screen', async () => {
  const url = host.pairingUrl();
  const qr = await page.locator('#qr').getAttribute('src');
  await page.getByRole('button', { name: 'New code' }).click();
  await page.waitForFunction((old) => document.querySelector('#qr')?.getAttribute('src') !== old, qr);
  expect(host.pairingUrl()).not.toBe(url);
});
