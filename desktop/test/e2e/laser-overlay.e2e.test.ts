/**
 * A speaker holds a finger on the phone's laser pad and a red dot (or a spotlight) appears on the
 * computer's screen where the finger is, then fades when it lifts. Real parts: the host, the phone page
 * in headless Chromium with touch, and the overlay page (the built one) in another Chromium page of
 * 1280×720. Electron cannot run here, so the overlay window is played by the same show/hide controller
 * the Electron window uses, with its page reached through a bridge of the preload's shape.
 * Screenshots in test-results/. Without the desktop app, the pad says it needs it, in both languages.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LaserCommand } from '@deskremote/shared';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OverlayBridge, type OverlayPoint, overlayPoint } from '../../src/common/overlay-contract.js';
import { overlayController } from '../../src/electron/overlay-visibility.js';
import type { Host } from '../../src/host/host.js';
import { dotGeometry, SPOTLIGHT_DIM, spotlightGeometry } from '../../src/overlay/laser-drawing.js';
import { startTestHost } from '../support/test-host.js';
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium.js';
import { PHONE_HOST_NAME } from './support/host-process.js';
import { Phone } from './support/phone.js';
import { startXvfb, type XDisplay } from './support/xvfb.js';

const phoneDir = join(import.meta.dirname, '..', '..', '..', 'mobile-web', 'dist');
const overlayUrl = pathToFileURL(join(import.meta.dirname, '..', '..', 'dist', 'overlay', 'index.html')).href;
const SCREEN = { width: 1280, height: 720 };
const hosts: Host[] = [];
const phones: Phone[] = [];
let browser: Browser;
let overlay: Page;
/** Decodes screenshots: a blank page of the same browser. */
let decoder: Page;

type Point = { x: number; y: number };
/** Screenshots take a while on a busy machine: every wait on them is bounded by this. */
const POLL = { timeout: 8000, interval: 50 };

/** What the host handed to the overlay, and what the overlay window was told to do. */
const received: LaserCommand[] = [];
const windowLog: string[] = [];
let delivery: Promise<unknown> = Promise.resolve();

/** The overlay window as main.ts makes it, with the Electron parts played by the test's page. */
const controller = overlayController({
  show: () => windowLog.push('show'),
  hide: () => windowLog.push('hide'),
  send: (point: OverlayPoint) => {
    // One at a time, in order, as webContents.send delivers them.
    delivery = delivery.then(() =>
      overlay.evaluate((p) => (window as unknown as { __deliver(p: OverlayPoint): void }).__deliver(p), point),
    );
  },
  now: () => performance.now(),
  setTimer: (ms, fire) => {
    const timer = setTimeout(fire, ms);
    return () => clearTimeout(timer);
  },
});
const laserOverlay = {
  show(command: LaserCommand) {
    received.push(command);
    controller.point(overlayPoint(command));
  },
};

async function openPhone(host: Host, locale = 'en-US'): Promise<Phone> {
  const phone = await Phone.open(host.pairingUrl(), 'Pixel 7', locale);
  phones.push(phone);
  await phone.waitConnected();
  await phone.tapButton('[data-tab=slides]');
  await phone.page.waitForSelector('[data-testid=presenter]');
  await phone.tapButton('[data-testid=pointer-toggle]');
  await phone.page.waitForSelector('[data-testid=laser-pad]');
  return phone;
}

/** Where on the phone's screen a fraction of the pad (and so of the computer's screen) is. */
async function onPad(phone: Phone, at: Point): Promise<Point> {
  const box = await phone.page.getByTestId('laser-pad').boundingBox();
  if (!box) throw new Error('no laser pad on the page');
  return { x: box.x + at.x * box.width, y: box.y + at.y * box.height };
}

/** Waits until the host has passed on a point of this mode near this fraction of the screen. */
async function waitForPoint(mode: LaserCommand['mode'], at: Point): Promise<void> {
  await expect
    .poll(() => {
      const last = received.at(-1);
      return last?.mode === mode && Math.abs(last.x / 65535 - at.x) < 0.01 && Math.abs(last.y / 65535 - at.y) < 0.01;
    }, POLL)
    .toBe(true);
  await delivery;
}

