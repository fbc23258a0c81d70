/**
 * Windows keys, proven end to end: the real host as Windows code (Windows node.exe under Wine, win32
 * backend) presses keys into a real Windows window (win-recorder.c) that logs WM_KEYDOWN / WM_SYSKEYDOWN
 * with the virtual key and the modifiers Windows says are held. The keys panel with its sticky modifiers
 * (Ctrl+C, Alt held across Tabs, the Windows key), every key a phone may press, shortcuts, every slide
 * profile meant for Windows giving exactly its keys, and the media keys as VK_MEDIA_* / VK_VOLUME_*.
 * Needs scripts/wine-setup.sh (.ci/run runs it).
 */
import { join } from 'node:path';
import { type KeyName, KeyNames, type Modifier, SlideActions, type SlideProfileId } from '@deskremote/shared';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KeyStroke, keysFor, slideProfile } from '../../src/host/presenter/slide-profiles.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium.js';
import { only, type WinEvent, WineHost } from './support/wine.js';
import { startWineRig, type WineRig } from './support/wine-rig.js';

let rig: WineRig;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** winuser.h's virtual keys for the keys a phone may press. */
function virtualKey(key: KeyName): number {
  const named: Partial<Record<KeyName, number>> = {
    Enter: 0x0d,
    Backspace: 0x08,
    Escape: 0x1b,
    Tab: 0x09,
    Space: 0x20,
    Delete: 0x2e,
    Insert: 0x2d,
    ArrowUp: 0x26,
    ArrowDown: 0x28,
    ArrowLeft: 0x25,
    ArrowRight: 0x27,
    Home: 0x24,
    End: 0x23,
    PageUp: 0x21,
    PageDown: 0x22,
    PrintScreen: 0x2c,
    '.': 0xbe, // VK_OEM_PERIOD
    ',': 0xbc, // VK_OEM_COMMA
  };
  const vk = named[key];
  if (vk !== undefined) return vk;
  if (/^F\d+$/.test(key)) return 0x70 + Number(key.slice(1)) - 1;
  if (/^[a-z]$/.test(key)) return key.toUpperCase().charCodeAt(0);
  if (/^\d$/.test(key)) return key.charCodeAt(0);
  throw new Error(`no virtual key for ${key}`);
}

const VK_SHIFT = 0x10;
const VK_CONTROL = 0x11;
const VK_MENU = 0x12;
const VK_LWIN = 0x5b;
const MODIFIER_VKS = new Set([VK_SHIFT, VK_CONTROL, VK_MENU, VK_LWIN, 0x5c, 0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5]);
/** The recorder's modifier letters, in its order. */
const LETTER: Record<Modifier, string> = { ctrl: 'c', shift: 's', alt: 'a', meta: 'w' };
const modLetters = (mods: readonly Modifier[]) =>
  'csaw'
    .split('')
    .filter((l) => mods.some((m) => LETTER[m] === l))
    .join('');

/** Keys pressed, as the window saw them: modifiers held + the virtual key, modifier keys themselves left out. */
const pressed = (events: WinEvent[]) =>
  only(events, 'keydown', 'syskeydown')
    .filter((e) => !MODIFIER_VKS.has(e.vk))
    .map((e) => `${e.mods}+${e.vk.toString(16)}`);
const expected = (keys: readonly KeyStroke[]) => keys.map((k) => `${modLetters(k.mods)}+${virtualKey(k.key).toString(16)}`);
const downs = (events: WinEvent[], vk: number) => only(events, 'keydown', 'syskeydown').filter((e) => e.vk === vk);
const ups = (events: WinEvent[], vk: number) => only(events, 'keyup', 'syskeyup').filter((e) => e.vk === vk);
/** Every key that went down came up again. */
const allReleased = (events: WinEvent[]) =>
  [...new Set(only(events, 'keydown', 'syskeydown').map((e) => e.vk))].every((vk) => ups(events, vk).length > 0);

/** Profiles for apps that run on Windows (the Mac's and the Linux viewers' are left out). */
const WINDOWS_PROFILES: readonly SlideProfileId[] = [
  'powerpoint',
  'google-slides',
  'adobe-reader',
  'impress',
  'reveal',
  'clicker',
];

beforeAll(async () => {
  rig = await startWineRig('keys');
  await rig.phone.tapButton('[data-tab=keys]');
  await rig.phone.page.getByTestId('keys-panel').waitFor();
}, 120_000);

afterAll(async () => {
  await rig?.stop();
});

const modState = (mod: string) => rig.phone.page.locator(`[data-mod=${mod}]`).getAttribute('data-state');

