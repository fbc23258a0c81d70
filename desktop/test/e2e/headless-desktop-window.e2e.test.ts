/**
 * The headless host's desktop window, as a newcomer without the app gets it: the real CLI prints an address
 * for this computer's browser; the page there shows the QR code and answers an approval. It refuses a request
 * without its key, from another site's page, and under another name; Stop ends the host.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium.js';
import { HostProcess } from './support/host-process.js';
import { Phone } from './support/phone.js';

let dataDir: string;
let host: HostProcess;
let browser: Browser;
let windowUrl: string;
let base: string;
let key: string;

beforeAll(async () => {
  assertChromium();
  dataDir = await mkdtemp(join(tmpdir(), 'deskremote-headless-window-'));
  host = await HostProcess.start({ display: '', dataDir, approvals: true });
  windowUrl = await host.windowUrl();
  base = windowUrl.slice(0, windowUrl.indexOf('/#'));
  key = windowUrl.slice(windowUrl.indexOf('#key=') + 5);
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function open(url: string, locale = 'en-US'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 800, height: 700 }, locale });
  await page.goto(url);
  return page;
}

describe('the desktop window of the headless host', () => {
  it('opens from the printed address, shows the QR code, and takes the key out of the address bar', async () => {
    const page = await open(windowUrl);
    await page.waitForFunction(() => document.querySelector('#qr')?.getAttribute('src')?.startsWith('data:image/png'));
    expect(await page.locator('#url').textContent()).toContain(`:${host.port}/`);
    expect(page.url()).toBe(`${base}/`);
    // A reload keeps working (the key stays with this tab), and the close note speaks of the terminal.
    await page.reload();
    await page.waitForFunction(() => document.querySelector('#qr')?.getAttribute('src')?.startsWith('data:image/png'));
    expect(await page.locator('#close-note').textContent()).toContain('running in its terminal');
    await page.close();
  });

  it('answers a phone asking to pair: Allow in the browser lets it in', async () => {
    const page = await open(windowUrl);
    const phone = await Phone.open(host.pairingUrl());
    try {
      await page.waitForSelector('.approval');
      expect(await page.locator('.approval').textContent()).toContain('Pixel 7');
      await page.getByRole('button', { name: 'Allow' }).click();
      await phone.waitConnected();
      await page.waitForFunction(() => document.querySelector('#devices')?.textContent?.includes('Pixel 7'));
    } finally {
      await phone.close();
      await page.close();
    }
  });

  it('without its key, the page says where the key comes from and no call is answered', async () => {
    const page = await open(`${base}/`);
    await page.locator('#blocked').waitFor();
    expect(await page.locator('#blocked').textContent()).toContain('printed in its terminal');
    expect(await page.locator('#qr').getAttribute('src')).toBeNull();
    const status = await page.evaluate(async () => (await fetch('/api/call/renew', { method: 'POST', body: '[]' })).status);
    expect(status).toBe(401);
    const before = host.pairingUrlCount();
    const wrong = await page.evaluate(
      async () =>
        (await fetch('/api/call/renew', { method: 'POST', body: '[]', headers: { 'X-DeskRemote-Key': 'x'.repeat(43) } })).status,
    );
    expect(wrong).toBe(401);
    expect(host.pairingUrlCount()).toBe(before);
    await page.close();
  });

  it('refuses another site’s page even with the key, and any other name for this computer', async () => {
    // Another site's page, served on this very computer (any web page the user has open could do the same).
    const site = createServer((_request, response) => response.end('<!doctype html><title>another site</title>'));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const other = await open(`http://localhost:${(site.address() as AddressInfo).port}/`);
    const before = host.pairingUrlCount();
    // The request reaches the server (a page may send it); our answer carries nothing, and the call does nothing.
    await other.evaluate(
      async ({ base, key }) => {
        const send = (url: string) => fetch(url, { method: 'POST', mode: 'no-cors', body: '[]' }).catch(() => undefined);
        await send(`${base}/api/call/renew`);
        await send(`${base}/api/call/renew?key=${key}`);
      },
      { base, key },
    );
    await other.close();
    site.close();
    expect(host.pairingUrlCount()).toBe(before);
    expect(host.log.match(/desktop window: refused POST \/api\/call\/renew \(403\)/g)).toHaveLength(2);
    // DNS rebinding: a name that resolves to 127.0.0.1 but is not this computer's.
    const rebound = await browser.newContext({});
    const page = await rebound.newPage();
    const response = await page.request.get(`${base}/`, { headers: { Host: `attacker.example:${new URL(base).port}` } });
    expect(response.status()).toBe(421);
    await rebound.close();
  });

  it('speaks Chinese, and Stop ends the host and says so', async () => {
    const page = await open(windowUrl, 'zh-CN');
    await page.waitForFunction(() => document.querySelector('#qr')?.getAttribute('src')?.startsWith('data:image/png'));
    expect(await page.locator('#quit').textContent()).toBe('停止 DeskRemote');
    expect(await page.locator('#close-note').textContent()).toContain('终端');
    await page.screenshot({ path: 'test-results/headless-window-zh.png' });
    await page.locator('#quit').click();
    await host.waitForOutput(/Stopped from the desktop window: releasing held keys/);
    expect(await host.stop()).toBe(0);
    await page.locator('#blocked').waitFor();
    expect(await page.locator('#blocked').textContent()).toContain('已停止');
    await page.screenshot({ path: 'test-results/headless-window-stopped-zh.png' });
  });
});
