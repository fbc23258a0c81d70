/**
 * A phone's first visit and its reload, as the page starts: the socket to the computer is opened by the
 * boot script inlined in the page as it is parsed (allowed by its hash in the Content-Security-Policy, with
 * no violation), and the app takes that socket over for the handshake instead of opening its own once its
 * code has loaded. A page with nothing to prove opens none. Real page in headless Chromium, real host.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Host } from '../../src/host/host.js';
import { startTestHost } from '../support/test-host.js';
import { assertChromium } from './support/chromium.js';
import { PHONE_HOST_NAME } from './support/host-process.js';
import { Phone } from './support/phone.js';

const phoneDir = join(import.meta.dirname, '..', '..', '..', 'mobile-web', 'dist');
let host: Host;
const phones: Phone[] = [];

beforeAll(async () => {
  assertChromium();
  ({ host } = await startTestHost({ phoneDir, names: [PHONE_HOST_NAME] }));
});

afterAll(async () => {
  await Promise.all(phones.map((p) => p.close()));
  await host?.stop();
});

type Seen = { sockets: Array<{ byInlineScript: boolean }>; violations: string[]; leftOver: boolean };

/** A phone whose every page records who opened each WebSocket, and any policy violation. */
async function watchedPhone(): Promise<Phone> {
  const phone = await Phone.open('about:blank');
  phones.push(phone);
  await phone.context.addInitScript(() => {
    const seen = { sockets: [] as Array<{ byInlineScript: boolean }>, violations: [] as string[] };
    (window as unknown as { __seen: typeof seen }).__seen = seen;
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        const script = document.currentScript as HTMLScriptElement | null;
        seen.sockets.push({ byInlineScript: script !== null && script.src === '' });
        super(url, protocols);
      }
    };
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return phone;
}

const seen = (phone: Phone): Promise<Seen> =>
  phone.page.evaluate(() => ({
    ...(window as unknown as { __seen: Omit<Seen, 'leftOver'> }).__seen,
    leftOver: (window as unknown as { __deskremoteEarlySocket?: unknown }).__deskremoteEarlySocket !== undefined,
  }));

it('pairs and reconnects on the socket the page opened as it was parsed, within its policy', async () => {
  const phone = await watchedPhone();
  await phone.page.goto(host.pairingUrl());
  // Connected for the first time, not "back": the page was drawn before its welcome, it was never away.
  expect(await phone.waitConnected()).toMatch(/^Connected to /);
  expect(await seen(phone)).toEqual({ sockets: [{ byInlineScript: true }], violations: [], leftOver: false });

  // A reload (a paired phone opening its bookmark): the same, proving its saved pairing.
  await phone.page.reload();
  await phone.waitConnected();
  expect(await seen(phone)).toEqual({ sockets: [{ byInlineScript: true }], violations: [], leftOver: false });
  expect(host.pairedDevices).toHaveLength(1);
});

it('a page with nothing to prove opens no socket and says to scan the code', async () => {
  const phone = await watchedPhone();
  await phone.page.goto(`http://${PHONE_HOST_NAME}:${host.port}/`);
  await phone.page.getByTestId('unpaired').waitFor();
  expect(await seen(phone)).toEqual({ sockets: [], violations: [], leftOver: false });
});

it('a browser without Object.hasOwn (iOS Safari 14 to 15.3) pairs, where it showed the "update your browser" card', async () => {
  const phone = await Phone.open('about:blank');
  phones.push(phone);
  await phone.context.addInitScript(() => Reflect.deleteProperty(Object, 'hasOwn'));
  const errors: string[] = [];
  phone.page.on('pageerror', (error) => errors.push(error.message));
  await phone.page.goto(host.pairingUrl());
  expect(await phone.waitConnected()).toMatch(/^Connected to /);
  expect(errors).toEqual([]);
});
