/**
 * Exact text on X11 on its worst days, through the real host and driver into real applications (a GTK
 * text view and a Chromium textarea): capitals the layout lacks under the us, de and fr layouts, typed
 * fast beside their small letters; and an application stopped for ten seconds while a text with more
 * distinct characters than there are spare keycodes arrives (the host must not give a keycode to another
 * character before the application has read it).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DesktopRig, startDesktopRig } from './support/desktop-rig.js';
import { TextPhone } from './support/text-phone.js';
import { TextReceiver } from './support/text-receiver.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let rig: DesktopRig;
let phone: TextPhone;
let gtk: TextReceiver;

beforeAll(async () => {
  rig = await startDesktopRig('worst-day');
  phone = await TextPhone.pair(rig.host);
  gtk = await TextReceiver.gtk(rig.x.display);
});

afterAll(async () => {
  if (rig) execFileSync('setxkbmap', ['-display', rig.x.display, 'us']);
  await gtk?.close();
  phone?.close();
  await rig?.stop();
});

/** Capitals with and without their small letters on the layout, and letters de and fr have in one case only. */
const CAPITALS = 'ÉéÑñÇç ÀÈÌÒÙ àèìòù ÆØÅ æøå ÞÐ Œœ ŸÿŠšŽž ŁĄĘŚĆŃŹŻ łąęśćńźż ÄÖÜẞ äöüß ΣΩΔ σωδ ЖЯШ жяш ÉTÉ Été ÇA';

describe('capitals the layout lacks arrive as capitals', () => {
  for (const layout of ['us', 'de', 'fr']) {
    it(`under ${layout}, in a GTK text view and a Chromium textarea`, async () => {
      execFileSync('setxkbmap', ['-display', rig.x.display, layout]);
      await sleep(300);
      await gtk.clear();
      await phone.type(CAPITALS);
      expect(await gtk.waitForText(CAPITALS)).toBe(CAPITALS);
    }, 60_000);
  }

  it('in the Chromium textarea (the window in front once the GTK view is gone)', async () => {
    execFileSync('setxkbmap', ['-display', rig.x.display, 'fr']);
    await gtk.close();
    await rig.desktop.clearTyped();
    await phone.type(CAPITALS);
    let got = '';
    for (let i = 0; i < 100 && got !== CAPITALS; i++) {
      await sleep(100);
      got = await rig.desktop.typedText();
    }
    expect(got).toBe(CAPITALS);
    execFileSync('setxkbmap', ['-display', rig.x.display, 'us']);
  }, 60_000);
});

describe('an application stopped for ten seconds as the text arrives', () => {
  // 400 distinct characters: more than the spare keycodes hold (72 on Xvfb's evdev keymap, two per keycode,
  // or 144 with the second group), so slots must be reused while the application is stopped.
  const distinct = Array.from({ length: 400 }, (_, i) => String.fromCodePoint(0x4e00 + i * 7)).join('');
  const text = `Start ${distinct} Ende ÉÇ end`;

  it('still gets every character right, in a GTK text view', async () => {
    const view = await TextReceiver.gtk(rig.x.display);
    try {
      const stop = sleep(100).then(async () => {
        process.kill(view.pid, 'SIGSTOP');
        await sleep(50);
        expect(readFileSync(`/proc/${view.pid}/stat`, 'utf8')).toMatch(/\) T /);
        await sleep(10_000);
        process.kill(view.pid, 'SIGCONT');
      });
      await Promise.all([phone.type(text), stop]);
      expect(await view.waitForText(text, 30_000)).toBe(text);
    } finally {
      await view.close();
    }
  }, 90_000);
});