async function doubleTap(mod: string): Promise<void> {
  const box = await rig.phone.page.locator(`[data-mod=${mod}]`).boundingBox();
  if (!box) throw new Error(`no ${mod} key on the page`);
  await rig.phone.page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await sleep(90);
  await rig.phone.page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

describe('the keys panel on a Windows desktop (host and window under Wine)', () => {
  it('Ctrl, then c typed on the phone: one Ctrl+C arrives, and Ctrl is let go', async () => {
    const { phone, recorder } = rig;
    const since = recorder.count();
    await phone.tapButton('[data-mod=ctrl]');
    expect(await modState('ctrl')).toBe('latched');
    await phone.page.getByTestId('shortcut-letter').pressSequentially('c');
    const seen = await recorder.waitFor('Ctrl+C and Ctrl up', since, (events) =>
      downs(events, 0x43).length && ups(events, VK_CONTROL).length ? events : undefined,
    );
    expect(pressed(seen)).toEqual(['c+43']);
    expect(allReleased(seen)).toBe(true);
    await phone.page.waitForFunction(() => document.querySelector('[data-mod=ctrl]')?.getAttribute('data-state') === 'off');
  });

  it('Alt held down with a double tap across three Tabs (window switching), then let go with a tap', async () => {
    const { phone, recorder } = rig;
    const since = recorder.count();
    await doubleTap('alt');
    await phone.page.waitForFunction(() => document.querySelector('[data-mod=alt]')?.getAttribute('data-state') === 'locked');
    await recorder.waitFor('Alt down', since, (events) => downs(events, VK_MENU)[0]);
    for (let i = 0; i < 3; i++) await phone.tapButton('.keys-panel [data-key="Tab"]');
    const seen = await recorder.waitFor('three Tabs', since, (events) => (downs(events, 0x09).length >= 3 ? events : undefined));
    // With Alt down, Windows sends them as system keys, Alt held for each; Alt stayed down in between.
    expect(pressed(seen)).toEqual(['a+9', 'a+9', 'a+9']);
    expect(only(seen, 'syskeydown').filter((e) => e.vk === 0x09)).toHaveLength(3);
    expect(ups(seen, VK_MENU)).toEqual([]);
    await phone.tapButton('[data-mod=alt]');
    expect(await modState('alt')).toBe('off');
    await recorder.waitFor('Alt up', since, (events) => ups(events, VK_MENU)[0]);
    const after = recorder.count();
    await phone.tapButton('.keys-panel [data-key="ArrowLeft"]');
    const plain = await recorder.waitFor('a plain arrow', after, (events) => downs(events, 0x25)[0]);
    expect(plain.mods).toBe('');
  });

  it('the Windows key: latched, then e, arrives as Win+E and the Windows key goes up', async () => {
    const { phone, recorder } = rig;
    const since = recorder.count();
    await phone.tapButton('[data-mod=meta]');
    await phone.page.getByTestId('shortcut-letter').pressSequentially('e');
    const seen = await recorder.waitFor('Win+E and Win up', since, (events) =>
      downs(events, 0x45).length && ups(events, VK_LWIN).length ? events : undefined,
    );
    expect(downs(seen, VK_LWIN)).toHaveLength(1);
    expect(pressed(seen)).toEqual(['w+45']);
    expect(allReleased(seen)).toBe(true);
  });

  it('every key a phone may press arrives as its Windows virtual key, with nothing held', async () => {
    const { raw, recorder } = rig;
    const got: string[] = [];
    for (const key of KeyNames) {
      const since = recorder.count();
      expect(await raw.command({ t: 'key', key }), key).toMatchObject({ t: 'ack' });
      const vk = virtualKey(key);
      // PrintScreen: Windows delivers only its key up to applications (the system takes the press).
      const seen = await recorder.waitFor(`${key} up`, since, (events) => (ups(events, vk).length ? events : undefined));
      got.push(`${key}=${(downs(seen, vk)[0] ?? ups(seen, vk)[0])?.vk.toString(16)}${downs(seen, vk)[0]?.mods ? '+mods' : ''}`);
    }
    expect(got).toEqual(KeyNames.map((key) => `${key}=${virtualKey(key).toString(16)}`));
  }, 60_000);

  it('shortcuts arrive as one chord each, every modifier held with the key and let go after', async () => {
    const { raw, recorder } = rig;
    const shortcuts: ReadonlyArray<{ key: KeyName; mods: Modifier[] }> = [
      { key: 'c', mods: ['ctrl'] },
      { key: 't', mods: ['ctrl', 'shift'] },
      { key: 'F4', mods: ['alt'] },
      { key: 'Tab', mods: ['alt', 'shift'] },
      { key: 'ArrowLeft', mods: ['meta'] },
      { key: 'Escape', mods: ['ctrl', 'shift'] },
      { key: 'Delete', mods: ['ctrl', 'alt'] },
    ];
    for (const shortcut of shortcuts) {
      const since = recorder.count();
      expect(await raw.command({ t: 'key', ...shortcut })).toMatchObject({ t: 'ack' });
      const vk = virtualKey(shortcut.key);
      const seen = await recorder.waitFor(`${shortcut.mods.join('+')}+${shortcut.key}`, since, (events) =>
        ups(events, vk).length && allReleased(events) ? events : undefined,
      );
      expect(pressed(seen), shortcut.key).toEqual(expected([shortcut]));
    }
  });

  it('on the phone, each Windows slide app gets its own keys: next, previous and start', async () => {
    const { phone, recorder } = rig;
    await phone.tapButton('[data-tab=slides]');
    for (const profileId of WINDOWS_PROFILES) {
      await phone.page.getByTestId('profile-select').selectOption(profileId);
      await expect.poll(() => phone.page.getByTestId('profile-chip').getAttribute('data-profile')).toBe(profileId);
      const profile = slideProfile(profileId);
      const want = [
        ...(keysFor(profile, 'next') ?? []),
        ...(keysFor(profile, 'previous') ?? []),
        ...(keysFor(profile, 'start') ?? []),
      ];
      const since = recorder.count();
      await phone.tapButton('[data-slide=next]');
      await phone.tapButton('[data-slide=previous]');
      await phone.holdButton('[data-slide=start]');
      const seen = await recorder.waitFor(`${profileId}: ${want.length} keys`, since, (events) =>
        pressed(events).length >= want.length && allReleased(events) ? events : undefined,
      );
      expect(pressed(seen), profileId).toEqual(expected(want));
    }
    await phone.page.getByTestId('profile-select').selectOption('auto');
  }, 60_000);

  it('for every Windows slide profile and every action, the window receives exactly that profile’s keys', async () => {
    const { raw, recorder } = rig;
    for (const profileId of WINDOWS_PROFILES) {
      for (const action of SlideActions) {
        const keys = keysFor(slideProfile(profileId), action, 12);
        const since = recorder.count();
        const reply = await raw.command({ t: 'slide', action, profile: profileId, ...(action === 'goto' ? { slide: 12 } : {}) });
        if (!keys) {
          expect(reply, `${profileId} ${action}`).toMatchObject({ t: 'error', code: 'not-in-profile' });
          continue;
        }
        expect(reply, `${profileId} ${action}`).toMatchObject({ t: 'ack' });
        const seen = await recorder.waitFor(`${profileId} ${action}`, since, (events) =>
          pressed(events).length >= keys.length && allReleased(events) ? events : undefined,
        );
        expect(pressed(seen), `${profileId} ${action}`).toEqual(expected(keys));
      }
    }
  }, 120_000);

  it('the media and volume buttons press the Windows media keys (VK_MEDIA_*, VK_VOLUME_*)', async () => {
    const { phone, recorder } = rig;
    await phone.tapButton('[data-tab=media]');
    // Wine has no media sessions (no Windows.Media.Control): the phone offers the media keys themselves.
    const buttons: ReadonlyArray<[string, number]> = [
      ['previous', 0xb1], // VK_MEDIA_PREV_TRACK
      ['playPause', 0xb3], // VK_MEDIA_PLAY_PAUSE
      ['next', 0xb0], // VK_MEDIA_NEXT_TRACK
      ['volumeDown', 0xae], // VK_VOLUME_DOWN
      ['volumeUp', 0xaf], // VK_VOLUME_UP
      ['mute', 0xad], // VK_VOLUME_MUTE
    ];
    for (const [action, vk] of buttons) {
      const since = recorder.count();
      await phone.tapButton(`[data-media=${action}]`);
      const seen = await recorder.waitFor(`${action} as VK ${vk.toString(16)}`, since, (events) =>
        ups(events, vk).length ? events : undefined,
      );
      expect(pressed(seen), action).toEqual([`+${vk.toString(16)}`]);
    }
  });
});

describe("Windows' first minutes", () => {
  it("the desktop window says which box of the firewall's question to tick until a phone gets through, in English and Chinese", async () => {
    // A host of its own that no phone has reached yet (the rig's has paired two).
    const fresh = await WineHost.start(rig.layout, {
      display: rig.x.display,
      dataDir: join(rig.dir, 'fresh-data'),
      logFile: join(rig.dir, 'fresh-host.log'),
      name: 'fresh.test',
    });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const url = (await fresh.waitForOutput(/open (http:\/\/127\.0\.0\.1:\d+\/#key=\S+) in your browser/))[1] ?? '';
      for (const [locale, words] of [
        ['en-US', /tick “Private networks” and choose “Allow access”/],
        ['zh-CN', /请勾选“专用网络”，然后点“允许访问”/],
      ] as const) {
        const page = await (await browser.newContext({ locale })).newPage();
        await page.goto(url);
        const note = page.locator('#firewall-note');
        await note.waitFor({ state: 'visible', timeout: 15_000 });
        expect(await note.textContent()).toMatch(words);
        await page.screenshot({ path: `test-results/windows-desktop-window-firewall-${locale}.png` });
        await page.context().close();
      }
    } finally {
      await browser.close();
      await fresh.stop();
    }
  }, 120_000);
});
