/**
 * With the soft keyboard up (the page squeezed to 400 px tall), the text field and the keys stay in
 * sight and thumb-sized, nothing hides behind the tab bar, and the page does not flip to its landscape
 * rail. Small and large phones, English and Chinese; screenshots in test-results/.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Host } from '../../src/host/host.js';
import { startTestHost } from '../support/test-host.js';
import { assertChromium } from './support/chromium.js';
import { PHONE_HOST_NAME } from './support/host-process.js';
import { Phone } from './support/phone.js';

let host: Host;
const phones: Phone[] = [];

beforeAll(async () => {
  assertChromium();
  ({ host } = await startTestHost({
    phoneDir: join(import.meta.dirname, '..', '..', '..', 'mobile-web', 'dist'),
    names: [PHONE_HOST_NAME],
  }));
});
afterAll(async () => {
  await Promise.all(phones.map((p) => p.close()));
  await host?.stop();
});

const PHONES = [
  { name: 'small', profile: 'Galaxy S8', width: 360, height: 740 },
  { name: 'large', profile: 'Pixel 7', width: 412, height: 915 },
] as const;

for (const size of PHONES) {
  for (const locale of ['en-US', 'zh-CN']) {
    it(`${size.name} phone (${size.width} px), ${locale}: field and keys in sight at 400 px tall with the field focused`, async () => {
      const phone = await Phone.open(host.pairingUrl(), size.profile, locale);
      phones.push(phone);
      await phone.page.setViewportSize({ width: size.width, height: size.height });
      await phone.waitConnected();
      await phone.page.getByTestId('text-input').focus();
      // The keyboard comes up: the page keeps its width and loses more than half its height.
      await phone.page.setViewportSize({ width: size.width, height: 400 });
      await phone.page.waitForFunction(() => document.documentElement.dataset.keyboard === 'open');
      const layout = await phone.page.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect();
        const controls = [...document.querySelectorAll('.text-row button, .text-row input, .key-row button, .click-row button')];
        const visible = (r: DOMRect | undefined) =>
          !!r && r.width > 0 && r.top >= 0 && r.bottom <= innerHeight + 0.5 && r.left >= 0 && r.right <= innerWidth + 0.5;
        return {
          field: visible(box('[data-testid=text-input]')),
          offscreen: controls.filter((c) => !visible(c.getBoundingClientRect())).map((c) => c.outerHTML.slice(0, 50)),
          smallest: Math.min(...controls.map((c) => Math.min(c.getBoundingClientRect().width, c.getBoundingClientRect().height))),
          tabsShown: (box('.tabs')?.height ?? 0) > 0,
          rail: getComputedStyle(document.querySelector('.pad-panel') as Element).flexDirection === 'row',
        };
      });
      await phone.page.screenshot({ path: `test-results/keyboard-open-${size.name}-${locale}.png` });
      expect(layout.field).toBe(true);
      expect(layout.offscreen).toEqual([]);
      expect(layout.smallest).toBeGreaterThanOrEqual(44);
      expect(layout.tabsShown).toBe(false);
      expect(layout.rail).toBe(false);
      // The keyboard goes down: the tab bar is back.
      await phone.page.getByTestId('text-input').blur();
      await phone.page.setViewportSize({ width: size.width, height: size.height });
      await phone.page.waitForFunction(() => document.documentElement.dataset.keyboard === undefined);
      expect(await phone.page.locator('.tabs').isVisible()).toBe(true);
    });
  }
}
