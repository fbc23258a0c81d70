/**
 * The whole path with real parts: an Xvfb display; on it a real Chromium window as the desktop
 * application; the real headless host with the real nut-js driver; headless Chromium as the phone,
 * opening the controller page through the URL the QR code encodes. Assertions are on what the
 * desktop window received.
 */
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_GAIN } from '../../../mobile-web/src/gestures/pointer-gain.js';
import { CLICKER_PROFILE } from '../../src/host/presenter/slide-profiles.js';
import { type DesktopRig, startDesktopRig } from './support/desktop-rig.js';
import type { DesktopWindow, Recorded } from './support/desktop-window.js';
import { HostProcess } from './support/host-process.js';
import { Phone } from './support/phone.js';

let rig: DesktopRig;
let desktop: DesktopWindow;
let host: HostProcess;
let phone: Phone;

const lastPointer = (events: Recorded[]) => events.filter((e) => e.type === 'pointermove').at(-1);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  rig = await startDesktopRig('e2e');
  ({ desktop, host } = rig);
  phone = await Phone.open(host.pairingUrl());
});

afterAll(async () => {
  await phone?.close();
  await rig?.stop();
});

describe('phone controls the desktop through the real host and nut-js', () => {
  it('pairs from the QR URL by itself and shows which computer it controls', async () => {
    const status = await phone.waitConnected();
    expect(status).toContain(hostname());
    expect(status).toContain('Linux');
    expect(await phone.page.getByTestId('phones').textContent()).toContain('Pixel 7 (this phone)');
    // The token has left the address bar, and the host has replaced the used code with a new one.
    expect(new URL(phone.page.url()).hash).toBe('');
    await host.waitForOutput(/paired: Pixel 7/);
    expect(host.pairingUrlCount()).toBe(2);
    expect(await phone.page.getByTestId('input-problem').count()).toBe(0);
  });

  it('the controller page fits a phone in portrait and landscape, every control on screen', async () => {
    const sizes = {
      portrait: { width: 412, height: 915 },
      landscape: { width: 915, height: 412 },
      'small-portrait': { width: 360, height: 640 },
    };
    for (const [name, size] of Object.entries(sizes)) {
      await phone.page.setViewportSize(size);
      await sleep(100);
      const layout = await phone.page.evaluate(() => {
        const inside = (el: Element) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth + 0.5 && r.bottom <= innerHeight + 0.5;
        };
        const controls = [...document.querySelectorAll('button, input')];
        const pad = document.querySelector('[data-testid=touchpad]')?.getBoundingClientRect();
        return {
          scrolls: document.documentElement.scrollWidth > innerWidth || document.documentElement.scrollHeight > innerHeight,
          offscreen: controls.filter((c) => !inside(c)).map((c) => c.outerHTML.slice(0, 60)),
          smallest: Math.min(...controls.map((c) => Math.min(c.getBoundingClientRect().width, c.getBoundingClientRect().height))),
          padShare: pad ? (pad.width * pad.height) / (innerWidth * innerHeight) : 0,
        };
      });
      await phone.page.screenshot({ path: `test-results/phone-${name}.png` });
      console.log(`phone page (${name} ${size.width}x${size.height}) screenshot: test-results/phone-${name}.png`);
      expect(layout.scrolls, name).toBe(false);
      expect(layout.offscreen, name).toEqual([]);
      // Thumb-sized targets (the platforms ask for 44-48 px; 36 is the floor in a cramped landscape).
      expect(layout.smallest, name).toBeGreaterThanOrEqual(36);
      expect(layout.padShare, name).toBeGreaterThan(0.25);
    }
    await phone.page.setViewportSize(sizes.portrait);
  });

  it('a one-finger drag moves the pointer in the right direction by about the expected distance', async () => {
    const center = await phone.padCenter();
    // A first nudge gives the recorder a pointer position to measure from.
    await phone.drag([center], { x: 10, y: 0 }, 4);
    const before = await desktop.waitFor('a first pointer move', lastPointer);
    const count = await desktop.count();
    const finger = { x: 120, y: 60 };
    await phone.drag([{ x: center.x - 60, y: center.y - 30 }], finger, 24, 25);
    const expected = { x: finger.x * BASE_GAIN, y: finger.y * BASE_GAIN };
    const after = await desktop.waitFor('the pointer reaching its destination', (events) => {
      const last = lastPointer(events.slice(count));
      return last && last.screenX! - before.screenX! >= expected.x * 0.8 ? last : undefined;
    });
    const moved = { x: after.screenX! - before.screenX!, y: after.screenY! - before.screenY! };
    expect(moved.x).toBeGreaterThan(expected.x * 0.8);
    expect(moved.x).toBeLessThan(expected.x * 1.2);
    expect(moved.y).toBeGreaterThan(expected.y * 0.8);
    expect(moved.y).toBeLessThan(expected.y * 1.2);
  });

  it('a tap clicks where the pointer is', async () => {
    const at = lastPointer(await desktop.events());
    const count = await desktop.count();
    await phone.tap([await phone.padCenter()]);
    const click = await desktop.waitFor('a click', (events) => events.slice(count).find((e) => e.type === 'click'));
    expect(click.button).toBe(0);
    expect(Math.abs(click.screenX! - at!.screenX!)).toBeLessThanOrEqual(1);
    expect(Math.abs(click.screenY! - at!.screenY!)).toBeLessThanOrEqual(1);
  });

  it('a two-finger tap right-clicks', async () => {
    const c = await phone.padCenter();
    const count = await desktop.count();
    await phone.tap([
      { x: c.x - 20, y: c.y },
      { x: c.x + 20, y: c.y },
    ]);
    const menu = await desktop.waitFor('a right click', (events) => events.slice(count).find((e) => e.type === 'contextmenu'));
    expect(menu.button).toBe(2);
    const since = await desktop.eventsSince(count);
    expect(since.some((e) => e.type === 'click')).toBe(false);
  });

  it('a two-finger drag scrolls, content following the fingers', async () => {
    const c = await phone.padCenter();
    const count = await desktop.count();
    // Fingers moving up push the content up: the page scrolls down (positive wheel deltaY).
    await phone.drag(
      [
        { x: c.x - 20, y: c.y + 80 },
        { x: c.x + 20, y: c.y + 80 },
      ],
      { x: 0, y: -160 },
      20,
      20,
    );
    const wheels = await desktop.waitFor('wheel events', (events) => {
      const found = events.slice(count).filter((e) => e.type === 'wheel');
      return found.length >= 3 ? found : undefined;
    });
    expect(wheels.every((w) => w.deltaY! > 0)).toBe(true);
    const since = await desktop.eventsSince(count);
    expect(since.some((e) => e.type === 'pointermove')).toBe(false);
    expect(since.some((e) => e.type === 'mousedown')).toBe(false);
  });

  it('typed ASCII text arrives exactly', async () => {
    await desktop.clearTyped();
    const text = 'Hello, DeskRemote! 1+2=3 (ok?) ~`|\\ "quotes" <a>&{b}';
    await phone.composeAndSend(text);
    await expect.poll(() => desktop.typedText(), { timeout: 5000 }).toBe(text);
    expect(await phone.page.getByTestId('text-input').inputValue()).toBe('');
  });

  it('text beyond ASCII arrives exactly too (accents, CJK, emoji)', async () => {
    await desktop.clearTyped();
    const text = 'wörld café 你好 😀 €5';
    await phone.composeAndSend(text);
    await expect.poll(() => desktop.typedText(), { timeout: 5000 }).toBe(text);
  });

  it('Enter and an arrow key arrive as those keys', async () => {
    const count = await desktop.count();
    await phone.tapButton('[data-key=Enter]');
    await phone.tapButton('[data-key=ArrowLeft]');
    const keys = await desktop.waitForKeys(count, 2);
    expect(keys).toEqual(['Enter', 'ArrowLeft']);
  });

  it('"next slide" arrives as the key the slide profile sends', async () => {
    await phone.tapButton('[data-tab=slides]');
    const count = await desktop.count();
    await phone.tapButton('[data-slide=next]');
    await phone.tapButton('[data-slide=previous]');
    await phone.holdButton('[data-slide=black]');
    const expected = [
      CLICKER_PROFILE.keys.next![0]!.key,
      CLICKER_PROFILE.keys.previous![0]!.key,
      CLICKER_PROFILE.keys.black![0]!.key,
    ];
    const keys = await desktop.waitForKeys(count, 3);
    expect(keys).toEqual(expected);
    await phone.tapButton('[data-tab=pad]');
  });

  it('media buttons arrive as the media keys', async () => {
    await phone.tapButton('[data-tab=media]');
    const count = await desktop.count();
    for (const action of ['playPause', 'previous', 'next', 'volumeDown', 'volumeUp', 'mute']) {
      await phone.tapButton(`[data-media=${action}]`);
    }
    const keys = await desktop.waitForKeys(count, 6);
    expect(keys).toEqual([
      'MediaPlayPause',
      'MediaTrackPrevious',
      'MediaTrackNext',
      'AudioVolumeDown',
      'AudioVolumeUp',
      'AudioVolumeMute',
    ]);
    await phone.tapButton('[data-tab=pad]');
  });

  it('a held button is released when the phone page goes away', async () => {
    const count = await desktop.count();
    await phone.holdAndMove(await phone.padCenter(), { x: 40, y: 0 });
    await desktop.waitFor('the button pressed for a drag', (events) => events.slice(count).find((e) => e.type === 'mousedown'));
    await phone.page.close();
    const up = await desktop.waitFor('the button released', (events) => events.slice(count).find((e) => e.type === 'mouseup'));
    expect(up.button).toBe(0);
  });

  it('killing the desktop app mid-drag leaves no button held, and the page comes back without a new scan', async () => {
    const port = host.port;
    phone = await reopenPhone();
    await phone.waitConnected();
    const count = await desktop.count();
    await phone.holdAndMove(await phone.padCenter(), { x: -30, y: 0 });
    await desktop.waitFor('the button pressed for a drag', (events) => events.slice(count).find((e) => e.type === 'mousedown'));
    // kill <pid>: the host releases what the phones held on its way out.
    await host.stop('SIGTERM');
    const up = await desktop.waitFor('the button released', (events) => events.slice(count).find((e) => e.type === 'mouseup'));
    expect(up.button).toBe(0);
    await phone.liftAll();
    await phone.page.waitForFunction(() => document.querySelector('[data-testid=status] .dot-off') !== null);
    await sleep(300);
    rig.host = host = await HostProcess.start({ display: rig.x.display, dataDir: rig.dataDir, port });
    await phone.waitConnected(20_000);
    await host.waitForOutput(/connected: Pixel 7/);
    const after = await desktop.count();
    await phone.tap([await phone.padCenter()]);
    await desktop.waitFor('a click after the reconnect', (events) => events.slice(after).find((e) => e.type === 'click'));
  });

  it('comes back by itself after the desktop app dies without a word (SIGKILL)', async () => {
    const port = host.port;
    await host.stop('SIGKILL');
    await phone.page.waitForFunction(() => document.querySelector('[data-testid=status] .dot-off') !== null);
    rig.host = host = await HostProcess.start({ display: rig.x.display, dataDir: rig.dataDir, port });
    await phone.waitConnected(20_000);
    const count = await desktop.count();
    await phone.tap([await phone.padCenter()]);
    await desktop.waitFor('a click after the reconnect', (events) => events.slice(count).find((e) => e.type === 'click'));
  });
});

/** The same phone browser (with its stored pairing) opening the page again, without the QR fragment. */
async function reopenPhone(): Promise<Phone> {
  const page = await phone.context.newPage();
  await page.goto(host.pairingUrl().split('#')[0] ?? '');
  return Object.assign(Object.create(Object.getPrototypeOf(phone)), phone, {
    page,
    cdp: await phone.context.newCDPSession(page),
  }) as Phone;
}