interface Pixels {
  /** The middle of the bright red pixels, and how many there are. */
  red: { x: number; y: number; count: number };
  /** The opacity (0..255) at each probe. */
  alpha: number[];
  /** The most opaque pixel farther than `outside.radius` from `outside` (the rest of the screen). */
  maxAlphaOutside: number;
  maxAlpha: number;
}

/** A screenshot of the overlay with its transparency, decoded into what the assertions need. */
async function shoot(name: string, probes: Point[] = [], outside: Point & { radius: number } = { x: 0, y: 0, radius: 0 }) {
  const png = await overlay.screenshot({ omitBackground: true, path: `test-results/laser-overlay-${name}.png` });
  return decoder.evaluate(
    async ({ base64, probes, outside }): Promise<Pixels> => {
      const blob = await (await fetch(`data:image/png;base64,${base64}`)).blob();
      const image = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data, width, height } = context.getImageData(0, 0, image.width, image.height);
      let sx = 0;
      let sy = 0;
      let count = 0;
      let maxAlphaOutside = 0;
      let maxAlpha = 0;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
          maxAlpha = Math.max(maxAlpha, a);
          if (a > 200 && r > 200 && g < 90 && b < 90) {
            sx += x;
            sy += y;
            count++;
          }
          if (Math.hypot(x - outside.x, y - outside.y) > outside.radius) maxAlphaOutside = Math.max(maxAlphaOutside, a);
        }
      }
      const alpha = probes.map((p) => data[(Math.round(p.y) * width + Math.round(p.x)) * 4 + 3]!);
      return { red: { x: sx / Math.max(1, count), y: sy / Math.max(1, count), count }, alpha, maxAlphaOutside, maxAlpha };
    },
    { base64: png.toString('base64'), probes, outside },
  );
}

beforeAll(async () => {
  assertChromium();
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  overlay = await browser.newPage({ viewport: SCREEN });
  // The bridge the overlay's preload exposes in Electron, here fed by page.evaluate.
  await overlay.addInitScript(() => {
    const listeners: Array<(point: OverlayPoint) => void> = [];
    const bridge: OverlayBridge = { onPoint: (listener) => listeners.push(listener) };
    Object.assign(window, {
      deskremoteOverlay: bridge,
      __deliver: (point: OverlayPoint) => {
        for (const listener of listeners) listener(point);
      },
    });
  });
  await overlay.goto(overlayUrl);
  decoder = await browser.newPage();
});

afterAll(async () => {
  controller.dispose();
  await Promise.all(phones.map((p) => p.close()));
  await Promise.all(hosts.map((h) => h.stop()));
  await browser?.close();
});

/** The phone paired with the desktop app's host (the laser works), shared by the tests that point. */
let phone: Phone;

