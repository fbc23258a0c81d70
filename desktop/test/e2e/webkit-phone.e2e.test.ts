/**
 * Safari's engine: the phone page in WebKitGTK (MiniBrowser driven by WebKitWebDriver) against the real
 * host and the real driver, with the desktop application on its own X display. The page must show
 * "Connected" within 3 s of opening the QR URL (it once stayed on "Connecting…" in WebKit), and a slide
 * key and a text must arrive on the desktop.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CLICKER_PROFILE } from '../../src/host/presenter/slide-profiles.js';
import { type DesktopRig, startDesktopRig } from './support/desktop-rig.js';
import type { DesktopWindow } from './support/desktop-window.js';
import { type HostProcess, PHONE_HOST_NAME } from './support/host-process.js';
import { WebKitPhone } from './support/webkit-phone.js';
import { startXvfb, type XDisplay } from './support/xvfb.js';

let rig: DesktopRig;
let phoneDisplay: XDisplay;
let desktop: DesktopWindow;
let host: HostProcess;
let phone: WebKitPhone | undefined;

beforeAll(async () => {
  rig = await startDesktopRig('webkit');
  ({ desktop, host } = rig);
  // The phone's browser gets a display of its own, so it never takes the desktop window's focus.
  phoneDisplay = await startXvfb(600, 1000);
});

afterAll(async () => {
  await phone?.close();
  await phoneDisplay?.stop();
  await rig?.stop();
});

const connected = "document.querySelector('[data-testid=status] .dot-on') !== null";

it('opens the QR URL in WebKit, shows Connected within 3 s, and a slide key and a text arrive on the desktop', async () => {
  // WebKitGTK has no host-resolver rules: the same URL on 127.0.0.1 (the Chromium tests cover the plain-http name).
  const url = host.pairingUrl().replace(PHONE_HOST_NAME, '127.0.0.1');
  phone = await WebKitPhone.open('about:blank', { display: phoneDisplay.display });
  expect(await phone.userAgent()).toContain('AppleWebKit');
  const started = performance.now();
  await phone.navigate(url);
  await phone.waitFor(connected, 3000);
  expect(performance.now() - started).toBeLessThan(3000);
  expect(await phone.evaluate<string>("return document.querySelector('[data-testid=status]').textContent")).toContain(
    'Connected to',
  );
  // WebKit paints a little after the DOM changes: wait for two frames, then look.
  await phone.evaluate('return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100))))');
  await phone.screenshot('test-results/webkit-phone-connected.png');

  await phone.click('[data-tab=slides]');
  const count = await desktop.count();
  await phone.click('[data-slide=next]');
  expect(await desktop.waitForKeys(count, 1)).toEqual([CLICKER_PROFILE.keys.next![0]!.key]);

  await phone.click('[data-tab=pad]');
  await desktop.clearTyped();
  const text = 'Safari sent this: café 你好';
  // Live typing (the default): each key goes as it is typed, from the field's input events.
  await phone.typeInto('[data-testid=text-input]', text);
  await expect.poll(() => desktop.typedText(), { timeout: 5000 }).toBe(text);
});

it('every panel in WebKit, in English and Chinese (screenshots), words from the right language', async () => {
  if (!phone) throw new Error('the first test opens the phone');
  const paint = () =>
    phone?.evaluate('return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100))))');
  for (const language of ['en', 'zh-CN'] as const) {
    for (const tab of ['pad', 'keys', 'media', 'slides', 'deck']) {
      await phone.click(`[data-tab=${tab}]`);
      await paint();
      await phone.screenshot(`test-results/webkit-${tab}-${language}.png`);
    }
    const label = await phone.evaluate<string>("return document.querySelector('[data-tab=pad]').textContent");
    expect(label).toBe(language === 'en' ? 'Touchpad' : '触控板');
    if (language === 'en') {
      await phone.click('[data-testid=language]');
      await phone.waitFor("document.documentElement.lang === 'zh-CN'", 3000);
    }
  }
  await phone.click('[data-testid=language]');
  await phone.click('[data-tab=pad]');
});
