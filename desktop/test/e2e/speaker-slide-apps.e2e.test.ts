/**
 * Every slide app gets its own keys. A real window manager (openbox) on Xvfb announces the focused
 * window; recording Chromium windows pass for LibreOffice Impress and Evince by their WM_CLASS; the real
 * host picks the profile by itself and the phone shows it; the speaker's own choice overrides it and is
 * remembered. Then, for every profile and every action, the keys the recording window receives.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type HostMessage, SlideActions, SlideProfileIds, tokenFromHash } from '@deskremote/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keysFor, slideProfile } from '../../src/host/presenter/slide-profiles.js';
import { startPairingOn } from '../support/test-host.js';
import { DesktopWindow, type Recorded } from './support/desktop-window.js';
import { HostProcess } from './support/host-process.js';
import { Phone } from './support/phone.js';
import { startXvfb, type XDisplay } from './support/xvfb.js';

let x: XDisplay;
let wm: ChildProcess;
let impress: DesktopWindow;
let evince: DesktopWindow | undefined;
let host: HostProcess;
let phone: Phone;
let dataDir: string;

const MODIFIER_KEYS = new Set(['Control', 'Shift', 'Alt', 'Meta', 'OS', 'Super']);
/** Keys pressed, as the window saw them: the key and the modifiers held with it. */
const pressed = (events: Recorded[]) =>
  events
    .filter((e) => e.type === 'keydown' && e.key && !MODIFIER_KEYS.has(e.key))
    .map(
      (e) =>
        `${e.ctrlKey ? 'ctrl+' : ''}${e.altKey ? 'alt+' : ''}${e.metaKey ? 'meta+' : ''}${e.shiftKey ? 'shift+' : ''}${e.key?.toLowerCase()}`,
    );
const expected = (keys: ReadonlyArray<{ key: string; mods: readonly string[] }>) =>
  keys.map(
    (k) =>
      `${k.mods.includes('ctrl') ? 'ctrl+' : ''}${k.mods.includes('alt') ? 'alt+' : ''}${k.mods.includes('meta') ? 'meta+' : ''}${k.mods.includes('shift') ? 'shift+' : ''}${k.key.toLowerCase()}`,
  );

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'deskremote-slide-apps-'));
  x = await startXvfb();
  wm = spawn('openbox', ['--sm-disable'], { env: { ...process.env, DISPLAY: x.display }, stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 500));
  if (wm.exitCode !== null) throw new Error('openbox did not start (apt-get install -y openbox)');
  impress = await DesktopWindow.open(x.display, x.width, x.height, 'libreoffice-impress');
  await impress.page.evaluate(() => {
    document.title = 'Quarterly review.odp - LibreOffice Impress';
  });
  host = await HostProcess.start({ display: x.display, dataDir });
  phone = await Phone.open(host.pairingUrl());
  await phone.waitConnected();
  await phone.tapButton('[data-tab=slides]');
});

afterAll(async () => {
  await phone?.close();
  await host?.stop();
  await evince?.close();
  await impress?.close();
  wm?.kill();
  await x?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('slide apps, each with its own keys', () => {
  it('picks LibreOffice Impress by itself from the focused window, shows it, and sends its keys', async () => {
    await expect
      .poll(() => phone.page.getByTestId('profile-chip').getAttribute('data-profile'), { timeout: 10_000 })
      .toBe('impress');
    expect(await phone.page.getByTestId('profile-select').locator('option:checked').textContent()).toBe(
      'Automatic: LibreOffice Impress',
    );
    const before = await impress.count();
    // White screen exists in Impress (W), not among a clicker's keys: proof the profile was used.
    await phone.holdButton('[data-slide=white]');
    await phone.holdButton('[data-slide=startHere]');
    await impress.waitForKeys(before, 2);
    expect(pressed(await impress.eventsSince(before))).toEqual(['w', 'shift+f5']);
    await phone.page.screenshot({ path: 'test-results/speaker-profile-impress.png' });
  });

  it('follows the focus to Evince, whose presentation starts with F5 and goes to the first page with Home', async () => {
    evince = await DesktopWindow.open(x.display, x.width, x.height, 'Evince');
    await evince.page.evaluate(() => {
      document.title = 'talk.pdf — Document Viewer';
    });
    await expect
      .poll(() => phone.page.getByTestId('profile-chip').getAttribute('data-profile'), { timeout: 10_000 })
      .toBe('evince');
    const before = await evince.count();
    await phone.holdButton('[data-slide=start]');
    await evince.waitForKeys(before, 2);
    expect(pressed(await evince.eventsSince(before))).toEqual(['f5', 'home']);
  });

  it('the speaker’s own choice wins and is remembered on the phone; an action the app lacks presses nothing', async () => {
    if (!evince) throw new Error('the previous test opens Evince');
    await phone.page.getByTestId('profile-select').selectOption('okular');
    await phone.page.reload();
    await phone.waitConnected();
    await phone.tapButton('[data-tab=slides]');
    await expect.poll(() => phone.page.getByTestId('profile-chip').getAttribute('data-profile')).toBe('okular');
    const before = await evince.count();
    // Okular has no white screen: the phone says so, and nothing is pressed.
    await phone.holdButton('[data-slide=white]');
    await expect.poll(() => phone.page.getByTestId('toast').textContent()).toContain('no such command');
    await phone.holdButton('[data-slide=start]');
    // Okular gets a moment to enter its presentation before Home: both keys, in order.
    const viewer = evince;
    await expect.poll(async () => pressed(await viewer.eventsSince(before)), { timeout: 5000 }).toEqual(['ctrl+shift+p', 'home']);
    await phone.page.getByTestId('profile-select').selectOption('auto');
  });

  it('for every profile and every action, the window receives exactly that profile’s keys', async () => {
    if (!evince) throw new Error('the previous tests open Evince');
    const window = evince;
    const token = tokenFromHash(new URL(host.pairingUrl()).hash) ?? '';
    const raw = await startPairingOn(host.port, token, { deviceName: 'Profile checker' });
    await raw.client.next('welcome');
    let id = 1;
    const answer = async (commandId: number): Promise<HostMessage> => {
      for (let i = 0; i < 250; i++) {
        const hit = raw.client.messages.find((m) => (m.t === 'ack' || m.t === 'error') && m.id === commandId);
        if (hit) return hit;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no answer to command ${commandId}`);
    };
    try {
      for (const profileId of SlideProfileIds) {
        for (const action of SlideActions) {
          const keys = keysFor(slideProfile(profileId), action, 12);
          const before = await window.count();
          const commandId = id++;
          raw.client.send({ t: 'slide', id: commandId, action, profile: profileId, ...(action === 'goto' ? { slide: 12 } : {}) });
          const reply = await answer(commandId);
          if (!keys) {
            expect(reply, `${profileId} ${action}`).toMatchObject({ t: 'error', code: 'not-in-profile' });
            continue;
          }
          expect(reply, `${profileId} ${action}`).toMatchObject({ t: 'ack' });
          await window.waitForKeys(before, keys.length);
          expect(pressed(await window.eventsSince(before)), `${profileId} ${action}`).toEqual(expected(keys));
        }
      }
    } finally {
      raw.client.socket.close();
    }
  }, 120_000);
});
