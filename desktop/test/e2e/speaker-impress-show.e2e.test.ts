/**
 * The deck in hand, from the real LibreOffice Impress: Impress presents a generated five-slide deck with
 * notes on Xvfb (openbox managing its windows), its remote control on; the real host pairs with it and
 * the phone (Chromium) shows "3 / 5", the notes of slide 3 and the next slide's picture; a slide picked
 * in the grid is the one on the screen (its colour read from the X screen); Previous and Next from the
 * speaker's view move the show. A host Impress does not know yet is asked for its PIN.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LaserCommand } from '@deskremote/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestHost } from '../support/test-host.js';
import { near, pictureCentre, rgb, screenColourAt } from './support/colours.js';
import { HostProcess, PHONE_HOST_NAME } from './support/host-process.js';
import { ImpressShow, type ShowSlide } from './support/impress-show.js';
import { Phone } from './support/phone.js';
import { startXvfb, type XDisplay } from './support/xvfb.js';

const SLIDES: ShowSlide[] = [
  { colour: '#d02020', notes: ['Welcome everyone'] },
  { colour: '#20a020', notes: ['The problem'] },
  { colour: '#2040d0', notes: ['Thank the organisers', 'Then the <b> demo 中文'] },
  { colour: '#e0c020', notes: [] },
  { colour: '#c020c0', notes: ['Questions'] },
];
const PIN = '4821';
const phoneDir = join(import.meta.dirname, '..', '..', '..', 'mobile-web', 'dist');

let x: XDisplay;
let wm: ChildProcess;
let impress: ImpressShow;
let host: HostProcess;
let phone: Phone;
let dataDir: string;

async function screenShows(slide: number): Promise<void> {
  const want = rgb(SLIDES[slide - 1]?.colour ?? '#000000');
  await expect.poll(async () => near(await screenColourAt(x.display, 0.5, 0.5), want), { timeout: 10_000 }).toBe(true);
}

const pictureAt = (selector: string) => pictureCentre(phone.page, selector);

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'deskremote-impress-host-'));
  // As after the user typed the PIN into Impress once: the host's PIN, and Impress knowing it.
  await writeFile(join(dataDir, 'impress-remote.json'), JSON.stringify({ pin: PIN }));
  x = await startXvfb(1280, 720);
  wm = spawn('openbox', ['--sm-disable'], { env: { ...process.env, DISPLAY: x.display }, stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 500));
  impress = await ImpressShow.start(x.display, SLIDES, { name: `DeskRemote (${hostname()})`, pin: PIN });
  host = await HostProcess.start({ display: x.display, dataDir, impress: true });
  phone = await Phone.open(host.pairingUrl());
  await phone.waitConnected();
  await phone.tapButton('[data-tab=slides]');
}, 90_000);

afterAll(async () => {
  await phone?.close();
  await host?.stop();
  await impress?.stop();
  wm?.kill();
  await x?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

it('shows "3 / 5", the notes of slide 3 and the next slide, and the grid puts slide 5 on the screen', async () => {
  await expect.poll(() => phone.page.getByTestId('show-count').textContent(), { timeout: 20_000 }).toBe('1 / 5');
  await screenShows(1);
  await phone.tapButton('[data-testid=show-grid-open]');
  await phone.tapButton('[data-show-slide="3"]');
  await screenShows(3);
  await expect.poll(() => phone.page.getByTestId('show-count').textContent(), { timeout: 5000 }).toBe('3 / 5');
  // The notes as typed, markup-looking text and Chinese included, shown as text.
  await expect
    .poll(() => phone.page.getByTestId('show-notes').textContent(), { timeout: 5000 })
    .toBe('Thank the organisers\nThen the <b> demo 中文');
  expect(await phone.page.locator('[data-testid=show-notes] b').count()).toBe(0);
  // The next slide's picture is slide 4's, as Impress drew it.
  await expect
    .poll(
      async () => {
        const colour = await pictureAt('[data-testid=show-next] img[data-slide-picture="4"]');
        return colour !== undefined && near(colour, rgb('#e0c020'));
      },
      { timeout: 5000 },
    )
    .toBe(true);
  const current = await pictureAt('[data-testid=show-current] img[data-slide-picture="3"]');
  expect(current && near(current, rgb('#2040d0'))).toBe(true);
  await phone.page.screenshot({ path: 'test-results/speaker-impress-slide-3.png' });

  await phone.tapButton('[data-testid=show-grid-open]');
  await expect.poll(() => phone.page.locator('[data-testid=show-grid] img').count(), { timeout: 10_000 }).toBe(5);
  await phone.page.screenshot({ path: 'test-results/speaker-impress-grid.png' });
  await phone.tapButton('[data-show-slide="5"]');
  await screenShows(5);
  await expect.poll(() => phone.page.getByTestId('show-count').textContent(), { timeout: 5000 }).toBe('5 / 5');
  expect(await phone.page.getByTestId('show-next').textContent()).toBe('Last slide');
}, 60_000);

it('Previous and Next from the speaker’s view move the show in Impress', async () => {
  await phone.tapButton('[data-slide=previous]');
  await screenShows(4);
  await expect.poll(() => phone.page.getByTestId('show-count').textContent(), { timeout: 5000 }).toBe('4 / 5');
  expect(await phone.page.getByTestId('show-notes').textContent()).toBe('No notes for this slide.');
  // Tapping the slide on the phone is Next.
  await phone.tapButton('[data-testid=show-current]');
  await screenShows(5);
  await expect.poll(() => phone.page.getByTestId('show-count').textContent(), { timeout: 5000 }).toBe('5 / 5');
}, 30_000);

it('a DeskRemote that Impress does not know yet is asked for its PIN', async () => {
  // Another data folder: another PIN under the same name, which Impress has not been told.
  const strangerDir = await mkdtemp(join(tmpdir(), 'deskremote-impress-stranger-'));
  await writeFile(join(strangerDir, 'impress-remote.json'), JSON.stringify({ pin: '1111' }));
  const { host: stranger, dataDir: pageDir } = await startTestHost({ impressPort: 1599, dataDir: strangerDir });
  try {
    await expect.poll(() => stranger.state.state.showLink.impress, { timeout: 10_000 }).toBe('waiting-for-pin');
    expect(stranger.state.state.showLink.pin).toBe('1111');
    expect(stranger.state.state.show).toBeNull();
  } finally {
    await stranger.stop();
    await rm(strangerDir, { recursive: true, force: true });
    await rm(pageDir, { recursive: true, force: true });
  }
}, 30_000);

it('on the pointer pad, the slide’s own picture: a finger on a spot of it puts the dot on that spot of the slide', async () => {
  // The desktop app's host (an overlay to draw on), following the same show: Impress lets several remotes in.
  const received: LaserCommand[] = [];
  const pointDir = await mkdtemp(join(tmpdir(), 'deskremote-impress-pointing-'));
  await writeFile(join(pointDir, 'impress-remote.json'), JSON.stringify({ pin: PIN }));
  const { host: pointingHost, dataDir: pageDir } = await startTestHost({
    impressPort: 1599,
    dataDir: pointDir,
    phoneDir,
    names: [PHONE_HOST_NAME],
    laserOverlay: { show: (command) => received.push(command) },
  });
  const pointing = await Phone.open(pointingHost.pairingUrl());
  try {
    await pointing.waitConnected();
    await pointing.tapButton('[data-tab=slides]');
    await expect.poll(() => pointing.page.getByTestId('show-count').textContent(), { timeout: 10_000 }).toBe('5 / 5');
    await pointing.tapButton('[data-testid=pointer-toggle]');
    const face = pointing.page.locator('[data-testid=laser-pad] [data-testid=laser-slide][data-slide-picture="5"]');
    await face.waitFor({ timeout: 10_000 });
    // The picture fills the pad, and the pad stands for the screen the show fills.
    const [pad, image] = await Promise.all([pointing.page.getByTestId('laser-pad').boundingBox(), face.boundingBox()]);
    if (!pad || !image) throw new Error('no pad or slide picture');
    expect(Math.abs(pad.width - image.width)).toBeLessThanOrEqual(2);
    expect(Math.abs(pad.height - image.height)).toBeLessThanOrEqual(2);
    const at = { x: 0.7, y: 0.3 };
    await pointing.drag([{ x: image.x + at.x * image.width, y: image.y + at.y * image.height }], { x: 0, y: 0 }, 2, 25, false);
    await expect
      .poll(
        () => {
          const last = received.at(-1);
          return last?.mode === 'dot' && Math.abs(last.x / 65535 - at.x) < 0.01 && Math.abs(last.y / 65535 - at.y) < 0.01;
        },
        { timeout: 8000 },
      )
      .toBe(true);
    await pointing.page.screenshot({ path: 'test-results/speaker-impress-pointer-on-slide.png' });
    await pointing.liftAll();
    await expect.poll(() => received.at(-1)?.mode, { timeout: 8000 }).toBe('off');
  } finally {
    await pointing.close();
    await pointingHost.stop();
    await rm(pointDir, { recursive: true, force: true });
    await rm(pageDir, { recursive: true, force: true });
  }
}, 60_000);
