/**
 * A web page on another origin (any site a person on the Wi-Fi visits) pointing at the host: images,
 * scripts, fetches and WebSockets with targets the host must not choke on. Real Chromium, real host.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Host } from '../../src/host/host.js';
import type { MemoryDriver } from '../support/memory-driver.js';
import { pairPhone, resumePhone, startTestHost } from '../support/test-host.js';
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium.js';

let host: Host;
let driver: MemoryDriver;
let site: Server;

beforeAll(async () => {
  assertChromium();
  ({ host, driver } = await startTestHost());
  const at = `127.0.0.1:${host.port}`;
  const page = `<!doctype html><title>Somewhere else</title>
    <img src="http://${at}//"><img src="http://${at}/%E0%A4%A"><img src="http://${at}/ws">
    <img src="http://${at}/${'x'.repeat(4000)}"><script src="http://${at}/assets/app-1234.js"></script>
    <script>
      window.results = [];
      const note = (what, value) => window.results.push([what, String(value)]);
      fetch('http://${at}//', { mode: 'no-cors' }).then(() => note('fetch', 'answered'), (e) => note('fetch', e));
      fetch('http://${at}/', { method: 'POST', mode: 'no-cors', body: 'x' }).then(() => note('post', 'answered'), (e) => note('post', e));
      const ws = new WebSocket('ws://${at}/ws');
      ws.onopen = () => note('ws', 'open');
      ws.onclose = (e) => note('ws', 'closed ' + e.code);
    </script>`;
  site = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(page));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await host?.stop();
  await new Promise((resolve) => site?.close(resolve));
});

it('a page from another origin that loads things from the host gets nowhere and knocks nothing over', async () => {
  const phone = await pairPhone(host);
  phone.client.socket.close();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => (window as unknown as { results: unknown[] }).results.length >= 3, undefined, {
      timeout: 10_000,
    });
    const results = await page.evaluate(() => (window as unknown as { results: Array<[string, string]> }).results);
    // The WebSocket from a foreign origin is refused at the upgrade; it never opens.
    expect(results.find(([what]) => what === 'ws')?.[1]).not.toBe('open');
    expect(results.some(([what, value]) => what === 'ws' && value.startsWith('closed'))).toBe(true);
  } finally {
    await browser.close();
  }
  // Still serving: the paired phone comes back and its command is injected; nothing else was.
  const back = await resumePhone(host, phone.deviceId, phone.secret);
  await back.next('welcome');
  back.send({ t: 'key', id: 1, key: 'Enter' });
  await back.next('ack');
  expect(driver.calls).toEqual([['tapKey', 'Enter', []]]);
});
