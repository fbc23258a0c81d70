/**
 * The phone page looks right everywhere: in the dark and the light theme (following the phone), every
 * text on every panel meets WCAG AA contrast against what is really behind it, every control is at least
 * 44 px each way in portrait, landscape and on a small phone, and the page carries a web app manifest
 * with icons so that "add to home screen" has something to open. Real page, real host, headless Chromium.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../src/host/host.js';
import { startTestHost } from '../support/test-host.js';
import { PHONE_HOST_NAME } from './support/host-process.js';
import { Phone } from './support/phone.js';

const phoneDir = join(import.meta.dirname, '..', '..', '..', 'mobile-web', 'dist');
const TABS = ['pad', 'keys', 'media', 'slides', 'deck'] as const;
const SIZES = {
  portrait: { width: 412, height: 915 },
  landscape: { width: 915, height: 412 },
  'small phone': { width: 360, height: 640 },
};

let host: Host;
let phone: Phone;

beforeAll(async () => {
  ({ host } = await startTestHost({ phoneDir, names: [PHONE_HOST_NAME] }));
  phone = await Phone.open(host.pairingUrl());
  await phone.waitConnected();
});

afterAll(async () => {
  await phone?.close();
  await host?.stop();
});

/** Every visible text whose contrast with the colours behind it is below AA (3:1 for large text). */
function lowContrast(): string[] {
  type Rgba = [number, number, number, number];
  const parse = (value: string): Rgba => {
    const parts = value.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
  };
  const over = (top: Rgba, bottom: Rgba): Rgba => {
    const a = top[3];
    return [0, 1, 2].map((i) => (top[i] ?? 0) * a + (bottom[i] ?? 0) * (1 - a)).concat(1) as Rgba;
  };
  const luminance = ([r, g, b]: Rgba) => {
    const lin = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  /** The colour behind an element: its own and its ancestors' backgrounds, composited down to the page's. */
  const background = (element: Element): Rgba => {
    const layers: Rgba[] = [];
    for (let node: Element | null = element; node; node = node.parentElement) {
      const colour = parse(getComputedStyle(node).backgroundColor);
      if (colour[3] > 0) layers.push(colour);
      if (colour[3] >= 1) break;
    }
    return layers.reverse().reduce<Rgba>((below, layer) => over(layer, below), [255, 255, 255, 1]);
  };
  const failures: string[] = [];
  for (const element of document.querySelectorAll('body *')) {
    const ownText = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
    if (!ownText || element.closest('[aria-hidden=true], :disabled, video')) continue;
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0 || rect.bottom < 0 || rect.top > innerHeight) continue;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden') continue;
    const back = background(element);
    const text = over(parse(style.color), back);
    const [hi, lo] = [luminance(text), luminance(back)].sort((a, b) => b - a) as [number, number];
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = Number.parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) {
      failures.push(
        `"${element.textContent?.trim().slice(0, 30)}" ${ratio.toFixed(2)}:1 (${style.color} on rgb(${back.slice(0, 3).join(',')}))`,
      );
    }
  }
  return failures;
}

/** Every visible control smaller than 44 px in either direction. */
function smallTargets(): string[] {
  const failures: string[] = [];
  for (const element of document.querySelectorAll('button, input, select, textarea, a[href], [role=button], [role=slider]')) {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0 || getComputedStyle(element).visibility === 'hidden') continue;
    if (element.closest('[aria-hidden=true]') || (element as HTMLInputElement).type === 'hidden') continue;
    // A range input's thumb is the target; its track is as wide as it likes but must be tall enough to hit.
    if (rect.width < 43.5 || rect.height < 43.5) {
      const name = element.getAttribute('aria-label') ?? element.textContent?.trim() ?? element.tagName;
      failures.push(`${name.slice(0, 30)} ${Math.round(rect.width)}x${Math.round(rect.height)}`);
    }
  }
  return failures;
}

describe('the phone page looks right everywhere', () => {
  for (const scheme of ['dark', 'light'] as const) {
    it(`every text on every panel meets WCAG AA contrast in the ${scheme} theme, which follows the phone`, async () => {
      await phone.page.emulateMedia({ colorScheme: scheme });
      await phone.page.setViewportSize(SIZES.portrait);
      const background = await phone.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(scheme === 'dark' ? 'rgb(16, 19, 23)' : 'rgb(244, 246, 249)');
      const failures: string[] = [];
      for (const tab of TABS) {
        await phone.tapButton(`[data-tab=${tab}]`);
        await phone.page.waitForTimeout(250);
        failures.push(...(await phone.page.evaluate(lowContrast)).map((f) => `${tab}: ${f}`));
        await phone.page.screenshot({ path: `test-results/looks-${scheme}-${tab}.png` });
      }
      expect(failures).toEqual([]);
    });
  }

  it('every control is at least 44 px each way, in portrait, landscape and on a small phone', async () => {
    await phone.page.emulateMedia({ colorScheme: 'dark' });
    const failures: string[] = [];
    for (const [name, size] of Object.entries(SIZES)) {
      await phone.page.setViewportSize(size);
      for (const tab of TABS) {
        await phone.tapButton(`[data-tab=${tab}]`);
        await phone.page.waitForTimeout(200);
        failures.push(...(await phone.page.evaluate(smallTargets)).map((f) => `${name} ${tab}: ${f}`));
      }
    }
    expect(failures).toEqual([]);
  });

  it('offers a web app manifest with icons, opening full screen from the home screen', async () => {
    const href = await phone.page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel=manifest]')?.href);
    expect(href).toBeTruthy();
    const manifest = await phone.page.evaluate(async (url) => (await fetch(url as string)).json(), href);
    expect(manifest).toMatchObject({ start_url: '/', display: 'standalone', name: 'DeskRemote' });
    const sizes = (manifest.icons as { sizes: string; purpose: string; src: string }[]).map((i) => `${i.sizes} ${i.purpose}`);
    expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
    for (const icon of manifest.icons as { src: string; sizes: string }[]) {
      const size = await phone.page.evaluate(async (src) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        return `${image.naturalWidth}x${image.naturalHeight}`;
      }, icon.src);
      expect(size).toBe(icon.sizes);
    }
    const touchIcon = await phone.page.evaluate(
      () => document.querySelector<HTMLLinkElement>('link[rel=apple-touch-icon]')?.href,
    );
    expect(await phone.page.evaluate(async (url) => (await fetch(url as string)).status, touchIcon)).toBe(200);
  });
});
