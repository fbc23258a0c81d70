/**
 * The current slide in hand: the phone shows a live preview of the real screen (Xvfb, grabbed through
 * MIT-SHM, JPEG by sharp) in the screen's shape, with what is drawn on the screen in its place; the host
 * grabs nothing while no phone asks; a slow phone gets the newest frame, not a backlog.
 */
import type { HostMessage } from '@deskremote/shared';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../src/host/host.js';
import { pairPhone, startTestHost } from '../support/test-host.js';
import { type DesktopRig, startDesktopRig } from './support/desktop-rig.js';
import { Phone } from './support/phone.js';

let rig: DesktopRig;
let phone: Phone;

/** Paints the recording window (it fills the screen) with a coloured patch in its top-left corner. */
async function paintPatch(colour: string): Promise<void> {
  await rig.desktop.page.evaluate((c) => {
    let patch = document.getElementById('patch');
    if (!patch) {
      patch = document.createElement('div');
      patch.id = 'patch';
      patch.style.cssText = 'position:fixed;left:0;top:0;width:400px;height:250px;z-index:9';
      document.body.append(patch);
    }
    patch.style.background = c;
  }, colour);
  // Two frames painted: what the X server holds now is the new colour.
  await rig.desktop.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** The colour of a JPEG at a fraction of its width and height. */
async function colourAt(jpeg: Uint8Array, fx: number, fy: number): Promise<[number, number, number]> {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  const offset = (Math.floor(fy * info.height) * info.width + Math.floor(fx * info.width)) * info.channels;
  return [data[offset] ?? 0, data[offset + 1] ?? 0, data[offset + 2] ?? 0];
}
const isRed = ([r, g, b]: number[]) => (r ?? 0) > 180 && (g ?? 0) < 80 && (b ?? 0) < 80;
const isBlue = ([r, g, b]: number[]) => (b ?? 0) > 180 && (r ?? 0) < 80 && (g ?? 0) < 80;

beforeAll(async () => {
  rig = await startDesktopRig('preview');
  await paintPatch('rgb(255, 0, 0)');
});

afterAll(async () => {
  await phone?.close();
  await rig?.stop();
});

describe('the current slide in hand', () => {
  it('the phone shows the screen in its shape, with the red patch in its place', async () => {
    phone = await Phone.open(rig.host.pairingUrl());
    await phone.waitConnected();
    const { width, height, colors } = await phone.previewPixels([
      [0.15, 0.15],
      [0.7, 0.8],
    ]);
    const seen = { width, height, patch: colors[0] ?? [], elsewhere: colors[1] ?? [] };
    expect(seen.width).toBe(480);
    expect(seen.width / seen.height).toBeCloseTo(rig.x.width / rig.x.height, 1);
    expect(isRed(seen.patch)).toBe(true);
    expect(isRed(seen.elsewhere)).toBe(false);
    await phone.page.screenshot({ path: 'test-results/speaker-preview.png' });
    // Closed: the host stops grabbing.
    await phone.tapButton('[data-testid=preview-toggle]');
    await rig.host.waitForOutput(/preview: idle/);
  });

  describe('frames only on request, the newest for a slow phone (a host of its own on the same screen)', () => {
    let host: Host;
    beforeAll(async () => {
      ({ host } = await startTestHost({ display: rig.x.display }));
      for (let i = 0; i < 100 && host.state.state.presenterTools.preview !== 'ready'; i++)
        await new Promise((r) => setTimeout(r, 50));
    });
    afterAll(() => host?.stop());

    const frames = (messages: HostMessage[]) =>
      messages.filter((m): m is Extract<HostMessage, { t: 'frame' }> => m.t === 'frame');
    const frameFor = async (messages: HostMessage[], id: number) => {
      for (let i = 0; i < 250; i++) {
        const frame = frames(messages).find((m) => m.id === id);
        if (frame) return frame;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no frame for request ${id}`);
    };

    it('grabs nothing and sends nothing while no phone asks', async () => {
      expect(host.state.state.presenterTools.preview).toBe('ready');
      const idle = await pairPhone(host, 'Idle phone');
      await new Promise((r) => setTimeout(r, 1500));
      expect(host.previewStats).toEqual({ grabs: 0, framesSent: 0 });
      expect(frames(idle.client.messages)).toEqual([]);
      idle.client.socket.close();
    });

    it('a slow phone gets the screen as it is now, one frame per request, never a backlog', async () => {
      const slow = await pairPhone(host, 'Slow phone');
      slow.client.send({ t: 'preview', id: 1 });
      const first = await frameFor(slow.client.messages, 1);
      expect(isRed(await colourAt(first.jpeg, 0.15, 0.15))).toBe(true);
      const grabsAfterFirst = host.previewStats.grabs;
      // The screen changes while the phone is busy elsewhere and does not ask.
      await paintPatch('rgb(0, 0, 255)');
      await new Promise((r) => setTimeout(r, 1200));
      expect(host.previewStats.grabs).toBe(grabsAfterFirst);
      slow.client.send({ t: 'preview', id: 2 });
      const second = await frameFor(slow.client.messages, 2);
      expect(isBlue(await colourAt(second.jpeg, 0.15, 0.15))).toBe(true);
      expect(frames(slow.client.messages)).toHaveLength(2);
      expect(second.jpeg.length).toBeGreaterThan(1000);
      slow.client.socket.close();
      await paintPatch('rgb(255, 0, 0)');
    });
  });

  it('the grab Windows and macOS use (nut-js) gives the same picture, here on the X display', async () => {
    // libnut opens the display named in this process's environment.
    process.env.DISPLAY = rig.x.display;
    const { openNutGrabber } = await import('../../src/host/preview/nut-grabber.js');
    const { encodeBgrx } = await import('../../src/host/preview/jpeg-encoder.js');
    const grabber = await openNutGrabber();
    expect([grabber.width, grabber.height]).toEqual([rig.x.width, rig.x.height]);
    const screen = await grabber.grab();
    const frame = await encodeBgrx(screen.pixels, screen.width, screen.height);
    expect(isRed(await colourAt(frame.jpeg, 0.15, 0.15))).toBe(true);
    expect(isRed(await colourAt(frame.jpeg, 0.7, 0.8))).toBe(false);
  });
});
