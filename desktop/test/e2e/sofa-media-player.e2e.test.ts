/**
 * What is playing, and control that reaches the player whatever window has the focus: a real mpv with
 * mpv-mpris on a private session bus; the real host (with the recording window focused on its Xvfb)
 * follows it over MPRIS; the phone shows the title and the play state, and its play/pause, next and seek
 * change mpv's own state (read over mpv's IPC socket), while no media key reaches the focused window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DesktopRig, startDesktopRig } from './support/desktop-rig.js';
import { HostProcess } from './support/host-process.js';
import { type MediaPlayer, startMediaPlayer } from './support/media-player.js';
import { Phone } from './support/phone.js';

let rig: DesktopRig;
let mpv: MediaPlayer;
let phone: Phone;

beforeAll(async () => {
  mpv = await startMediaPlayer();
  rig = await startDesktopRig('media');
  // The host of the rig, again, on the player's session bus.
  await rig.host.stop();
  rig.host = await HostProcess.start({
    display: rig.x.display,
    dataDir: rig.dataDir,
    env: { DBUS_SESSION_BUS_ADDRESS: mpv.busAddress },
  });
  phone = await Phone.open(rig.host.pairingUrl());
  await phone.waitConnected();
  await phone.tapButton('[data-tab=media]');
});

afterAll(async () => {
  await phone?.close();
  await rig?.stop();
  await mpv?.stop();
});

describe('now playing, and control that reaches the player', () => {
  it('the phone shows the title and that it plays', async () => {
    await expect
      .poll(() => phone.page.getByTestId('now-playing-title').textContent(), { timeout: 10_000 })
      .toContain('First tone');
    expect(await phone.page.getByTestId('now-playing').getAttribute('data-status')).toBe('playing');
    await phone.page.screenshot({ path: 'test-results/media-now-playing-en.png' });
  });

  it('play/pause, next and seek change mpv itself, and no media key reaches the focused window', async () => {
    const before = await rig.desktop.count();
    await phone.tapButton('[data-media=playPause]');
    await expect.poll(() => mpv.get('pause'), { timeout: 5000 }).toBe(true);
    await expect.poll(() => phone.page.getByTestId('now-playing').getAttribute('data-status')).toBe('paused');
    await phone.tapButton('[data-media=playPause]');
    await expect.poll(() => mpv.get('pause'), { timeout: 5000 }).toBe(false);

    await phone.tapButton('[data-media=next]');
    await expect.poll(() => mpv.get('playlist-pos'), { timeout: 5000 }).toBe(1);
    await expect
      .poll(() => phone.page.getByTestId('now-playing-title').textContent(), { timeout: 5000 })
      .toContain('Second tone');

    await phone.page.getByTestId('media-seek').fill('40000');
    await expect.poll(async () => Number(await mpv.get('time-pos')), { timeout: 5000 }).toBeGreaterThanOrEqual(39);
    const keys = (await rig.desktop.eventsSince(before)).filter((e) => e.type === 'keydown');
    expect(keys).toEqual([]);
  });

  it('looks right in light and dark, in English and Chinese (screenshots)', async () => {
    for (const language of ['en', 'zh'] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        await phone.page.emulateMedia({ colorScheme: scheme });
        await phone.page.screenshot({ path: `test-results/media-${language}-${scheme}.png` });
      }
      if (language === 'en') {
        await phone.tapButton('[data-testid=language]');
        await expect.poll(() => phone.page.getByTestId('now-playing-status').textContent()).toMatch(/正在播放|已暂停/);
      }
    }
    await phone.tapButton('[data-testid=language]');
  });
});
