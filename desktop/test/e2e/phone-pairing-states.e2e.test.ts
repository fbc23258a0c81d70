/** What the phone page tells its user when it is not, or no longer, paired. Real page, real host, in-memory driver. */
import { CloseCode } from '@deskremote/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PHONE_HOST_NAME } from './support/host-process.js';
import { MeddlingProxy } from './support/meddling-proxy.js';
import { pageHost } from './support/page-host.js';
import { Phone } from './support/phone.js';

const rig = pageHost(beforeAll, afterAll);
const phones = rig.phones;

async function open(url: string): Promise<Phone> {
  const phone = await Phone.open(url);
  phones.push(phone);
  return phone;
}

const unpairedText = async (phone: Phone) => {
  const card = phone.page.getByTestId('unpaired');
  await card.waitFor();
  return card.textContent();
};
const plainPage = () => `http://${PHONE_HOST_NAME}:${rig.host.port}/`;

it('is served the way a phone on the Wi-Fi gets it: plain http, not a secure context, gzip only', async () => {
  const phone = await open(plainPage());
  expect(await phone.page.evaluate(() => window.isSecureContext)).toBe(false);
  expect(await phone.page.evaluate(() => typeof crypto.subtle)).toBe('undefined');
  // Chromium offers brotli and zstd only to secure contexts; the host serves gzip to everyone.
  const encoding = await phone.page.evaluate(async () => (await fetch('/')).headers.get('content-encoding'));
  expect(encoding).toBe('gzip');
});

it('without a QR code or a pairing, the page says to scan the code', async () => {
  const phone = await open(plainPage());
  expect(await unpairedText(phone)).toContain('Scan the QR code on your computer');
});

it('a page that says to scan pairs when the QR URL is then opened in the same tab', async () => {
  const phone = await open(plainPage());
  await unpairedText(phone);
  // Same path, new fragment: the browser does not reload the page.
  await phone.page.goto(rig.host.pairingUrl());
  await phone.waitConnected();
  expect(new URL(phone.page.url()).hash).toBe('');
});

it('a QR code that was already used is refused, and the page says to scan the current one', async () => {
  const used = rig.host.pairingUrl();
  const first = await open(used);
  await first.waitConnected();
  const second = await open(used);
  expect(await unpairedText(second)).toContain('wrong or was already used');
});

it('a phone removed on the computer is told so at once, and forgets its pairing', async () => {
  const phone = await open(rig.host.pairingUrl());
  await phone.waitConnected();
  const id = rig.host.pairedDevices.at(-1)?.id ?? '';
  await rig.host.revokeDevice(id);
  expect(await unpairedText(phone)).toContain('removed on the computer');
  await phone.page.reload();
  expect(await unpairedText(phone)).toContain('Open DeskRemote on the computer');
});

it('a forged close code makes the phone neither reload nor forget its pairing: it comes back by itself', async () => {
  const proxy = await MeddlingProxy.start(rig.host.port, PHONE_HOST_NAME);
  try {
    const pairing = new URL(rig.host.pairingUrl());
    const phone = await open(`http://${PHONE_HOST_NAME}:${proxy.port}/${pairing.hash}`);
    await phone.waitConnected();
    const saved = await phone.page.evaluate(() => localStorage.getItem('deskremote.device.v1'));
    expect(saved).toContain('deviceId');
    // Marks this page instance: a reload would lose it.
    await phone.page.evaluate(() => Object.assign(window, { __sameDocument: true }));
    for (const code of [CloseCode.unknownDevice, CloseCode.reloadPage, CloseCode.authFailed]) {
      proxy.forgeClose(code);
      await phone.page.waitForFunction(() => !document.querySelector('[data-testid=status] .dot-on'), undefined, {
        timeout: 5000,
      });
      await phone.waitConnected(20_000);
      expect(await phone.page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
      expect(await phone.page.evaluate(() => localStorage.getItem('deskremote.device.v1'))).toBe(saved);
    }
  } finally {
    await proxy.stop();
  }
}, 90_000);

it('a browser too old for the page gets a card asking to update it, in both languages, never a blank page', async () => {
  const phone = await open(plainPage());
  // As on iOS 13: no Promise.any, so the check that runs before the app says this browser is too old.
  await phone.page.addInitScript(() => {
    Object.defineProperty(Promise, 'any', { value: undefined });
  });
  await phone.page.reload();
  const card = phone.page.locator('#update-browser');
  await card.waitFor();
  const text = (await card.textContent()) ?? '';
  expect(text).toContain('Please update your browser');
  expect(text).toContain('请更新浏览器');
});
