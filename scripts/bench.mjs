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
import { answerChallenge, decodeClient, encodeMessage, FrameChannel, nobleX25519, randomId } from '@deskremote/shared';
import { WebSocket, WebSocketServer } from 'ws';
import { linkFigures, linkRows } from './bench-link.mjs';
import { benchHostOptions, pairBenchPhone } from './bench-phone.mjs';
import { withPortalBackend } from './bench-portal.mjs';
import { previewFigures } from './bench-preview.mjs';
import { showFigures, showRows } from './bench-show.mjs';
import { packageFigures, startFigures } from './bench-start.mjs';
import { textFigures } from './bench-text.mjs';
import { windowsFigures } from './bench-wine.mjs';

const root = join(import.meta.dirname, '..');
const { Host } = await import(join(root, 'desktop/dist/host/host.js'));
const { loadX11Driver } = await import(join(root, 'desktop/dist/host/input/backends/x11/x11-backend.js'));
const { READY } = await import(join(root, 'desktop/dist/host/input/input-availability.js'));
const { nodeX25519 } = await import(join(root, 'desktop/dist/host/session/node-x25519.js'));
const { Authenticator } = await import(join(root, 'desktop/dist/host/pairing/authenticator.js'));
const { PairingToken } = await import(join(root, 'desktop/dist/host/pairing/pairing-token.js'));
const { DeviceStore } = await import(join(root, 'desktop/dist/host/devices/device-store.js'));

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

/** The real X11 driver (nut-js + XTEST) on the display. */
async function x11Input(display) {
  // libnut opens the display named in this process's environment.
  process.env.DISPLAY = display;
  const driver = await loadX11Driver('linux', process.env);
  return async () => ({ availability: READY, driver });
}

async function hostFigures(openInput) {
  const dataDir = await mkdtemp(join(tmpdir(), 'deskremote-bench-'));
  const executed = { move: [], click: [] };
  const host = await Host.start(
    benchHostOptions(dataDir, {
      openInput,
      onExecuted: ({ kind, receivedAt, doneAt }) => executed[kind]?.push(doneAt - receivedAt),
    }),
  );
  await new Promise((r) => setTimeout(r, 20));
  const { socket, send, next } = await pairBenchPhone(host);

  // Moves paced by a ping round trip, so each is injected on its own rather than summed.
  const tcp = socket._socket;
  const written = tcp.bytesWritten;
  let pingBytes = 0;
  const moveRtt = [];
  for (let i = 0; i < MOVES; i++) {
    const start = performance.now();
    send({ t: 'move', dx: i % 2 ? 3 : -3, dy: i % 2 ? 1 : -1 });
    const before = tcp.bytesWritten;
    send({ t: 'ping', id: i + 1 });
    pingBytes += tcp.bytesWritten - before;
    await next('pong');
    moveRtt.push(performance.now() - start);
  }
  const bytesPerMove = (tcp.bytesWritten - written - pingBytes) / MOVES;

  const clickRtt = [];
  for (let i = 0; i < CLICKS; i++) {
    const start = performance.now();
    send({ t: 'click', id: 100_000 + i, button: 'left' });
    await next('ack');
    clickRtt.push(performance.now() - start);
    await new Promise((r) => setTimeout(r, CLICK_GAP_MS));
  }
  socket.close();
  await host.stop();
  await rm(dataDir, { recursive: true, force: true });
  return { executed, bytesPerMove, moveRtt, clickRtt };
}

/** What the phone downloads before it can connect (the page with its boot script, the entry), and in all. */
async function phoneBundle() {
  const dist = join(root, 'mobile-web/dist');
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const gz = async (path) => gzipSync(await readFile(path), { level: 9 }).length;
  const entry = /src="\/(assets\/index-[^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('no entry script in mobile-web/dist/index.html');
  // The page carries the browser check and the early socket inline (mobile-web/boot.js).
  const beforeConnect = (await gz(join(dist, 'index.html'))) + (await gz(join(dist, entry)));
  let all = 0;
  for (const file of await readdir(join(dist, 'assets')))
    if (/\.(js|css)$/.test(file)) all += await gz(join(dist, 'assets', file));
  return { beforeConnect, all };
}

