#!/usr/bin/env node
// npm run bench: the figures the targets speak of, measured side by side with a bare ws echo on the same
// loopback in the same run (this machine is shared and noisy, so only the comparison means much).
// Uses the real driver (nut-js, with XTEST motion and text) on an X display: $DISPLAY, or a private Xvfb.
// Every loop is bounded: a fixed count, and a 5 s limit on each answer awaited.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decodeServer, encodeMessage, PROTOCOL_VERSION, pairProof, randomId, tokenFromHash } from '@deskremote/shared';
import { WebSocket, WebSocketServer } from 'ws';

const root = join(import.meta.dirname, '..');
const { Host } = await import(join(root, 'desktop/dist/host/host.js'));
const { loadInputDriver } = await import(join(root, 'desktop/dist/host/input/load-driver.js'));
const { READY } = await import(join(root, 'desktop/dist/host/input/input-availability.js'));

const MOVES = 3000;
/** Clicks are paced under the host's own rate limit for discrete commands (60 a second). */
const CLICKS = 400;
const CLICK_GAP_MS = 17;
const ECHOES = 3000;

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const ms = (value) => `${value.toFixed(3)} ms`;

async function withDisplay() {
  if (process.env.DISPLAY) return { display: process.env.DISPLAY, stop: async () => {} };
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const number = await new Promise((resolve, reject) => {
    child.on('error', () => reject(new Error('Xvfb is needed: apt-get install -y xvfb')));
    child.stdio[3].once('data', (chunk) => resolve(chunk.toString().trim()));
  });
  // Killed as this process exits: libnut's X connection must not see the server vanish while it still runs.
  process.on('exit', () => child.kill());
  return { display: `:${number}`, stop: async () => {} };
}

/** Opens a socket; `onMessage` is attached before the first frame can arrive. */
function open(url, origin, onMessage = () => {}) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, origin ? { origin } : {});
    socket.binaryType = 'nodebuffer';
    socket.on('message', onMessage);
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Round trips of a 5-byte binary frame through a bare ws echo server: the floor the host is compared to. */
async function echoBaseline() {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  await new Promise((r) => server.once('listening', r));
  server.on('connection', (ws) => ws.on('message', (data) => ws.send(data)));
  const socket = await open(`ws://127.0.0.1:${server.address().port}`);
  const frame = new Uint8Array([1, 1, 0, 1, 0]);
  const times = [];
  for (let i = 0; i < ECHOES; i++) {
    const start = performance.now();
    await new Promise((resolve) => {
      socket.once('message', resolve);
      socket.send(frame);
    });
    times.push(performance.now() - start);
  }
  socket.close();
  server.close();
  return times;
}

