/**
 * Shortcuts by the active layout: under German QWERTZ Ctrl+Z is the key marked Z (where US has Y),
 * under French AZERTY Ctrl+A is the key marked A (where US has Q) and selects all; text stays exact.
 * The real host and driver on Xvfb, the layout switched with setxkbmap as a user would.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DesktopRig, startDesktopRig } from './support/desktop-rig.js';
import { mixedText } from './support/mixed-text.mjs';
import { TextPhone } from './support/text-phone.js';

interface KeyDown {
  key: string;
  code: string;
  ctrlKey: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let rig: DesktopRig;
let phone: TextPhone;

beforeAll(async () => {
  rig = await startDesktopRig('layouts');
  phone = await TextPhone.pair(rig.host);
  // The shared recorder keeps only the key; this one also keeps the physical key and Ctrl.
  await rig.desktop.page.evaluate(() => {
    const keys: KeyDown[] = [];
    (window as unknown as { __keys: KeyDown[] }).__keys = keys;
    addEventListener('keydown', (e) => keys.push({ key: e.key, code: e.code, ctrlKey: e.ctrlKey }), true);
  });
});

afterAll(async () => {
  phone?.close();
  if (rig) execFileSync('setxkbmap', ['-display', rig.x.display, 'us']);
  await rig?.stop();
});

async function useLayout(layout: string): Promise<void> {
  execFileSync('setxkbmap', ['-display', rig.x.display, layout]);
  // Every client hears of the new keymap asynchronously.
  await sleep(500);
}

async function keysSince(count: number): Promise<KeyDown[]> {
  const all = await rig.desktop.page.evaluate(() => (window as unknown as { __keys: KeyDown[] }).__keys);
  return all.slice(count);
}

async function keyCount(): Promise<number> {
  return (await keysSince(0)).length;
}

async function typedSoon(expected: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  let got = await rig.desktop.typedText();
  while (got !== expected && Date.now() < deadline) {
    await sleep(100);
    got = await rig.desktop.typedText();
  }
  return got;
}

describe('shortcuts press the key marked with the letter in the active layout', () => {
  it('German QWERTZ: Ctrl+Z is the key marked Z, and text stays exact', async () => {
    await useLayout('de');
    await rig.desktop.clearTyped();
    const before = await keyCount();
    await phone.key('z', ['ctrl']);
    await phone.key('y', ['ctrl']);
    const keys = await keysSince(before);
    expect(keys.filter((k) => k.key !== 'Control')).toEqual([
      { key: 'z', code: 'KeyY', ctrlKey: true },
      { key: 'y', code: 'KeyZ', ctrlKey: true },
    ]);
    const text = mixedText(300, 5);
    await phone.type(text);
    expect(await typedSoon(text)).toBe(text);
  }, 60_000);

  it('French AZERTY: Ctrl+A is the key marked A and selects all, and text stays exact', async () => {
    await useLayout('fr');
    await rig.desktop.clearTyped();
    await phone.type('azerty 123');
    expect(await typedSoon('azerty 123')).toBe('azerty 123');
    const before = await keyCount();
    await phone.key('a', ['ctrl']);
    await phone.type('Q');
    expect(await typedSoon('Q')).toBe('Q');
    const keys = await keysSince(before);
    expect(keys[0]).toEqual({ key: 'Control', code: 'ControlLeft', ctrlKey: true });
    expect(keys[1]).toEqual({ key: 'a', code: 'KeyQ', ctrlKey: true });
    await rig.desktop.clearTyped();
    const text = mixedText(300, 6);
    await phone.type(text);
    expect(await typedSoon(text)).toBe(text);
  }, 60_000);

  it('named keys work under the layout: Home, Shift+End, Delete, Backspace, Enter, F2, arrows', async () => {
    await rig.desktop.clearTyped();
    await phone.type('one two');
    await phone.key('Home');
    await phone.key('End', ['shift']);
    await phone.key('Delete');
    await phone.type('ok');
    await phone.key('Enter');
    await phone.key('Backspace');
    await phone.key('Enter');
    expect(await typedSoon('ok\n')).toBe('ok\n');
    // F2 has no meaning in Chromium (F5 would reload the recorder); the name is what matters.
    const before = await keyCount();
    await phone.key('F2');
    await phone.key('ArrowLeft');
    await sleep(200);
    expect((await keysSince(before)).map((k) => k.key)).toEqual(['F2', 'ArrowLeft']);
  }, 60_000);
});
