// The speaker's view, for `npm run bench`: from Next on the phone to the new slide's number, notes and
// picture shown on the phone, with the real LibreOffice Impress presenting a generated deck on a private
// Xvfb; beside it, measured in the same run, Next to the computer's ack (the phone's confirming buzz) on the
// plain panel with a keys profile: the path's floor. And the bytes of a slide picture as the phone gets it.
// The host is the real CLI; the phone is Debian's Chromium with a phone profile. Bounded: fixed counts,
// every wait with a limit. Skipped, saying why, where Impress is not installed.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, devices } from 'playwright-core';
import { startHost } from './bench-link.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { ImpressShow } from './impress-show.mjs';

const NAME = 'deskremote.test';
const SLIDES = 12;
const CHANGES = 10;
const PIN = '3157';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function privateXvfb() {
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x720x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    child.on('error', () => reject(new Error('Xvfb is needed: apt-get install -y xvfb')));
    child.stdio[3].once('data', (chunk) => resolve({ display: `:${chunk.toString().trim()}`, stop: () => child.kill() }));
  });
}

/**
 * Taps Next the way a keyboard or a switch does (a click without a pointer) and waits for `done(arg)`,
 * checked in the page on every animation frame, which returns the page's clock once it holds (false
 * before); milliseconds between the two, on the page's clock.
 */
async function timeInPage(page, done, arg) {
  const start = await page.evaluate(() => {
    const button = document.querySelector('[data-slide=next]');
    if (!button) throw new Error('no Next on the page');
    const at = performance.now();
    button.click();
    return at;
  });
  const end = await (await page.waitForFunction(done, arg, { polling: 'raf', timeout: 5000 })).jsonValue();
  return end - start;
}

export async function showFigures() {
  if (spawnSync('sh', ['-c', 'command -v soffice && ls /usr/lib/libreoffice/program/libsdlo.so']).status !== 0)
    return { skipped: 'no LibreOffice Impress (apt-get install -y --no-install-recommends libreoffice-impress)' };
  const x = await privateXvfb();
  const dataDir = mkdtempSync(join(tmpdir(), 'deskremote-bench-show-'));
  writeFileSync(join(dataDir, 'impress-remote.json'), JSON.stringify({ pin: PIN }));
  const slides = Array.from({ length: SLIDES }, (_, i) => ({
    colour: `#${((i * 0x3a5f17 + 0x204080) & 0xffffff).toString(16).padStart(6, '0')}`,
    notes: [`Slide ${i + 1}: what to say here, in a sentence or two.`, '第二行：中文备注。'],
  }));
  let impress;
  let host;
  let browser;
  try {
    impress = await ImpressShow.start(x.display, slides, { name: `DeskRemote (${hostname()})`, pin: PIN });
    host = startHost({ display: x.display, dataDir });
    const url = await host.nextUrl(undefined);
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${NAME} 127.0.0.1`],
    });
    const context = await browser.newContext({ ...devices['Pixel 7'] });
    const page = await context.newPage();
    // The buzz is the phone's word that the computer acknowledged: its moment is what the baseline times.
    await page.addInitScript(() => {
      // The bytes of each picture, as the page makes it an image (the page's CSP lets it fetch no blob).
      window.__blobBytes = {};
      const make = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob) => {
        const url = make(blob);
        window.__blobBytes[url] = blob.size;
        return url;
      };
      window.__buzzes = 0;
      navigator.vibrate = () => {
        window.__buzzes++;
        return true;
      };
    });
    await page.goto(url);
    await page.waitForSelector('[data-testid=status] .dot-on', { timeout: 15_000 });
    await page.locator('[data-tab=slides]').click();
    await page.waitForFunction((n) => document.querySelector('[data-testid=show-count]')?.textContent === `1 / ${n}`, SLIDES, {
      timeout: 20_000,
    });
    // Every picture is in the host's hands before timing (Impress sends them one by one as the show starts).
    await sleep(3000);
    const change = [];
    for (let i = 0; i < CHANGES; i++) {
      const want = i + 2;
      const ms = await timeInPage(
        page,
        (slide) => {
          const count = document.querySelector('[data-testid=show-count]')?.textContent ?? '';
          const image = document.querySelector(`[data-testid=show-current] img[data-slide-picture="${slide}"]`);
          const notes = document.querySelector('[data-testid=show-notes]')?.textContent ?? '';
          const shown =
            count.startsWith(`${slide} /`) && image?.complete && image.naturalWidth > 0 && notes.startsWith(`Slide ${slide}:`);
          return shown && performance.now();
        },
        want,
      ).catch((error) => {
        throw new Error(`slide ${want}: ${error.message}`);
      });
      change.push(ms);
      await sleep(300);
    }
    const pictureBytes = await page.evaluate(() =>
      [...document.querySelectorAll('img[data-slide-picture]')].map((image) => window.__blobBytes[image.src] ?? 0),
    );
    // The baseline: the same Next with a keys profile chosen on the phone (no show to follow): Next -> ack.
    await page.locator('[data-testid=profile-select]').selectOption('powerpoint');
    await sleep(500);
    const ack = [];
    for (let i = 0; i < CHANGES; i++) {
      await page.evaluate(() => {
        window.__before = window.__buzzes;
      });
      ack.push(await timeInPage(page, () => window.__buzzes > window.__before && performance.now(), 0));
      await sleep(200);
    }
    await context.close();
    return { change, ack, pictureBytes };
  } finally {
    await browser?.close();
    await host?.stop();
    await impress?.stop();
    x.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The rows bench.mjs prints: [what, figure, target or baseline]. */
export function showRows(figures) {
  if (figures.skipped) return [['speaker view slide change (LibreOffice Impress)', 'not measured', figures.skipped]];
  const { change, ack, pictureBytes } = figures;
  const ms = (v) => `${v.toFixed(0)} ms`;
  return [
    [
      `slide change on the speaker view: Next -> new number, notes and picture shown, median / max of ${change.length}`,
      `${ms(median(change))} / ${ms(Math.max(...change))}`,
      `baseline, Next -> the computer's ack (keys): ${ms(median(ack))} / ${ms(Math.max(...ack))}`,
    ],
    [
      "  bytes of a slide picture on the wire (JPEG from Impress's 320x240 PNG), median / max",
      `${(median(pictureBytes) / 1024).toFixed(1)} KB / ${(Math.max(...pictureBytes) / 1024).toFixed(1)} KB`,
      "plus 13 B of frame header and the cipher's tag",
    ],
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await showFigures();
  for (const row of showRows(figures)) console.log(row.join('  |  '));
}
