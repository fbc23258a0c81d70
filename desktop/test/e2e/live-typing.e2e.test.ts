/**
 * Live typing from the phone's own keyboard, as Android and iOS keyboards deliver it (text insertion and
 * IME compositions through the DevTools protocol), into a real desktop application through the real
 * host and driver on Xvfb.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DesktopRig, startDesktopRig } from './support/desktop-rig.js';
import { Phone } from './support/phone.js';

let rig: DesktopRig;
let phone: Phone;

beforeAll(async () => {
  rig = await startDesktopRig('live');
  phone = await Phone.open(rig.host.pairingUrl());
  await phone.waitConnected();
  await phone.page.getByTestId('text-input').tap();
  expect(await phone.page.getByTestId('text-input').getAttribute('data-mode')).toBe('live');
});

afterAll(async () => {
  await phone?.close();
  await rig?.stop();
});

const typed = () => rig.desktop.typedText();
const field = () => phone.page.getByTestId('text-input').inputValue();

/** An empty desktop field, and the phone's field emptied by itself after a pause (as between words). */
async function fresh(): Promise<void> {
  await phone.page.getByTestId('text-input').focus();
  await expect.poll(field, { timeout: 5000 }).toBe('\u200b');
  await rig.desktop.clearTyped();
}

it('what is typed arrives as it is typed, key by key', async () => {
  await fresh();
  for (const ch of ['H', 'e', 'l', 'l', 'o']) await phone.insertText(ch);
  await expect.poll(typed, { timeout: 5000 }).toBe('Hello');
  for (const ch of [' ', 'w', 'ö', 'r', 'l', 'd']) await phone.insertText(ch);
  await expect.poll(typed, { timeout: 5000 }).toBe('Hello wörld');
});

it('a pinyin composition sends 你好 when it is chosen, never the romanization', async () => {
  await fresh();
  for (const step of ['n', 'ni', 'nih', 'niha', 'nihao']) await phone.imeCompose(step);
  await new Promise((r) => setTimeout(r, 300));
  expect(await typed()).toBe('');
  await phone.insertText('你好');
  await expect.poll(typed, { timeout: 5000 }).toBe('你好');
});

it('an autocorrect replacement becomes the right Backspaces and text', async () => {
  await fresh();
  for (const ch of ['t', 'e', 'h', ' ']) await phone.insertText(ch);
  await expect.poll(typed, { timeout: 5000 }).toBe('teh ');
  // The keyboard replaces "teh" with "the" (the field holds an invisible character first).
  await phone.page.getByTestId('text-input').evaluate((el: HTMLInputElement) => el.setSelectionRange(1, 4));
  await phone.insertText('the');
  await expect.poll(typed, { timeout: 5000 }).toBe('the ');
});

it("the soft keyboard's Backspace and Enter work on an empty field", async () => {
  await fresh();
  await phone.insertText('abc');
  await expect.poll(typed, { timeout: 5000 }).toBe('abc');
  // The field empties itself after a pause; the desktop keeps what was typed.
  await expect.poll(field, { timeout: 5000 }).toBe('\u200b');
  await phone.pressKey('Backspace');
  await expect.poll(typed, { timeout: 5000 }).toBe('ab');
  await phone.pressKey('Backspace');
  await expect.poll(typed, { timeout: 5000 }).toBe('a');
  await phone.pressKey('Enter');
  await expect.poll(typed, { timeout: 5000 }).toBe('a\n');
});

it('in compose-then-send mode, send with a composition still open commits it first', async () => {
  await fresh();
  await phone.page.getByTestId('typing-mode').tap();
  await phone.page.waitForSelector('[data-testid=text-input][data-mode=compose]');
  await phone.page.getByTestId('text-input').tap();
  await phone.insertText('Hi ');
  await phone.imeCompose('你好');
  await phone.page.getByTestId('send-text').tap();
  await expect.poll(typed, { timeout: 5000 }).toBe('Hi 你好');
  await phone.page.getByTestId('typing-mode').tap();
});

it('a letter typed right after a latched Ctrl on the keys panel is the shortcut (Ctrl+A selects all)', async () => {
  await fresh();
  await phone.insertText('xyz');
  await expect.poll(typed, { timeout: 5000 }).toBe('xyz');
  await phone.tapButton('[data-tab=keys]');
  await phone.tapButton('[data-mod=ctrl]');
  await phone.tapButton('[data-tab=pad]');
  await phone.page.getByTestId('text-input').tap();
  const since = await rig.desktop.count();
  await phone.insertText('a');
  const shortcut = await rig.desktop.waitFor('Ctrl+A', (events) =>
    events.slice(since).find((e) => e.type === 'keydown' && e.key === 'a' && e.ctrlKey),
  );
  expect(shortcut.ctrlKey).toBe(true);
  // Select all, then a typed letter replaces the selection: the shortcut did what Ctrl+A does.
  await phone.insertText('b');
  await expect.poll(typed, { timeout: 5000 }).toBe('b');
});