describe('the laser pointer with the desktop app', () => {
  beforeAll(async () => {
    const { host } = await startTestHost({ phoneDir, names: [PHONE_HOST_NAME], laserOverlay });
    hosts.push(host);
    phone = await openPhone(host);
  });

  it('a held finger puts the red dot where it is on the screen; the rest stays transparent', async () => {
    const blank = await shoot('empty');
    expect(blank.maxAlpha).toBe(0);
    // Lands on one place, slides to another and stays there.
    const from = { x: 0.2, y: 0.3 };
    const to = { x: 0.25, y: 0.4 };
    const start = await onPad(phone, from);
    const end = await onPad(phone, to);
    await phone.drag([start], { x: end.x - start.x, y: end.y - start.y }, 10, 25, false);
    await waitForPoint('dot', to);
    expect(windowLog).toEqual(['show']);
    const expected = { x: to.x * SCREEN.width, y: to.y * SCREEN.height };
    const { glowRadius, coreRadius } = dotGeometry(SCREEN);
    // The dot glides to the finger's place (smoothing) and settles there.
    await expect
      .poll(async () => {
        const { red } = await shoot('dot');
        return Math.hypot(red.x - expected.x, red.y - expected.y);
      }, POLL)
      .toBeLessThan(3);
    const dot = await shoot('dot', [expected], { ...expected, radius: glowRadius + 2 });
    expect(dot.red.count).toBeGreaterThan(Math.PI * (coreRadius - 2) ** 2);
    expect(dot.red.count).toBeLessThan(Math.PI * (coreRadius + 2) ** 2);
    expect(dot.alpha[0]).toBe(255);
    expect(dot.maxAlphaOutside).toBe(0);
  });

  it('after the lift it fades to fully transparent, and the window hides', async () => {
    await phone.liftAll();
    await expect.poll(() => received.at(-1)?.mode, POLL).toBe('off');
    await expect.poll(async () => (await shoot('faded')).maxAlpha, POLL).toBe(0);
    await expect.poll(() => windowLog, POLL).toEqual(['show', 'hide']);
  });

  it('the spotlight: clear around the finger, the far corners dimmed', async () => {
    await phone.tapButton('[data-laser-mode=spotlight]');
    expect(await phone.page.locator('[data-laser-mode=spotlight]').getAttribute('aria-pressed')).toBe('true');
    const to = { x: 0.7, y: 0.6 };
    await phone.drag([await onPad(phone, to)], { x: 0, y: 0 }, 2, 25, false);
    await waitForPoint('spotlight', to);
    expect(windowLog).toEqual(['show', 'hide', 'show']);
    const c = { x: to.x * SCREEN.width, y: to.y * SCREEN.height };
    const { clearRadius, edgeRadius } = spotlightGeometry(SCREEN);
    const dim = Math.round(SPOTLIGHT_DIM * 255);
    const probes = [
      c,
      { x: c.x - clearRadius + 6, y: c.y },
      { x: c.x, y: c.y + clearRadius - 6 },
      { x: c.x + edgeRadius + 10, y: c.y },
      { x: 2, y: 2 },
      { x: SCREEN.width - 2, y: SCREEN.height - 2 },
      { x: 2, y: SCREEN.height - 2 },
    ];
    await expect.poll(async () => (await shoot('spotlight', probes)).alpha[0], POLL).toBe(0);
    const spot = await shoot('spotlight', probes);
    expect(spot.alpha.slice(0, 3)).toEqual([0, 0, 0]);
    for (const alpha of spot.alpha.slice(3)) expect(Math.abs(alpha - dim)).toBeLessThanOrEqual(3);
    // Black, not coloured: the slide shows through darker, not tinted.
    expect(spot.red.count).toBe(0);
    await phone.page.screenshot({ path: 'test-results/laser-pad-held.png' });
    await phone.liftAll();
    await expect.poll(async () => (await shoot('spotlight-faded')).maxAlpha, POLL).toBe(0);
    await expect.poll(() => windowLog.at(-1), POLL).toBe('hide');
  });
});

describe('the laser pad on phones of every shape', () => {
  const SIZES = [
    { name: 'portrait', width: 412, height: 915 },
    { name: 'small', width: 360, height: 640 },
    { name: 'landscape', width: 915, height: 412 },
  ];

  it('keeps the screen’s shape, fits beside the other controls, and its buttons stay 44 px', async () => {
    for (const size of SIZES) {
      await phone.page.setViewportSize(size);
      // The pad is sized by a ResizeObserver: wait until it has the screen's shape in its new room.
      await expect
        .poll(async () => {
          const box = await phone.page.getByTestId('laser-pad').boundingBox();
          return box ? Math.abs(box.width / box.height - 16 / 9) : 1;
        }, POLL)
        .toBeLessThan(0.03);
      const pad = (await phone.page.getByTestId('laser-pad').boundingBox())!;
      const room = (await phone.page.locator('.presenter-pad').boundingBox())!;
      expect(pad.width, size.name).toBeGreaterThan(200);
      expect(pad.x).toBeGreaterThanOrEqual(room.x - 0.5);
      expect(pad.y).toBeGreaterThanOrEqual(room.y - 0.5);
      expect(pad.x + pad.width).toBeLessThanOrEqual(room.x + room.width + 0.5);
      expect(pad.y + pad.height).toBeLessThanOrEqual(room.y + room.height + 0.5);
      expect(room.x + room.width).toBeLessThanOrEqual(size.width);
      expect(room.y + room.height).toBeLessThanOrEqual(size.height);
      for (const mode of ['dot', 'spotlight']) {
        const button = (await phone.page.locator(`[data-laser-mode=${mode}]`).boundingBox())!;
        expect(button.height, `${mode} in ${size.name}`).toBeGreaterThanOrEqual(44);
        expect(button.width).toBeGreaterThanOrEqual(44);
      }
      await phone.page.screenshot({ path: `test-results/laser-pad-${size.name}.png` });
    }
  });
});

