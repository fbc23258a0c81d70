/**
 * The heartbeat is tuned so a healthy but slow Wi-Fi never trips it: through a relay that holds every
 * frame for a random 0 to 250 ms each way (round trips up to half a second, in order, as on one TCP
 * connection), the phone page never says the computer is not answering, and every tap is done (none is
 * judged late). Real page in Chromium, the real host (in-memory driver), the relay on loopback.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Host } from '../../src/host/host.js';
import type { MemoryDriver } from '../support/memory-driver.js';
import { startTestHost } from '../support/test-host.js';
import { assertChromium } from './support/chromium.js';
import { PHONE_HOST_NAME } from './support/host-process.js';
import { MeddlingProxy } from './support/meddling-proxy.js';
import { Phone } from './support/phone.js';

const phoneDir = join(import.meta.dirname, '..', '..', '..', 'mobile-web', 'dist');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let host: Host;
let driver: MemoryDriver;
let proxy: MeddlingProxy;
let phone: Phone;

beforeAll(async () => {
  assertChromium();
  ({ host, driver } = await startTestHost({ phoneDir, names: [PHONE_HOST_NAME] }));
  proxy = await MeddlingProxy.start(host.port, PHONE_HOST_NAME, { jitterMs: () => Math.random() * 250 });
});

afterAll(async () => {
  await phone?.close();
  await proxy?.stop();
  await host?.stop();
});

it('a slow, jittery Wi-Fi never shows "not answering", and no tap is judged late', async () => {
  phone = await Phone.open('about:blank');
  // Any appearance of the warning, even for a frame, is recorded from the first paint on.
  await phone.page.addInitScript(() => {
    const seen: number[] = [];
    (window as unknown as { quiet: number[] }).quiet = seen;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid=not-answering]')) seen.push(Date.now());
    }).observe(document, { childList: true, subtree: true });
  });
  await phone.page.goto(`http://${PHONE_HOST_NAME}:${proxy.port}/${new URL(host.pairingUrl()).hash}`);
  await phone.waitConnected(10_000);
  await phone.tapButton('[data-tab=slides]');
  const before = driver.calls.length;
  for (let i = 0; i < 6; i++) {
    await phone.tapButton('[data-slide=next]');
    await sleep(2000);
  }
  await expect.poll(() => driver.calls.slice(before).filter((c) => c[0] === 'tapKey').length, { timeout: 5000 }).toBe(6);
  expect(await phone.page.evaluate(() => (window as unknown as { quiet: number[] }).quiet)).toEqual([]);
  expect(await phone.page.locator('[data-testid=toast][data-code=too-late]').count()).toBe(0);
}, 60_000);