async function hostFigures(display) {
  const dataDir = await mkdtemp(join(tmpdir(), 'deskremote-bench-'));
  // libnut opens the display named in this process's environment.
  process.env.DISPLAY = display;
  const driver = await loadInputDriver('linux', process.env);
  const executed = { move: [], click: [] };
  const host = await Host.start({
    port: 0,
    bind: '127.0.0.1',
    dataDir,
    phoneDir: join(root, 'mobile-web/dist'),
    version: 'bench',
    openInput: async () => ({ availability: READY, driver }),
    onExecuted: ({ kind, receivedAt, doneAt }) => executed[kind]?.push(doneAt - receivedAt),
  });
  await new Promise((r) => setTimeout(r, 20));
  const origin = `http://127.0.0.1:${host.port}`;
  const inbox = [];
  let wake = () => {};
  const socket = await open(`ws://127.0.0.1:${host.port}/ws`, origin, (data) => {
    inbox.push(decodeServer(new Uint8Array(data)).message);
    wake();
  });
  const next = (t) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no '${t}' from the host in 5 s; got ${JSON.stringify(inbox)}`)), 5000);
      const check = () => {
        const index = inbox.findIndex((m) => m.t === t);
        if (index < 0) {
          wake = check;
          return;
        }
        clearTimeout(timer);
        wake = () => {};
        resolve(inbox.splice(index, 1)[0]);
      };
      check();
    });

  const challenge = await next('challenge');
  const token = tokenFromHash(new URL(host.pairingUrl()).hash);
  const deviceId = randomId(18);
  const clientNonce = randomId(24);
  const context = { serverNonce: challenge.nonce, clientNonce, deviceId };
  socket.send(
    encodeMessage({
      t: 'pair',
      protocol: PROTOCOL_VERSION,
      deviceId,
      deviceName: 'bench',
      clientNonce,
      proof: pairProof(token, context),
    }),
  );
  await next('welcome');

  // Moves paced by a ping round trip, so each is injected on its own rather than summed.
  const tcp = socket._socket;
  const written = tcp.bytesWritten;
  let pingBytes = 0;
  const moveRtt = [];
  for (let i = 0; i < MOVES; i++) {
    const ping = encodeMessage({ t: 'ping', id: i + 1 });
    pingBytes += ping.length + 6;
    const start = performance.now();
    socket.send(encodeMessage({ t: 'move', dx: i % 2 ? 3 : -3, dy: i % 2 ? 1 : -1 }));
    socket.send(ping);
    await next('pong');
    moveRtt.push(performance.now() - start);
  }
  const bytesPerMove = (tcp.bytesWritten - written - pingBytes) / MOVES;

  const clickRtt = [];
  for (let i = 0; i < CLICKS; i++) {
    const start = performance.now();
    socket.send(encodeMessage({ t: 'click', id: 100_000 + i, button: 'left' }));
    await next('ack');
    clickRtt.push(performance.now() - start);
    await new Promise((r) => setTimeout(r, CLICK_GAP_MS));
  }
  socket.close();
  await host.stop();
  await rm(dataDir, { recursive: true, force: true });
  return { executed, bytesPerMove, moveRtt, clickRtt };
}

async function phoneBundle() {
  const assets = join(root, 'mobile-web/dist/assets');
  let raw = 0;
  let gzipped = 0;
  for (const file of await readdir(assets)) {
    if (!file.endsWith('.js')) continue;
    const body = await readFile(join(assets, file));
    raw += body.length;
    gzipped += gzipSync(body, { level: 9 }).length;
  }
  return { raw, gzipped };
}

const x = await withDisplay();
try {
  const echo = await echoBaseline();
  const figures = await hostFigures(x.display);
  const bundle = await phoneBundle();
  const mark = (ok) => (ok ? 'within target' : 'OVER TARGET');
  const rows = [
    ['baseline: bare ws echo round trip, p50 / p99', `${ms(quantile(echo, 0.5))} / ${ms(quantile(echo, 0.99))}`, ''],
    [
      'host-added latency, move (frame received -> XTEST request written), p50 / p99',
      `${ms(quantile(figures.executed.move, 0.5))} / ${ms(quantile(figures.executed.move, 0.99))}`,
      `p99 < 2 ms: ${mark(quantile(figures.executed.move, 0.99) < 2)}`,
    ],
    [
      'host-added latency, click (frame received -> XTEST request written), p50 / p99',
      `${ms(quantile(figures.executed.click, 0.5))} / ${ms(quantile(figures.executed.click, 0.99))}`,
      `p99 < 2 ms: ${mark(quantile(figures.executed.click, 0.99) < 2)}`,
    ],
    [
      'move + ping round trip through the host, p50 / p99',
      `${ms(quantile(figures.moveRtt, 0.5))} / ${ms(quantile(figures.moveRtt, 0.99))}`,
      'compare with the echo',
    ],
    [
      'click -> ack round trip through the host, p50 / p99',
      `${ms(quantile(figures.clickRtt, 0.5))} / ${ms(quantile(figures.clickRtt, 0.99))}`,
      'compare with the echo',
    ],
    [
      'bytes on the wire per pointer move (WebSocket frame)',
      `${figures.bytesPerMove.toFixed(1)} B`,
      `<= 16 B: ${mark(figures.bytesPerMove <= 16)}`,
    ],
    [
      'phone page JavaScript, gzipped (raw)',
      `${(bundle.gzipped / 1024).toFixed(1)} KB (${(bundle.raw / 1024).toFixed(0)} KB)`,
      `< 80 KB: ${mark(bundle.gzipped < 80 * 1024)}`,
    ],
  ];
  console.log(
    `DeskRemote bench: ${MOVES} moves, ${CLICKS} clicks, ${ECHOES} echoes, real driver (nut-js + XTEST) on X display ${x.display}\n`,
  );
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [name, value, target] of rows) console.log(`${name.padEnd(width)}  ${value.padEnd(24)}  ${target}`);
} finally {
  await x.stop();
}
process.exit(0);