/** The cost of one handshake on each side, and of opening one frame with and without the cipher. */
async function cryptoFigures() {
  const dataDir = await mkdtemp(join(tmpdir(), 'deskremote-bench-'));
  const token = new PairingToken(0);
  const auth = new Authenticator(token, await DeviceStore.open(dataDir), nodeX25519);
  const phone = [];
  const host = [];
  for (let i = 0; i < 200; i++) {
    let start = performance.now();
    const pair = nodeX25519.generate();
    const challenge = {
      t: 'challenge',
      protocol: 2,
      nonce: randomId(24),
      key: Buffer.from(pair.publicKey).toString('base64url'),
    };
    let hostTime = performance.now() - start;
    start = performance.now();
    const answer = answerChallenge(
      challenge,
      { pairingToken: token.current, saved: undefined, deviceName: 'bench', newDeviceId: () => randomId(18) },
      nobleX25519,
    );
    phone.push(performance.now() - start);
    start = performance.now();
    const outcome = auth.verify(answer.message, { nonce: challenge.nonce, publicKey: challenge.key, secretKey: pair.secretKey });
    hostTime += performance.now() - start;
    if (!outcome.ok) throw new Error('bench handshake failed');
    host.push(hostTime);
  }
  token.stop();
  await rm(dataDir, { recursive: true, force: true });
  const key = new Uint8Array(32).fill(9);
  const sealer = new FrameChannel({ plain: decodeClient, sealed: decodeClient });
  const opener = new FrameChannel({ plain: decodeClient, sealed: decodeClient });
  sealer.secure(key, key);
  opener.secure(key, key);
  const open = { move: [], click: [] };
  const plain = { move: [], click: [] };
  const samples = { move: { t: 'move', dx: 3, dy: -1 }, click: { t: 'click', id: 7, button: 'left' } };
  for (let i = 0; i < 5000; i++) {
    for (const kind of ['move', 'click']) {
      const sealed = sealer.encode(samples[kind]);
      let start = performance.now();
      opener.decode(sealed);
      open[kind].push(performance.now() - start);
      const bytes = encodeMessage(samples[kind]);
      start = performance.now();
      decodeClient(bytes);
      plain[kind].push(performance.now() - start);
    }
  }
  return { phone, host, open, plain };
}

