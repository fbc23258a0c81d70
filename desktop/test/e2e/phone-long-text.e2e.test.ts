/**
 * A long text from the real phone page (Chromium, touch) through the real host and driver on Xvfb, on
 * the application's worst day: a GTK text view stopped for seven seconds while a text with more distinct
 * characters than there are spare keycodes arrives. The phone shows how far the typing is, never "the
 * computer did not answer", and the text arrives exactly. And a multi-line text pasted into the send
 * field keeps its lines.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DesktopRig, startDesktopRig } from './support/desktop-rig.js';
import { mixedText } from './support/mixed-text.mjs';
import { Phone } from './support/phone.js';
import { TextReceiver } from './support/text-receiver.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let rig: DesktopRig;
let phone: Phone;

beforeAll(async () => {
  rig = await startDesktopRig('long-text');
  phone = await Phone.open(rig.host.pairingUrl());
  await phone.waitConnected();
  await phone.page.getByTestId('typing-mode').tap();
  await phone.page.waitForSelector('[data-testid=text-input][data-mode=compose]');
});

afterAll(async () => {
  await phone?.close();
  await rig?.stop();
});

it('a pasted multi-line text keeps its lines', async () => {
  await rig.desktop.clearTyped();
  const field = phone.page.getByTestId('text-input');
  await field.tap();
  // What a paste does to the field: the text is inserted whole (a one-line input would drop the breaks).
  await phone.insertText('First line\nSecond line\n\nFourth, after an empty one');
  expect(await field.inputValue()).toBe('First line\nSecond line\n\nFourth, after an empty one');
  await phone.page.screenshot({ path: 'test-results/phone-multiline-field.png' });
  await phone.page.getByTestId('send-text').tap();
  await expect
    .poll(() => rig.desktop.typedText(), { timeout: 10_000 })
    .toBe('First line\nSecond line\n\nFourth, after an empty one');
  await expect.poll(() => field.inputValue()).toBe('');
});

it('a long text into a stopped application: progress on the phone, no failure, every character right', async () => {
  const gtk = await TextReceiver.gtk(rig.x.display);
  try {
    // 500 mixed characters and 300 distinct CJK ones: more than the spare keycodes hold.
    const distinct = Array.from({ length: 300 }, (_, i) => String.fromCodePoint(0x5000 + i * 3)).join('');
    const text = `${mixedText(500, 31)}${distinct}`;
    await phone.page.getByTestId('text-input').fill(text);
    await phone.page.getByTestId('send-text').tap();
    await sleep(100);
    process.kill(gtk.pid, 'SIGSTOP');
    // The signal takes a moment to land.
    await sleep(50);
    expect(readFileSync(`/proc/${gtk.pid}/stat`, 'utf8')).toMatch(/\) T /);
    // While it is stopped the phone keeps saying how far the computer has got, past its 5 s answer limit.
    const progress = phone.page.getByTestId('typing-progress');
    await progress.waitFor({ timeout: 5000 });
    await phone.page.screenshot({ path: 'test-results/phone-typing-progress.png' });
    const said = await progress.textContent();
    expect(said).toMatch(/^Typing on the computer: \d+ of \d+$/);
    await sleep(6500);
    expect(await progress.isVisible()).toBe(true);
    expect(await phone.page.getByTestId('toast').count()).toBe(0);
    process.kill(gtk.pid, 'SIGCONT');
    expect(await gtk.waitForText(text, 30_000)).toBe(text);
    await progress.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await phone.page.getByTestId('toast').count()).toBe(0);
    expect(await phone.page.getByTestId('text-input').inputValue()).toBe('');
  } finally {
    await gtk.close();
  }
}, 90_000);
