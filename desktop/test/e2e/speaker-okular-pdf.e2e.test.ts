/**
 * A PDF presentation in the real Okular, followed over D-Bus: Okular (openbox managing it, on a private
 * session bus) opens a generated three-page PDF; the real host, on the same bus, follows the page it shows
 * and the page count; the phone's speaker view shows "1 / 3" and the pages as rendered from the file
 * (poppler's pdftoppm), colour checked; a page picked in the grid is the one Okular shows (its colour on
 * the X screen, and Okular's own answer); a page turned in Okular itself is followed on the phone; Next
 * and Previous from the phone go to Okular.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { near, pictureCentre, rgb, screenColourAt } from './support/colours.js';
import { HostProcess } from './support/host-process.js';
import { startSessionBus } from './support/media-player.js';
import { pdfDeck } from './support/pdf-deck.js';
import { Phone } from './support/phone.js';
import { startXvfb, type XDisplay } from './support/xvfb.js';

const run = promisify(execFile);
const PAGES = ['#d02020', '#20a020', '#2040d0'];

let x: XDisplay;
let wm: ChildProcess;
let bus: { address: string; child: ChildProcess };
let okular: ChildProcess;
let host: HostProcess;
let phone: Phone;
let dir: string;
let service = '';

/** Asks Okular itself, over the bus, as `gdbus` would. */
async function okularSays(method: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(
    'gdbus',
    ['call', '--session', '--dest', service, '--object-path', '/okular', '--method', `org.kde.okular.${method}`, ...args],
    { env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: bus.address } },
  );
  return stdout.trim();
}

/** Okular's page view fills most of its window: somewhere in the middle of the screen shows the page's colour. */
async function screenShows(page: number): Promise<void> {
  const want = rgb(PAGES[page - 1] ?? '#000000');
  await expect
    .poll(
      async () =>
        (await Promise.all([screenColourAt(x.display, 0.5, 0.5), screenColourAt(x.display, 0.55, 0.45)])).some((c) =>
          near(c, want),
        ),
      {
        timeout: 10_000,
      },
    )
    .toBe(true);
}

const pictureAt = (selector: string) => pictureCentre(phone.page, selector);

const count = () => phone.page.getByTestId('show-count').textContent();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deskremote-okular-'));
  await writeFile(join(dir, 'Talk.pdf'), pdfDeck(PAGES));
  x = await startXvfb(1280, 720);
  wm = spawn('openbox', ['--sm-disable'], { env: { ...process.env, DISPLAY: x.display }, stdio: 'ignore' });
  bus = await startSessionBus();
  const env = { ...process.env, DISPLAY: x.display, DBUS_SESSION_BUS_ADDRESS: bus.address, XDG_CONFIG_HOME: join(dir, 'config') };
  okular = spawn('okular', [join(dir, 'Talk.pdf')], { env, stdio: 'ignore' });
  okular.on('error', () => {});
  const until = Date.now() + 30_000;
  while (!service) {
    if (Date.now() > until || okular.exitCode !== null) throw new Error('Okular did not start (apt-get install -y okular)');
    const { stdout } = await run(
      'gdbus',
      [
        'call',
        '--session',
        '--dest',
        'org.freedesktop.DBus',
        '--object-path',
        '/org/freedesktop/DBus',
        '--method',
        'org.freedesktop.DBus.ListNames',
      ],
      { env },
    );
    service = stdout.match(/org\.kde\.okular-\d+/)?.[0] ?? '';
    if (!service) await new Promise((r) => setTimeout(r, 250));
  }
  // Okular has the file open once it counts its pages.
  for (let i = 0; i < 100 && (await okularSays('pages').catch(() => '')) !== '(uint32 3,)'; i++)
    await new Promise((r) => setTimeout(r, 100));
  host = await HostProcess.start({
    display: x.display,
    dataDir: join(dir, 'host'),
    env: { DBUS_SESSION_BUS_ADDRESS: bus.address },
  });
  phone = await Phone.open(host.pairingUrl());
  await phone.waitConnected();
  await phone.tapButton('[data-tab=slides]');
}, 90_000);

afterAll(async () => {
  await phone?.close();
  await host?.stop();
  okular?.kill();
  bus?.child.kill();
  wm?.kill();
  await x?.stop();
  await rm(dir, { recursive: true, force: true });
});

it('shows "1 / 3" and the pages as the file has them; the grid puts page 3 in Okular', async () => {
  await expect.poll(count, { timeout: 15_000 }).toBe('1 / 3');
  expect(await phone.page.getByTestId('profile-chip').getAttribute('data-profile')).toBe('okular');
  await expect
    .poll(
      async () => {
        const colour = await pictureAt('[data-testid=show-current] img[data-slide-picture="1"]');
        return colour !== undefined && near(colour, rgb(PAGES[0] ?? ''));
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  await expect
    .poll(
      async () => {
        const colour = await pictureAt('[data-testid=show-next] img[data-slide-picture="2"]');
        return colour !== undefined && near(colour, rgb(PAGES[1] ?? ''));
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  expect(await phone.page.getByTestId('show-notes').textContent()).toBe('No notes for this slide.');
  await phone.tapButton('[data-testid=show-grid-open]');
  await phone.tapButton('[data-show-slide="3"]');
  await expect.poll(() => okularSays('currentPage'), { timeout: 5000 }).toBe('(uint32 3,)');
  await screenShows(3);
  await expect.poll(count, { timeout: 5000 }).toBe('3 / 3');
  await phone.page.screenshot({ path: 'test-results/speaker-okular-page-3.png' });
}, 60_000);

it('follows a page turned in Okular itself, and Previous and Next from the phone go to Okular', async () => {
  // Someone at the computer turns the page (Okular's own D-Bus call, as its page field would).
  await okularSays('goToPage', '2');
  await expect.poll(count, { timeout: 5000 }).toBe('2 / 3');
  await phone.tapButton('[data-slide=previous]');
  await expect.poll(() => okularSays('currentPage'), { timeout: 5000 }).toBe('(uint32 1,)');
  await screenShows(1);
  await expect.poll(count, { timeout: 5000 }).toBe('1 / 3');
  await phone.tapButton('[data-testid=show-current]');
  await expect.poll(() => okularSays('currentPage'), { timeout: 5000 }).toBe('(uint32 2,)');
  await expect.poll(count, { timeout: 5000 }).toBe('2 / 3');
}, 40_000);