const x = await withDisplay();
try {
  const echo = await echoBaseline();
  const figures = await hostFigures(await x11Input(x.display));
  const portal = await withPortalBackend(hostFigures);
  const bundle = await phoneBundle();
  const crypto = await cryptoFigures();
  const link = await linkFigures(x.display);
  const preview = await previewFigures();
  // Its own Xvfb, with the real LibreOffice Impress presenting.
  const show = await showFigures();
  const start = await startFigures();
  const packaged = packageFigures();
  // Last: it starts a window manager on the display.
  const text = await textFigures(x.display);
  // Its own Xvfb and Wine prefix: Windows node.exe and the Win32 recorder (scripts/wine-setup.sh).
  const windows = await windowsFigures();
  const mark = (ok) => (ok ? 'within target' : 'OVER TARGET');
  const p = (values, q) => quantile(values, q);
  const pair = (values) => `${ms(p(values, 0.5))} / ${ms(p(values, 0.99))}`;
  const cipherCost = (kind) => p(crypto.open[kind], 0.99) - p(crypto.plain[kind], 0.99);
  const rows = [
    ['baseline: bare ws echo round trip, p50 / p99', pair(echo), ''],
    [
      'host-added latency, move, encrypted (frame received -> XTEST request written), p50 / p99',
      pair(figures.executed.move),
      `p99 < 2 ms: ${mark(p(figures.executed.move, 0.99) < 2)}`,
    ],
    [
      'host-added latency, click, encrypted (frame received -> XTEST request written), p50 / p99',
      pair(figures.executed.click),
      `p99 < 2 ms: ${mark(p(figures.executed.click, 0.99) < 2)}`,
    ],
    ...(portal.figures
      ? [
          [
            'host-added latency, move, Wayland portal (frame received -> portal answered), p50 / p99',
            pair(portal.figures.executed.move),
            'beside the XTEST move above',
          ],
          [
            'host-added latency, click, Wayland portal (frame received -> portal answered), p50 / p99',
            pair(portal.figures.executed.click),
            'beside the XTEST click above',
          ],
          ['  move + ping round trip through the host, portal, p50 / p99', pair(portal.figures.moveRtt), ''],
          [
            `text "Grüße, 你好" through the portal, one paste (${portal.text.tool}), p50 / max`,
            `${ms(p(portal.text.paste, 0.5))} / ${ms(Math.max(...portal.text.paste))}`,
            `baseline "Gruesse, ok" as keysyms: ${ms(p(portal.text.keysyms, 0.5))} / ${ms(Math.max(...portal.text.keysyms))}`,
          ],
        ]
      : [['Wayland portal path', 'not measured', portal.skipped]]),
    ['  of which: open + decode a move frame, p50 / p99', pair(crypto.open.move), ''],
    [
      '  the same without encryption (decode only), p50 / p99',
      pair(crypto.plain.move),
      `cipher adds ${ms(cipherCost('move'))} at p99: < 0.2 ms ${mark(cipherCost('move') < 0.2)}`,
    ],
    ['  of which: open + decode a click frame, p50 / p99', pair(crypto.open.click), ''],
    [
      '  the same without encryption (decode only), p50 / p99',
      pair(crypto.plain.click),
      `cipher adds ${ms(cipherCost('click'))} at p99: < 0.2 ms ${mark(cipherCost('click') < 0.2)}`,
    ],
    ['move + ping round trip through the host, p50 / p99', pair(figures.moveRtt), 'compare with the echo'],
    ['click -> ack round trip through the host, p50 / p99', pair(figures.clickRtt), 'compare with the echo'],
    [
      'bytes on the wire per pointer move (WebSocket frame, encrypted)',
      `${figures.bytesPerMove.toFixed(1)} B`,
      '5 B move + 16 B Poly1305 tag + 6 B WebSocket header',
    ],
    ['handshake, phone side (X25519 in pure JS, proof, keys), p50 / p99', pair(crypto.phone), ''],
    ['handshake, host side (native X25519 key pair + verify + keys), p50 / p99', pair(crypto.host), ''],
    [
      'phone page JavaScript before it can connect, gzipped (page with its boot script + entry)',
      `${(bundle.beforeConnect / 1024).toFixed(1)} KB`,
      `<= 90 KB: ${mark(bundle.beforeConnect <= 90 * 1024)}`,
    ],
    ['phone page, everything incl. the interface and styles, gzipped', `${(bundle.all / 1024).toFixed(1)} KB`, ''],
    ...linkRows(link),
    ...showRows(show),
    [
      'exact text: 2,000 mixed characters into a GTK window (openbox running), chars/s',
      `${text.charsPerSecond.toFixed(0)} /s, ${text.wrong} wrong`,
      `>= 300/s and 0 wrong: ${mark(text.charsPerSecond >= 300 && text.wrong === 0)}`,
    ],
    ['  window manager CPU time while typing them', `${text.wmCpuMs.toFixed(0)} ms`, 'what the rest of the desktop pays'],
    ['  host-side key press (driver call -> X processed it), p99', ms(text.keyP99Ms), ''],
    ...(windows.skipped
      ? [['Windows under Wine', 'not measured', windows.skipped]]
      : [
          [
            'exact text under Wine: 2,000 mixed characters into a Win32 window (SendInput), chars/s as received',
            `${windows.charsPerSecond.toFixed(0)} /s, ${windows.wrong} wrong`,
            `>= 300/s and 0 wrong: ${mark(windows.charsPerSecond >= 300 && windows.wrong === 0)}`,
          ],
          [
            'host-added latency, move, win32 backend under Wine (frame received -> libnut moved), p50 / p99',
            `${ms(windows.move.p50)} / ${ms(windows.move.p99)}`,
            `baseline, SetCursorPos alone under Wine: ${ms(windows.setCursorPos.p50)} / ${ms(windows.setCursorPos.p99)}`,
          ],
        ]),
    [
      'baseline: grab the 1920x1080 screen through MIT-SHM alone, p50 / p99',
      `${ms(preview.grabOnly.p50)} / ${ms(preview.grabOnly.p99)}`,
      '',
    ],
    [
      'preview: grab + shrink + JPEG at 1920x1080 -> 480 px, p50 / p99',
      `${ms(preview.grabEncode.p50)} / ${ms(preview.grabEncode.p99)}`,
      `p50 < 30 ms: ${mark(preview.grabEncode.p50 < 30)}`,
    ],
    ['  bytes a frame (a slide-like page)', `${(preview.bytesPerFrame / 1024).toFixed(1)} KB`, ''],
    ['  frames a second reached by a phone pulling through the host', `${preview.fps.toFixed(1)} /s`, '5 /s offered'],
    [
      '  host CPU while one phone watches (incl. that phone decrypting), % of one core',
      `${preview.watchingCpu.toFixed(1)} %`,
      `< 15 %: ${mark(preview.watchingCpu < 15)}; idle: ${preview.idleCpu.toFixed(1)} %`,
    ],
    [
      `warm npm start (nothing changed) -> QR code in the terminal, median / max of ${start.warm.length}`,
      `${ms(p(start.warm, 0.5))} / ${ms(Math.max(...start.warm))}`,
      `< 3 s: ${mark(p(start.warm, 0.5) < 3000)}; baseline, the old build-then-start: ${ms(start.rebuild)}`,
    ],
    [
      'packaged Linux app (electron-builder --linux dir): app.asar / unpacked natives',
      `${(packaged.asar / 2 ** 20).toFixed(1)} / ${(packaged.unpacked / 2 ** 20).toFixed(1)} MB`,
      `before this packaging config: 22 / 24 MB; phone page ${(packaged.phone / 1024).toFixed(0)} KB; packaged in ${packaged.seconds.toFixed(1)} s`,
    ],
  ];
  console.log(
    `DeskRemote bench: ${MOVES} moves, ${CLICKS} clicks, ${ECHOES} echoes, real driver (nut-js + XTEST) on X display ${x.display}\n`,
  );
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [name, value, target] of rows) console.log(`${name.padEnd(width)}  ${value.padEnd(22)}  ${target}`);
} finally {
  await x.stop();
}
process.exit(0);
