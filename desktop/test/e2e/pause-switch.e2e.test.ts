/**
 * The pause switch, as the person at the computer uses it: a phone controls the desktop (the window shows the
 * mark), Pause in the desktop window stops everything at once (the phone says so, a key it sends is refused
 * with its code and never reaches the application), and the terminal's "p" resumes. Real host, real X driver,
 * a real Chromium window recording what it receives.
 */
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium.js';
import { type DesktopRig, startDesktopRig } from './support/desktop-rig.js';
import { Phone } from './support/phone.js';

let rig: DesktopRig;
let phone: Phone;
let browser: Browser;
let window: Page;

beforeAll(async () => {
  rig = await startDesktopRig('pause');
  phone = await Phone.open(rig.host.pairingUrl());
  await phone.waitConnected();
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  window = await browser.newPage({ viewport: { width: 800, height: 700 } });
  await window.goto(await rig.host.windowUrl());
  await window.waitForFunction(() => document.querySelector('#qr')?.getAttribute('src')?.startsWith('data:'));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await phone?.close();
  await rig?.stop();
});

describe('pausing remote control', () => {
  it('the window marks that a phone is controlling the computer while it does', async () => {
    const count = await rig.desktop.count();
    await phone.tapButton('[data-key=Enter]');
    expect(await rig.desktop.waitForKeys(count, 1)).toEqual(['Enter']);
    await expect.poll(() => window.locator('#control').getAttribute('data-state')).toBe('controlling');
    expect(await window.locator('#control-text').textContent()).toBe('A phone is controlling this computer now.');
    await window.screenshot({ path: 'test-results/desktop-window-controlling.png' });
  });

  it('Pause stops it all at once: the phone says so, its key is refused with the code and reaches nothing', async () => {
    const count = await rig.desktop.count();
    await window.getByRole('button', { name: 'Pause remote control' }).click();
    await rig.host.waitForOutput(/remote control paused/);
    await expect.poll(() => window.locator('#control').getAttribute('data-state')).toBe('paused');
    await window.screenshot({ path: 'test-results/desktop-window-paused.png' });
    const banner = phone.page.getByTestId('input-problem');
    await banner.waitFor();
    expect(await banner.getAttribute('data-code')).toBe('paused');
    expect(await banner.textContent()).toContain('Remote control is paused on the computer');
    await phone.tapButton('[data-key=Enter]');
    const toast = phone.page.getByTestId('toast');
    await toast.waitFor();
    expect(await toast.getAttribute('data-code')).toBe('input-unavailable');
    expect(await toast.textContent()).toContain('paused');
    await phone.page.screenshot({ path: 'test-results/phone-paused.png' });
    // The host answered the Enter with a refusal; after resuming, the next key is the first thing that arrives.
    rig.host.answer('p');
    await rig.host.waitForOutput(/Remote control resumed/);
    await expect.poll(() => window.locator('#control').getAttribute('data-state')).not.toBe('paused');
    await expect.poll(() => phone.page.getByTestId('input-problem').count()).toBe(0);
    await phone.tapButton('[data-key=ArrowLeft]');
    expect(await rig.desktop.waitForKeys(count, 1)).toEqual(['ArrowLeft']);
  });

  it('while paused, keys reach nothing; the first input after resuming is the first to arrive', async () => {
    rig.host.answer('p');
    await rig.host.waitForOutput(/Remote control paused: nothing the phones send/);
    await expect.poll(() => phone.page.getByTestId('input-problem').getAttribute('data-code')).toBe('paused');
    const count = await rig.desktop.count();
    // (The phone hides its touchpad while input is unavailable; moves sent anyway are covered by remote-control.test.ts.)
    await phone.tapButton('[data-key=Enter]');
    await phone.tapButton('[data-key=Enter]');
    rig.host.answer('p');
    await rig.host.waitForOutput(/Remote control resumed\.[\s\S]*Remote control resumed\./);
    await expect.poll(() => phone.page.getByTestId('input-problem').count()).toBe(0);
    await phone.tapButton('[data-key=ArrowLeft]');
    // The queue keeps order: had anything sent while paused been kept, it would arrive before this ArrowLeft.
    const arrived = await rig.desktop.waitFor('the ArrowLeft sent after resuming', (events) => {
      const since = events.slice(count);
      return since.some((e) => e.type === 'keydown' && e.key === 'ArrowLeft') ? since : undefined;
    });
    expect(arrived.filter((e) => e.type === 'pointermove' || e.type === 'keydown').map((e) => e.key ?? e.type)).toEqual([
      'ArrowLeft',
    ]);
  });
});
