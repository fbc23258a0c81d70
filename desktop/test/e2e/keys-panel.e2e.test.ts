/**
 * Shortcuts from the phone's keys panel reach a real application: Xvfb, a Chromium window recording
 * every key event with its modifiers, the real host with the real driver, and the phone page in headless
 * Chromium. Sticky modifiers: a tap latches for the next key, a double tap holds down, a tap lets go.
 */
import { join } from 'node:path';
import { HEARTBEAT_TIMEOUT_MS } from '@deskremote/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost } from '../support/test-host.js';
import { type DesktopRig, startDesktopRig } from './support/desktop-rig.js';
import type { DesktopWindow, Recorded } from './support/desktop-window.js';
import { PHONE_HOST_NAME } from './support/host-process.js';
import { Phone } from './support/phone.js';
import { XKeyRecorder } from './support/x-key-recorder.js';

let rig: DesktopRig;
let desktop: DesktopWindow;
let phone: Phone;
/** The keysym of the T key's first level. */
const KEYSYM_T = 0x74;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const keyEvents = (events: Recorded[], since: number, type: 'keydown' | 'keyup') =>
  events.slice(since).filter((e) => e.type === type);
const modState = (mod: string) => phone.page.locator(`[data-mod=${mod}]`).getAttribute('data-state');

async function tapKey(key: string): Promise<void> {
  await phone.tapButton(`.keys-panel [data-key="${key}"]`);
}

/** Two taps well inside the double-tap window, as a thumb does them. */
async function doubleTap(mod: string, on = phone): Promise<void> {
  const box = await on.page.locator(`[data-mod=${mod}]`).boundingBox();
  if (!box) throw new Error(`no ${mod} key on the page`);
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await on.page.touchscreen.tap(at.x, at.y);
  await sleep(90);
  await on.page.touchscreen.tap(at.x, at.y);
}

/** A letter typed on the phone's own keyboard into the panel's shortcut field. */
async function typeLetter(letter: string): Promise<void> {
  await phone.page.getByTestId('shortcut-letter').pressSequentially(letter);
}

async function waitKey(since: number, type: 'keydown' | 'keyup', key: string, count = 1): Promise<Recorded[]> {
  return desktop.waitFor(`${count} ${type} of ${key}`, (events) => {
    const found = keyEvents(events, since, type).filter((e) => e.key === key);
    return found.length >= count ? found : undefined;
  });
}

beforeAll(async () => {
  rig = await startDesktopRig('keys');
  desktop = rig.desktop;
  phone = await Phone.open(rig.host.pairingUrl());
  await phone.waitConnected();
  await phone.tapButton('[data-tab=keys]');
  await phone.page.getByTestId('keys-panel').waitFor();
});

afterAll(async () => {
  await phone?.close();
  await rig?.stop();
});

