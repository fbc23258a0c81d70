/**
 * A touchpad tuned to the hand, end to end: a pinch arrives in the recording window as Ctrl + wheel
 * (zoom), a two-finger sideways drag as horizontal scrolling, and the settings changed on the phone are
 * kept by the computer and applied again after a reload (traditional scrolling, tap-to-click off, the
 * edge buttons). Real host and driver on Xvfb, the phone page in headless Chromium.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DesktopRig, startDesktopRig } from './support/desktop-rig.js';
import type { Recorded } from './support/desktop-window.js';
import { Phone } from './support/phone.js';

let rig: DesktopRig;
let phone: Phone;

const wheels = (events: Recorded[]) => events.filter((e) => e.type === 'wheel') as Array<Recorded & { ctrlKey?: boolean }>;
const sum = (events: Recorded[], axis: 'deltaX' | 'deltaY') => wheels(events).reduce((total, e) => total + (e[axis] ?? 0), 0);

beforeAll(async () => {
  rig = await startDesktopRig('touchpad');
  phone = await Phone.open(rig.host.pairingUrl());
  await phone.waitConnected();
});

afterAll(async () => {
  await phone?.close();
  await rig?.stop();
});

describe('a touchpad tuned to the hand', () => {
  it('a pinch arrives as Ctrl + wheel: fingers apart zoom in, together zoom out', async () => {
    const { desktop } = rig;
    const centre = await phone.padCenter();
    let before = await desktop.count();
    await phone.pinch(centre, 60, 260);
    const zoomIn = await desktop.waitFor('Ctrl + wheel up', (events) => {
      const seen = wheels(events.slice(before));
      return seen.length > 0 && seen.every((e) => e.ctrlKey) && sum(events.slice(before), 'deltaY') < 0 ? seen : undefined;
    });
    expect(zoomIn.length).toBeGreaterThanOrEqual(2);
    before = await desktop.count();
    await phone.pinch(centre, 260, 60);
    await desktop.waitFor('Ctrl + wheel down', (events) => {
      const seen = wheels(events.slice(before));
      return seen.length > 0 && seen.every((e) => e.ctrlKey) && sum(events.slice(before), 'deltaY') > 0;
    });
    // Ctrl was let go: the keys pressed after the pinch are plain.
    const keys = (await desktop.eventsSince(before)).filter((e) => e.type === 'keyup' && e.key === 'Control');
    expect(keys.length).toBeGreaterThan(0);
  });

  it('two fingers dragged sideways scroll sideways, the content following the fingers', async () => {
    const { desktop } = rig;
    const centre = await phone.padCenter();
    const before = await desktop.count();
    await phone.drag(
      [
        { x: centre.x - 80, y: centre.y },
        { x: centre.x - 40, y: centre.y },
      ],
      { x: 150, y: 0 },
    );
    await desktop.waitFor('horizontal wheel', (events) => sum(events.slice(before), 'deltaX') < 0);
    expect(Math.abs(sum(await desktop.eventsSince(before), 'deltaY'))).toBe(0);
  });

  it('settings changed on the phone are kept by the computer and applied after a reload', async () => {
    const { desktop } = rig;
    await phone.tapButton('[data-testid=touchpad-settings-open]');
    await phone.page.getByTestId('touchpad-naturalScroll').uncheck();
    await phone.page.getByTestId('touchpad-tapToClick').uncheck();
    await phone.page.getByTestId('touchpad-edgeButtons').check();
    await phone.page.screenshot({ path: 'test-results/touchpad-settings-en.png' });
    await phone.tapButton('[data-testid=touchpad-settings-done]');
    // Saved by the computer a moment after the last change; then the page starts over, as after the phone slept.
    await expect
      .poll(() => readFile(join(rig.dataDir, 'phone-settings.json'), 'utf8').catch(() => ''), { timeout: 5000 })
      .toMatch(/"edgeButtons": ?true/);
    await phone.page.reload();
    await phone.waitConnected();
    await expect.poll(() => phone.page.locator('[data-edge=left]').count()).toBe(1);
    await phone.tapButton('[data-testid=touchpad-settings-open]');
    expect(await phone.page.getByTestId('touchpad-naturalScroll').isChecked()).toBe(false);
    expect(await phone.page.getByTestId('touchpad-tapToClick').isChecked()).toBe(false);
    await phone.tapButton('[data-testid=touchpad-settings-done]');

    // Traditional scrolling: the same sideways drag now scrolls the other way.
    const centre = await phone.padCenter();
    let before = await desktop.count();
    await phone.drag(
      [
        { x: centre.x - 80, y: centre.y },
        { x: centre.x - 40, y: centre.y },
      ],
      { x: 150, y: 0 },
    );
    await desktop.waitFor('horizontal wheel the other way', (events) => sum(events.slice(before), 'deltaX') > 0);

    // A tap clicks nothing now; the left edge button presses and lets go.
    before = await desktop.count();
    await phone.tap([centre]);
    await phone.tapButton('[data-edge=left]');
    await desktop.waitFor('the edge button', (events) => events.slice(before).some((e) => e.type === 'mouseup'));
    const presses = (await desktop.eventsSince(before)).filter((e) => e.type === 'mousedown');
    expect(presses).toHaveLength(1);
  });

  it('the settings look right in light and dark, in English and Chinese (screenshots)', async () => {
    await phone.tapButton('[data-testid=touchpad-settings-open]');
    for (const language of ['en', 'zh'] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        await phone.page.emulateMedia({ colorScheme: scheme });
        await phone.page.screenshot({ path: `test-results/touchpad-settings-${language}-${scheme}.png` });
      }
      if (language === 'en') {
        await phone.tapButton('[data-testid=touchpad-settings-done]');
        await phone.tapButton('[data-testid=language]');
        await phone.tapButton('[data-testid=touchpad-settings-open]');
        expect(await phone.page.getByTestId('touchpad-settings').textContent()).toContain('指针速度');
      }
    }
    await phone.tapButton('[data-testid=touchpad-settings-done]');
    await phone.tapButton('[data-testid=language]');
  });
});