describe('pointing by touching the picture of the slide', () => {
  let x: XDisplay | undefined;
  let pointing: Phone;

  beforeAll(async () => {
    // A screen of the overlay's size for the picture (the preview grabs this display).
    x = await startXvfb(SCREEN.width, SCREEN.height);
    const { host } = await startTestHost({ phoneDir, names: [PHONE_HOST_NAME], laserOverlay, display: x.display });
    hosts.push(host);
    pointing = await openPhone(host);
    await pointing.tapButton('[data-testid=preview-toggle]');
  });
  afterAll(async () => {
    await x?.stop();
  });

  it('with the screen shown, the pad is the live picture: a finger on a spot of it puts the dot on that spot', async () => {
    const picture = pointing.page.locator('[data-testid=laser-pad] [data-testid=preview-image]');
    await picture.waitFor({ timeout: 10_000 });
    // The picture fills the pad, which has the screen's shape: a fraction of one is the same of the other.
    const [pad, image] = await Promise.all([pointing.page.getByTestId('laser-pad').boundingBox(), picture.boundingBox()]);
    if (!pad || !image) throw new Error('no pad or picture');
    expect(Math.abs(pad.width - image.width)).toBeLessThanOrEqual(2);
    expect(Math.abs(pad.height - image.height)).toBeLessThanOrEqual(2);
    expect(Math.abs(pad.width / pad.height - SCREEN.width / SCREEN.height)).toBeLessThan(0.02);
    await pointing.tapButton('[data-laser-mode=dot]');
    const at = { x: 0.7, y: 0.3 };
    const spot = { x: image.x + at.x * image.width, y: image.y + at.y * image.height };
    await pointing.drag([spot], { x: 0, y: 0 }, 2, 25, false);
    await waitForPoint('dot', at);
    const expected = { x: at.x * SCREEN.width, y: at.y * SCREEN.height };
    await expect
      .poll(async () => {
        const { red } = await shoot('dot-from-picture');
        return Math.hypot(red.x - expected.x, red.y - expected.y);
      }, POLL)
      .toBeLessThan(3);
    await pointing.page.screenshot({ path: 'test-results/laser-pad-on-picture.png' });
    await pointing.liftAll();
    await expect.poll(() => received.at(-1)?.mode, POLL).toBe('off');
  }, 40_000);
});

describe('the laser pointer without the desktop app (headless host)', () => {
  it('the pad says it needs the desktop app, in English and in Chinese', async () => {
    const { host } = await startTestHost({ phoneDir, names: [PHONE_HOST_NAME] });
    hosts.push(host);
    expect(host.state.state.presenterTools.laser).toBe('needs-desktop-app');
    const en = await openPhone(host);
    await en.page.waitForSelector('[data-testid=laser-needs-app]');
    expect(await en.page.getByTestId('laser-needs-app').textContent()).toBe(
      'The laser pointer needs the DeskRemote desktop app. This computer runs DeskRemote in a terminal.',
    );
    await en.page.screenshot({ path: 'test-results/laser-pad-needs-app-en.png' });
    const zh = await openPhone(host, 'zh-CN');
    await zh.page.waitForSelector('[data-testid=laser-needs-app]');
    expect(await zh.page.getByTestId('laser-needs-app').textContent()).toBe(
      '激光笔需要 DeskRemote 桌面应用。这台电脑上的 DeskRemote 是在终端里运行的。',
    );
    await zh.page.screenshot({ path: 'test-results/laser-pad-needs-app-zh.png' });
  });
});