describe('shortcuts from the keys panel', () => {
  it('Ctrl, then c typed on the phone: one Ctrl+C arrives and Ctrl is spent', async () => {
    const since = await desktop.count();
    await phone.tapButton('[data-mod=ctrl]');
    expect(await modState('ctrl')).toBe('latched');
    expect(await phone.page.locator('[data-mod=ctrl]').getAttribute('aria-pressed')).toBe('true');
    await typeLetter('c');
    const [c] = await waitKey(since, 'keydown', 'c');
    expect(c).toMatchObject({ ctrlKey: true, altKey: false, shiftKey: false });
    await phone.page.waitForFunction(() => document.querySelector('[data-mod=ctrl]')?.getAttribute('data-state') === 'off');
    expect(await phone.page.locator('[data-mod=ctrl]').getAttribute('aria-pressed')).toBe('false');
    // Ctrl went up after the chord: nothing stays held.
    await waitKey(since, 'keyup', 'Control');
  });

  it('Alt held down with a double tap across three Tabs (window switching), then let go with a tap', async () => {
    const since = await desktop.count();
    await doubleTap('alt');
    await phone.page.waitForFunction(() => document.querySelector('[data-mod=alt]')?.getAttribute('data-state') === 'locked');
    await waitKey(since, 'keydown', 'Alt');
    for (let i = 0; i < 3; i++) await tapKey('Tab');
    const tabs = await waitKey(since, 'keydown', 'Tab', 3);
    expect(tabs.map((e) => e.altKey)).toEqual([true, true, true]);
    // Alt stayed down between the Tabs: no keyup of Alt before the third Tab.
    const events = await desktop.eventsSince(since);
    const thirdTab = events.indexOf(events.filter((e) => e.type === 'keydown' && e.key === 'Tab')[2] as Recorded);
    expect(events.slice(0, thirdTab).some((e) => e.type === 'keyup' && e.key === 'Alt')).toBe(false);

    await phone.tapButton('[data-mod=alt]');
    expect(await modState('alt')).toBe('off');
    await waitKey(since, 'keyup', 'Alt');
    // The next key goes without Alt (an arrow: a plain Tab would move the focus out of the recorder).
    const after = await desktop.count();
    await tapKey('ArrowLeft');
    const [plain] = await waitKey(after, 'keydown', 'ArrowLeft');
    expect(plain?.altKey).toBe(false);
  });

  it('F5, Home and Delete arrive as those keys, with no modifier', async () => {
    const since = await desktop.count();
    for (const key of ['F5', 'Home', 'Delete']) await tapKey(key);
    expect(await desktop.waitForKeys(since, 3)).toEqual(['F5', 'Home', 'Delete']);
    const downs = keyEvents(await desktop.events(), since, 'keydown');
    expect(downs.every((e) => !e.ctrlKey && !e.altKey && !e.shiftKey && !e.metaKey)).toBe(true);
  });

  it('Ctrl, Shift, then t: Ctrl+Shift+T arrives as one chord (in an X window: Chromium keeps that chord)', async () => {
    const xwindow = await XKeyRecorder.open(rig.x.display);
    try {
      await phone.tapButton('[data-mod=ctrl]');
      await phone.tapButton('[data-mod=shift]');
      expect([await modState('ctrl'), await modState('shift')]).toEqual(['latched', 'latched']);
      await typeLetter('t');
      const t = await xwindow.waitFor('Ctrl+Shift+T', (keys) => keys.find((k) => k.type === 'KeyPress' && k.keysym === KEYSYM_T));
      expect(t).toMatchObject({ ctrl: true, shift: true, alt: false });
      await phone.page.waitForFunction(() =>
        ['ctrl', 'shift'].every((m) => document.querySelector(`[data-mod=${m}]`)?.getAttribute('data-state') === 'off'),
      );
      // Ctrl, Shift and T all went up again after the chord: every press has its release.
      await xwindow.waitFor('every key released', (keys) => {
        const presses = keys.filter((k) => k.type === 'KeyPress').length;
        return presses >= 3 && keys.filter((k) => k.type === 'KeyRelease').length === presses ? true : undefined;
      });
    } finally {
      xwindow.close();
    }
  });

  it('the panel fits portrait, landscape and a small phone, every key at least 44 px', async () => {
    const sizes = {
      portrait: { width: 412, height: 915 },
      landscape: { width: 915, height: 412 },
      'small-portrait': { width: 360, height: 640 },
      'small-landscape': { width: 640, height: 360 },
    };
    // A latched modifier in the pictures shows what it looks like.
    await phone.tapButton('[data-mod=ctrl]');
    for (const [name, size] of Object.entries(sizes)) {
      await phone.page.setViewportSize(size);
      await sleep(150);
      const layout = await phone.page.evaluate(() => {
        const inside = (r: DOMRect) => r.left >= 0 && r.top >= 0 && r.right <= innerWidth + 0.5 && r.bottom <= innerHeight + 0.5;
        const controls = [...document.querySelectorAll('.keys-panel button, .keys-panel input')];
        const rects = controls.map((c) => c.getBoundingClientRect());
        return {
          count: controls.length,
          scrolls: document.documentElement.scrollHeight > innerHeight || document.documentElement.scrollWidth > innerWidth,
          offscreen: controls.filter((_, i) => !inside(rects[i] as DOMRect)).map((c) => c.outerHTML.slice(0, 60)),
          smallest: Math.min(...rects.map((r) => Math.min(r.width, r.height))),
        };
      });
      await phone.page.screenshot({ path: `test-results/keys-panel-${name}.png` });
      console.log(`keys panel (${name}) screenshot: test-results/keys-panel-${name}.png`);
      expect(layout.count, name).toBe(4 + 1 + 12 + 16);
      expect(layout.scrolls, name).toBe(false);
      expect(layout.offscreen, name).toEqual([]);
      expect(layout.smallest, name).toBeGreaterThanOrEqual(44);
    }
    await phone.page.setViewportSize(sizes.portrait);
    // Tapped again after the double-tap window: the latch is let go, nothing was sent.
    await sleep(500);
    await phone.tapButton('[data-mod=ctrl]');
    expect(await modState('ctrl')).toBe('off');
  });

  it('in Chinese: the panel speaks Chinese and keeps keycap names', async () => {
    const zh = await Phone.open(rig.host.pairingUrl(), 'Pixel 7', 'zh-CN');
    try {
      await zh.waitConnected();
      await zh.tapButton('[data-tab=keys]');
      await zh.tapButton('[data-mod=shift]');
      // Held down for the picture; let go when this phone closes.
      await doubleTap('ctrl', zh);
      await zh.page.waitForFunction(() => document.querySelector('[data-mod=ctrl]')?.getAttribute('data-state') === 'locked');
      expect(await zh.page.locator('[data-mod=ctrl]').getAttribute('aria-label')).toBe('Ctrl，保持按住');
      expect(await zh.page.locator('[data-tab=keys]').textContent()).toBe('按键');
      expect(await zh.page.locator('.keys-hint').textContent()).toContain('连点两下');
      expect(await zh.page.locator('[data-mod=shift]').getAttribute('aria-label')).toBe('Shift，作用于下一个键');
      expect(await zh.page.locator('.keys-panel [data-key=PageUp]').getAttribute('aria-label')).toBe('向上翻页');
      await zh.page.screenshot({ path: 'test-results/keys-panel-zh-CN.png' });
      await zh.page.setViewportSize({ width: 915, height: 412 });
      await sleep(150);
      await zh.page.screenshot({ path: 'test-results/keys-panel-zh-CN-landscape.png' });
    } finally {
      await zh.close();
    }
  });

  it('Shift held down, then the phone page is closed: the desktop sees Shift let go', async () => {
    // The Chinese phone above replaced nothing (another device), but make sure this one is still online.
    await phone.waitConnected();
    const since = await desktop.count();
    await doubleTap('shift');
    await phone.page.waitForFunction(() => document.querySelector('[data-mod=shift]')?.getAttribute('data-state') === 'locked');
    await waitKey(since, 'keydown', 'Shift');
    const closedAt = Date.now();
    await phone.close();
    await desktop.waitFor(
      'Shift let go',
      (events) => keyEvents(events, since, 'keyup').find((e) => e.key === 'Shift'),
      HEARTBEAT_TIMEOUT_MS,
    );
    expect(Date.now() - closedAt).toBeLessThan(HEARTBEAT_TIMEOUT_MS);
  });
});

describe('a modifier held too long', () => {
  it('the desktop lets go of it, and the phone says so and shows it let go', async () => {
    const { host, driver } = await startTestHost({
      phoneDir: join(import.meta.dirname, '..', '..', '..', 'mobile-web', 'dist'),
      names: [PHONE_HOST_NAME],
      heldKeyLimitMs: 1500,
    });
    const owner = await Phone.open(host.pairingUrl());
    try {
      await owner.waitConnected();
      await owner.tapButton('[data-tab=keys]');
      await doubleTap('alt', owner);
      await owner.page.waitForFunction(() => document.querySelector('[data-mod=alt]')?.getAttribute('data-state') === 'locked');
      const toast = owner.page.getByTestId('toast');
      await toast.waitFor({ timeout: 5000 });
      expect(await toast.getAttribute('data-code')).toBe('held-too-long');
      expect(await toast.textContent()).toBe('Alt was held down too long, so the computer let go of it.');
      await owner.page.waitForFunction(() => document.querySelector('[data-mod=alt]')?.getAttribute('data-state') === 'off');
      expect(driver.calls).toEqual([
        ['setKey', 'alt', true],
        ['setKey', 'alt', false],
      ]);
    } finally {
      await owner.close();
      await host.stop();
    }
  });
});
