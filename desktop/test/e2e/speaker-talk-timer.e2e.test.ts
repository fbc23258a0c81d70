/**
 * The talk timer belongs to the computer: two phones on the presenter panel show the same time, both
 * change colour and buzz when a warning fires, a phone that drops off and comes back finds the time where
 * it is, and the desktop window shows it too. Real host, real page in headless Chromium.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardView } from '../../src/common/dashboard-contract.js';
import { dashboardView } from '../../src/host/desktop-window/dashboard-view.js';
import type { Host } from '../../src/host/host.js';
import { startTestHost } from '../support/test-host.js';
import { startTestWindow } from '../support/test-window.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium.js';
import { PHONE_HOST_NAME } from './support/host-process.js';
import { Phone } from './support/phone.js';

const phoneDir = join(import.meta.dirname, '..', '..', '..', 'mobile-web', 'dist');
let host: Host;
let speaker: Phone;
let helper: Phone;

/** Seconds the phone shows ("19:58" → 1198; "+0:03" → -3). */
async function shownSeconds(phone: Phone): Promise<number> {
  const text = (await phone.page.getByTestId('timer-time').textContent()) ?? '';
  const over = text.startsWith('+');
  const parts = text.replace('+', '').split(':').map(Number);
  const seconds = parts.reduce((sum, part) => sum * 60 + part, 0);
  return over ? -seconds : seconds;
}

async function onPresenter(phone: Phone): Promise<void> {
  await phone.page.addInitScript(() => {
    const buzzes: unknown[] = [];
    (window as unknown as { buzzes: unknown[] }).buzzes = buzzes;
    navigator.vibrate = ((pattern: VibratePattern) => {
      buzzes.push(pattern);
      return true;
    }) as Navigator['vibrate'];
  });
  await phone.waitConnected();
  await phone.page.reload();
  await phone.waitConnected();
  await phone.tapButton('[data-tab=slides]');
  await phone.page.getByTestId('talk-timer').waitFor();
}

const buzzes = (phone: Phone) => phone.page.evaluate(() => (window as unknown as { buzzes: unknown[] }).buzzes);

beforeAll(async () => {
  ({ host } = await startTestHost({ phoneDir, names: [PHONE_HOST_NAME] }));
  speaker = await Phone.open(host.pairingUrl());
  await onPresenter(speaker);
  helper = await Phone.open(host.pairingUrl(), 'iPhone 13');
  await onPresenter(helper);
});

afterAll(async () => {
  await speaker?.close();
  await helper?.close();
  await host?.stop();
});

