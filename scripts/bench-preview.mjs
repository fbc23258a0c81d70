// The screen preview's figures for `npm run bench`: a private 1920x1080 Xvfb showing a busy page (a
// headed Chromium window), the real grabber (MIT-SHM) and encoder (sharp), the real host pulling frames
// for a phone on loopback. Each figure beside a baseline from the same run. Bounded: fixed counts, 5 s
// windows, 5 s per answer.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nobleX25519 } from '@deskremote/shared';
import { chromium } from 'playwright-core';
import { benchHostOptions, pairBenchPhone } from './bench-phone.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const root = join(import.meta.dirname, '..');
const { Host } = await import(join(root, 'desktop/dist/host/host.js'));
const { openX11Grabber } = await import(join(root, 'desktop/dist/host/preview/x11-grabber.js'));
const { encodeBgrx } = await import(join(root, 'desktop/dist/host/preview/jpeg-encoder.js'));
const { READY } = await import(join(root, 'desktop/dist/host/input/input-availability.js'));

const GRABS = 30;
const WINDOW_MS = 5000;

/** A slide-like page: big type, photos-like gradients, so the JPEG is the size of a real slide's. */
const SLIDE = `<!doctype html><body style="margin:0;font:64px sans-serif;background:linear-gradient(120deg,#123,#468 40%,#fc8);color:#fff">
<h1 style="margin:80px">Quarterly review</h1><ul style="font-size:44px;margin-left:80px">${'<li>A point worth making, with numbers 12.5 %</li>'.repeat(6)}</ul>
<div style="position:absolute;right:80px;top:200px;width:600px;height:600px;border-radius:50%;background:radial-gradient(#f55,#35f)"></div></body>`;

async function xvfb() {
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const number = await new Promise((resolve, reject) => {
    child.on('error', () => reject(new Error('Xvfb is needed: apt-get install -y xvfb')));
    child.stdio[3].once('data', (chunk) => resolve(chunk.toString().trim()));
  });
  process.on('exit', () => child.kill());
  return { display: `:${number}`, stop: () => child.kill() };
}

const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];

export async function previewFigures() {
  const x = await xvfb();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: false,
    env: { ...process.env, DISPLAY: x.display },
    args: [...CHROMIUM_ARGS, '--window-position=0,0', '--window-size=1920,1080', '--kiosk'],
  });
  const page = await browser.newPage({ viewport: null });
  await page.setContent(SLIDE);
  await new Promise((r) => setTimeout(r, 500));
  const dataDir = await mkdtemp(join(tmpdir(), 'deskremote-bench-preview-'));
  try {
    // Grab alone (the baseline), then grab and encode.
    const grabber = await openX11Grabber(x.display);
    const grabOnly = [];
    const grabEncode = [];
    const sizes = [];
    for (let i = 0; i < GRABS; i++) {
      let t = performance.now();
      await grabber.grab();
      grabOnly.push(performance.now() - t);
      t = performance.now();
      const screen = await grabber.grab();
      const frame = await encodeBgrx(screen.pixels, screen.width, screen.height);
      grabEncode.push(performance.now() - t);
      sizes.push(frame.jpeg.length);
    }
    grabber.close();

    // One phone watching through the real host: frames reached, and the process's CPU meanwhile.
    const host = await Host.start(
      benchHostOptions(dataDir, { display: x.display, openInput: async () => ({ availability: READY, driver: undefined }) }),
    );
    for (let i = 0; i < 100 && host.state.state.presenterTools.preview !== 'ready'; i++)
      await new Promise((r) => setTimeout(r, 50));
    const cpuDuring = async (work) => {
      const start = process.cpuUsage();
      const wall = performance.now();
      const result = await work();
      const used = process.cpuUsage(start);
      return { result, percent: ((used.user + used.system) / 1000 / (performance.now() - wall)) * 100 };
    };
    const idle = await cpuDuring(() => new Promise((r) => setTimeout(r, WINDOW_MS)));
    const phone = await pairedClient(host);
    const watching = await cpuDuring(async () => {
      let frames = 0;
      let bytes = 0;
      const until = performance.now() + WINDOW_MS;
      let id = 1;
      while (performance.now() < until) {
        const frame = await phone.request(id++);
        frames++;
        bytes += frame.jpeg.length;
      }
      return { frames, bytes };
    });
    phone.close();
    await host.stop();
    return {
      grabOnly: { p50: quantile(grabOnly, 0.5), p99: quantile(grabOnly, 0.99) },
      grabEncode: { p50: quantile(grabEncode, 0.5), p99: quantile(grabEncode, 0.99) },
      bytesPerFrame: sizes.reduce((a, b) => a + b, 0) / sizes.length,
      fps: watching.result.frames / (WINDOW_MS / 1000),
      idleCpu: idle.percent,
      watchingCpu: watching.percent,
    };
  } finally {
    await browser.close();
    x.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** A phone paired over a real socket that asks for one frame at a time, as the page does. */
async function pairedClient(host) {
  const phone = await pairBenchPhone(host, nobleX25519);
  await phone.next('snapshot');
  return {
    request: (id) => {
      phone.send({ t: 'preview', id });
      return phone.next((m) => m.t === 'frame' && m.id === id);
    },
    close: phone.close,
  };
}
