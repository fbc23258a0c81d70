/**
 * A speaker uses the presenter panel without looking: a swipe anywhere changes the slide, a slip on End
 * or a blanker does nothing, a held one acts, the phone buzzes when the computer has done it, and the
 * screen stays on while the panel is open (on plain http, the looping muted video). Real parts: Xvfb, a
 * recording Chromium window, the real host and driver, the phone page in headless Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DesktopRig, startDesktopRig } from './support/desktop-rig.js';
import { Phone } from './support/phone.js';

let rig: DesktopRig;
let phone: Phone;

const keysOf = (events: { type: string; key?: string }[]) =>
  events.flatMap((e) => (e.type === 'keydown' && e.key ? [e.key] : []));

beforeAll(async () => {
  rig = await startDesktopRig('presenter');
  phone = await Phone.open(rig.host.pairingUrl());
  await phone.waitConnected();
  // Every buzz is recorded (headless Chromium has no motor); installed before the page's own script runs.
  await phone.page.addInitScript(() => {
    const calls: unknown[] = [];
    (window as unknown as { buzzes: unknown[] }).buzzes = calls;
    navigator.vibrate = ((pattern: VibratePattern) => {
      calls.push(pattern);
      return true;
    }) as Navigator['vibrate'];
  });
  await phone.page.reload();
  await phone.waitConnected();
  await phone.tapButton('[data-tab=slides]');
  await phone.page.waitForSelector('[data-testid=presenter]');
});

afterAll(async () => {
  await phone?.close();
  await rig?.stop();
});

describe('the presenter panel, used without looking', () => {
  it('a swipe left anywhere is the next slide, a swipe right the previous one, each sent once', async () => {
    const { desktop } = rig;
    const before = await desktop.count();
    await phone.swipeOn('[data-slide=next]', -160);
    expect(await desktop.waitForKeys(before, 1)).toEqual(['PageDown']);
    // Away from Next too: on the bar at the top of the panel.
    await phone.swipeOn('.presenter-bar', 140);
    expect(await desktop.waitForKeys(before, 2)).toEqual(['PageDown', 'PageUp']);
    // A tap on Next is still Next; had the swipe on Next also pressed it, a third PageDown would precede it.
    await phone.tapButton('[data-slide=next]');
    expect(await desktop.waitForKeys(before, 3)).toEqual(['PageDown', 'PageUp', 'PageDown']);
  });

  it('a slip on End or Black screen does nothing and says to hold; held, they act', async () => {
    const { desktop } = rig;
    const before = await desktop.count();
    await phone.tapButton('[data-slide=end]');
    await phone.tapButton('[data-slide=black]');
    await expect.poll(() => phone.page.getByTestId('presenter-note').textContent()).toContain('Hold the button');
    // Previous is a marker: the first key to arrive after the slips must be it.
    await phone.tapButton('[data-slide=previous]');
    expect(await desktop.waitForKeys(before, 1)).toEqual(['PageUp']);
    await phone.holdButton('[data-slide=black]');
    await phone.holdButton('[data-slide=end]');
    expect(await desktop.waitForKeys(before, 3)).toEqual(['PageUp', 'b', 'Escape']);
    expect(keysOf(await desktop.eventsSince(before))).toEqual(['PageUp', 'b', 'Escape']);
  });

  it('the phone buzzes briefly once the computer has confirmed the slide change', async () => {
    const buzzes = () => phone.page.evaluate(() => (window as unknown as { buzzes: unknown[] }).buzzes.length);
    const before = await buzzes();
    const count = await rig.desktop.count();
    await phone.tapButton('[data-slide=next]');
    await rig.desktop.waitForKeys(count, 1);
    await expect.poll(buzzes).toBe(before + 1);
    expect(await phone.page.evaluate(() => (window as unknown as { buzzes: unknown[] }).buzzes.at(-1))).toBe(15);
  });

  it('keeps the screen on with a looping muted video on plain http while the panel is open, and stops it after', async () => {
    const page = phone.page;
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    await expect.poll(() => page.getByTestId('presenter-note').getAttribute('data-awake')).toBe('video');
    const playing = () =>
      page.evaluate(() => {
        const video = document.querySelector<HTMLVideoElement>('video[data-keep-awake]');
        return video ? { paused: video.paused, muted: video.muted, loop: video.loop, time: video.currentTime } : undefined;
      });
    const first = await playing();
    expect(first).toMatchObject({ paused: false, muted: true, loop: true });
    // Really playing: its clock moves on.
    await expect.poll(async () => (await playing())?.time ?? 0, { timeout: 5000 }).toBeGreaterThan(first?.time ?? 0);
    await phone.tapButton('[data-tab=pad]');
    await expect.poll(playing).toBeUndefined();
    // Opened again: playing again.
    await phone.tapButton('[data-tab=slides]');
    await expect.poll(async () => (await playing())?.paused).toBe(false);
  });

  it('where the page is a secure context, holds a Wake Lock instead while the panel is open, and lets go after', async () => {
    // http://127.0.0.1 is a secure context (a phone on the LAN never is): the Wake Lock API is there.
    const url = new URL(rig.host.pairingUrl());
    url.hostname = '127.0.0.1';
    const secure = await Phone.open(url.href);
    try {
      await secure.page.addInitScript(() => {
        const locks: { released: boolean }[] = [];
        (window as unknown as { locks: typeof locks }).locks = locks;
        const request = navigator.wakeLock.request.bind(navigator.wakeLock);
        navigator.wakeLock.request = async (type) => {
          const sentinel = await request(type);
          locks.push(sentinel);
          return sentinel;
        };
      });
      await secure.waitConnected();
      await secure.page.reload();
      await secure.waitConnected();
      await secure.tapButton('[data-tab=slides]');
      await expect.poll(() => secure.page.getByTestId('presenter-note').getAttribute('data-awake')).toBe('wake-lock');
      const locks = () =>
        secure.page.evaluate(() => (window as unknown as { locks: { released: boolean }[] }).locks.map((l) => l.released));
      expect(await locks()).toEqual([false]);
      expect(await secure.page.locator('video[data-keep-awake]').count()).toBe(0);
      await secure.tapButton('[data-tab=pad]');
      await expect.poll(locks).toEqual([true]);
    } finally {
      await secure.close();
    }
  });

  it('the panel in portrait and landscape, light and dark (screenshots; Chinese ones in phone-languages)', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await phone.page.emulateMedia({ colorScheme: scheme });
      await phone.page.setViewportSize({ width: 412, height: 915 });
      await phone.page.screenshot({ path: `test-results/presenter-en-${scheme}-portrait.png` });
      await phone.page.setViewportSize({ width: 915, height: 412 });
      await phone.page.screenshot({ path: `test-results/presenter-en-${scheme}-landscape.png` });
    }
    await phone.page.setViewportSize({ width: 412, height: 915 });
    expect(await phone.page.getByTestId('presenter').isVisible()).toBe(true);
  });
});
