/**
 * Buttons of the phone's own, end to end: made in the phone's editor, kept by the computer for this phone
 * (still there after a reload), and pressed: a Ctrl+Shift+T button arrives as that chord, a sequence of
 * text, Enter and text arrives in that order. Real host and driver on Xvfb, recording window, phone page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DesktopRig, startDesktopRig } from './support/desktop-rig.js';
import { Phone } from './support/phone.js';

let rig: DesktopRig;
let phone: Phone;

async function makeButton(label: string, steps: Array<{ chord: { mods: string[]; key: string } } | { text: string }>) {
  await phone.tapButton('[data-testid=deck-new]');
  await phone.page.getByTestId('deck-label').fill(label);
  for (const step of steps) {
    if ('text' in step) {
      await phone.page.getByTestId('deck-text').fill(step.text);
      await phone.tapButton('[data-testid=deck-add-text]');
    } else {
      for (const mod of step.chord.mods) await phone.page.getByTestId(`deck-mod-${mod}`).check();
      await phone.page.getByTestId('deck-key').selectOption(step.chord.key);
      await phone.tapButton('[data-testid=deck-add-chord]');
    }
  }
  await phone.tapButton('[data-testid=deck-save-button]');
  await phone.page.locator(`[data-deck] >> text=${label}`).waitFor();
}

beforeAll(async () => {
  rig = await startDesktopRig('deck');
  phone = await Phone.open(rig.host.pairingUrl());
  await phone.waitConnected();
  await phone.tapButton('[data-tab=deck]');
  await phone.page.getByTestId('deck').waitFor();
});

afterAll(async () => {
  await phone?.close();
  await rig?.stop();
});

describe('buttons of your own', () => {
  it('a new phone is offered suggestions in its language; one tap adds one', async () => {
    expect(await phone.page.getByTestId('deck').textContent()).toContain('Reopen tab');
    await phone.page.screenshot({ path: 'test-results/deck-empty-en.png' });
    await phone.tapButton('[data-suggest=deckFullScreen]');
    await phone.page.locator('[data-deck] >> text=Full screen').waitFor();
  });

  it('a button made in the editor as Ctrl+Shift+T arrives as that chord', async () => {
    await phone.tapButton('[data-testid=deck-edit]');
    await makeButton('Tab back', [{ chord: { mods: ['ctrl', 'shift'], key: 't' } }]);
    await phone.tapButton('[data-testid=deck-edit]');
    const before = await rig.desktop.count();
    await phone.page.locator('[data-deck] >> text=Tab back').tap();
    const chord = await rig.desktop.waitFor('Ctrl+Shift+T', (events) =>
      events.slice(before).find((e) => e.type === 'keydown' && e.key?.toLowerCase() === 't'),
    );
    expect(chord).toMatchObject({ ctrlKey: true, shiftKey: true, altKey: false });
  });

  it('a sequence of text, Enter and text arrives in that order', async () => {
    await rig.desktop.clearTyped();
    await phone.tapButton('[data-testid=deck-edit]');
    await makeButton('Sign off', [{ text: 'Hello' }, { chord: { mods: [], key: 'Enter' } }, { text: 'Bye 再见' }]);
    await phone.page.screenshot({ path: 'test-results/deck-editing-en.png' });
    await phone.tapButton('[data-testid=deck-edit]');
    await phone.page.locator('[data-deck] >> text=Sign off').tap();
    await expect.poll(() => rig.desktop.typedText(), { timeout: 5000 }).toBe('Hello\nBye 再见');
  });

  it('the deck is kept by the computer: after a reload it is there, in its order', async () => {
    await phone.page.reload();
    await phone.waitConnected();
    await phone.tapButton('[data-tab=deck]');
    await phone.page.locator('[data-deck]').first().waitFor();
    expect(await phone.page.locator('.deck-button span').allTextContents()).toEqual(['Full screen', 'Tab back', 'Sign off']);
    // Reordered on the phone, and kept so.
    await phone.tapButton('[data-testid=deck-edit]');
    // While editing, every tool is on the screen and thumb-sized.
    const tools = await phone.page.evaluate(() =>
      [...document.querySelectorAll('.deck-cell-tools button')].map((b) => {
        const r = b.getBoundingClientRect();
        return { right: r.right, width: r.width, height: r.height, room: innerWidth };
      }),
    );
    for (const tool of tools) {
      expect(tool.right).toBeLessThanOrEqual(tool.room);
      expect(Math.min(tool.width, tool.height)).toBeGreaterThanOrEqual(43.5);
    }
    await phone.page.locator('.deck-cell').nth(2).getByRole('button', { name: 'Move earlier' }).tap();
    await expect
      .poll(() => phone.page.locator('.deck-button span').allTextContents())
      .toEqual(['Full screen', 'Sign off', 'Tab back']);
    await phone.page.screenshot({ path: 'test-results/deck-en.png' });
  });
});