describe('a talk timer every phone shares', () => {
  it('a plan and a start on one phone show the same running time on both', async () => {
    await speaker.tapButton('[data-testid=timer-plan-open]');
    await speaker.page.getByTestId('timer-minutes').fill('1');
    // Warnings a few seconds in: at 55 and 50 seconds left of a one-minute talk.
    await speaker.page.getByTestId('timer-first-warning').fill(String(55 / 60));
    await speaker.page.getByTestId('timer-last-warning').fill(String(50 / 60));
    await speaker.tapButton('[data-testid=timer-save]');
    await expect.poll(() => helper.page.getByTestId('timer-time').textContent()).toBe('1:00');
    await speaker.tapButton('[data-testid=timer-toggle]');
    await expect.poll(() => helper.page.getByTestId('talk-timer').getAttribute('data-status')).toBe('running');
    await expect.poll(() => shownSeconds(helper), { timeout: 5000 }).toBeLessThan(59);
    const [a, b] = await Promise.all([shownSeconds(speaker), shownSeconds(helper)]);
    expect(Math.abs(a - b)).toBeLessThanOrEqual(1);
  });

  it('both phones change colour and buzz at each warning', async () => {
    for (const phone of [speaker, helper]) {
      await expect
        .poll(() => phone.page.getByTestId('talk-timer').getAttribute('data-level'), { timeout: 10_000 })
        .toBe('warning');
    }
    // The whole screen flashes at the warning (an iPhone cannot vibrate from a page), on both phones.
    for (const phone of [speaker, helper]) {
      expect(Number(await phone.page.getByTestId('screen-flash').getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
    }
    // The whole panel takes the warning's colour, not only the strip: seen at a glance.
    const panel = speaker.page.getByTestId('presenter');
    expect(await panel.getAttribute('data-level')).toBe('warning');
    const warned = await panel.evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(warned).not.toBe('rgba(0, 0, 0, 0)');
    for (const phone of [speaker, helper]) {
      await expect.poll(() => phone.page.getByTestId('talk-timer').getAttribute('data-level'), { timeout: 10_000 }).toBe('final');
      expect(await buzzes(phone)).toEqual([
        [200, 100, 200],
        [200, 100, 200],
      ]);
    }
  });

  it('a phone that drops off and comes back finds the timer where it is', async () => {
    await helper.context.setOffline(true);
    await expect.poll(() => helper.page.locator('[data-testid=status] .dot-on').count(), { timeout: 20_000 }).toBe(0);
    await helper.context.setOffline(false);
    await helper.page.reload();
    await helper.waitConnected();
    await helper.tapButton('[data-tab=slides]');
    await expect.poll(() => helper.page.getByTestId('talk-timer').getAttribute('data-level')).toBe('final');
    const [a, b] = await Promise.all([shownSeconds(speaker), shownSeconds(helper)]);
    expect(Math.abs(a - b)).toBeLessThanOrEqual(1);
    expect(b).toBeLessThan(50);
  });

  it('pause on one phone pauses it for both, and the desktop window shows the same time', async () => {
    await helper.tapButton('[data-testid=timer-toggle]');
    await expect.poll(() => speaker.page.getByTestId('talk-timer').getAttribute('data-status')).toBe('paused');
    const paused = await shownSeconds(speaker);
    expect(await shownSeconds(helper)).toBe(paused);

    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
      const desk = await browser.newPage({ viewport: { width: 780, height: 620 } });
      const view: DashboardView = {
        ...(await dashboardView(host)),
        displays: [],
        overlayDisplay: 'auto',
        closeKeepsRunning: true,
        shell: 'app',
      };
      await desk.addInitScript((data) => {
        window.deskremote = {
          view: async () => data,
          onView: () => {},
          revokeDevice: async () => {},
          renewPairingCode: async () => {},
          setPort: async () => {},
          decideApproval: async () => {},
          setApprovalRequired: async () => {},
          saveDeck: async () => {},
          setOverlayDisplay: async () => {},
          quit: async () => {},
          renameDevice: async () => {},
          setPaused: async () => {},
          setAddress: async () => {},
          sendCue: async () => {},
        };
      }, view);
      await desk.goto(pathToFileURL(join(import.meta.dirname, '..', '..', 'dist', 'dashboard', 'index.html')).href);
      await expect
        .poll(() => desk.locator('#talk-time').textContent())
        .toBe(await speaker.page.getByTestId('timer-time').textContent());
      expect(await desk.locator('#talk').getAttribute('data-level')).toBe('final');
      await desk.screenshot({ path: 'test-results/desktop-talk-timer.png' });
    } finally {
      await browser?.close();
    }
  });

  it('a held reset starts the plan over on both phones', async () => {
    await speaker.holdButton('[data-slide=timer-reset]');
    for (const phone of [speaker, helper]) {
      await expect.poll(() => phone.page.getByTestId('talk-timer').getAttribute('data-status')).toBe('idle');
      expect(await phone.page.getByTestId('timer-time').textContent()).toBe('1:00');
    }
    await speaker.page.screenshot({ path: 'test-results/speaker-timer-reset.png' });
  });

  it('a cue from the desktop window reaches both phones: written in each one’s language, with a flash', async () => {
    const window = await startTestWindow(() => host);
    const zh = await Phone.open(host.pairingUrl(), 'Pixel 7', 'zh-CN');
    let browser: Browser | undefined;
    try {
      await onPresenter(zh);
      const flashesBefore = Number((await speaker.page.getByTestId('screen-flash').getAttribute('data-count')) ?? 0);
      browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
      const desk = await browser.newPage({ viewport: { width: 780, height: 700 } });
      await desk.goto(window.url);
      await desk.locator('[data-cue=wrap-up]').click();
      await expect.poll(() => desk.locator('#cue-sent').textContent()).toContain('Wrap up');
      for (const phone of [speaker, helper]) {
        await phone.page.locator('[data-testid=cue][data-cue=wrap-up]').waitFor({ timeout: 5000 });
        expect(await phone.page.getByTestId('cue').textContent()).toBe('Wrap up');
      }
      expect(Number(await speaker.page.getByTestId('screen-flash').getAttribute('data-count'))).toBe(flashesBefore + 1);
      expect((await buzzes(speaker)).at(-1)).toEqual([80, 60, 80, 60, 80]);
      await zh.page.locator('[data-testid=cue][data-cue=wrap-up]').waitFor({ timeout: 5000 });
      expect(await zh.page.getByTestId('cue').textContent()).toBe('请收尾');
      await speaker.page.screenshot({ path: 'test-results/speaker-cue.png' });
      await zh.page.screenshot({ path: 'test-results/speaker-cue-zh.png' });
      await desk.screenshot({ path: 'test-results/desktop-cues.png' });
      // A phone that opens the panel later does not flash a cue long gone; this one is still fresh.
      await expect.poll(() => speaker.page.getByTestId('cue').count(), { timeout: 15_000 }).toBe(0);
    } finally {
      await browser?.close();
      await zh.close();
      await window.close();
    }
  }, 60_000);
});
