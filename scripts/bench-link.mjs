// The link as a phone lives it, for `npm run bench` (or `node scripts/bench-link.mjs` alone, after a build):
// - a first visit (the QR URL, a new pairing; the host as a user starts it with --approve-all) and a reload (a
//   paired phone, resuming): navigation -> socket open -> welcome -> the page usable (its status shows
//   connected), beside a bare page measured in the same run: one small script that opens a WebSocket and
//   shows "connected" after one round trip, no crypto, no framework (the floor for any page on this machine);
// - a frozen host (SIGSTOP) -> the page says the computer is not answering;
// - the host listening again after a stop -> the page connected;
// - the heartbeat's bytes per second for an idle phone, both ways, counted on the TCP stream through a proxy
//   (WebSocket frames with their headers and masks; TCP/IP headers not included).
// The host is the real CLI (desktop/dist/cli.js) in a process of its own, on an X display for its input; the
// phone is Debian's Chromium with a phone profile on http://deskremote.test:PORT (mapped to loopback), which
// is not a secure context, as on a real phone. Bounded: fixed counts, every wait with a limit.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { connect, createServer as createTcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, devices } from 'playwright-core';
import { WebSocketServer } from 'ws';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const root = join(import.meta.dirname, '..');
const NAME = 'deskremote.test';
/** The same host through the byte-counting proxy, on another loopback address (the host listens on 127.0.0.1 only). */
const PROXY_NAME = 'proxy.deskremote.test';
const PROXY_ADDRESS = '127.0.0.2';
const VISITS = 7;
const FREEZES = 3;
const RESTARTS = 3;
const IDLE_SETTLE_MS = 2000;
const IDLE_COUNT_MS = 10_000;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Milliseconds since the epoch with sub-millisecond precision, comparable with the page's. */
const epoch = () => performance.timeOrigin + performance.now();

/** The real headless host, started as a user would, with its QR code in the terminal (bench-show.mjs too). */
export function startHost({ display, dataDir, port = 0 }) {
  const child = spawn(
    process.execPath,
    [
      join(root, 'desktop/dist/cli.js'),
      ...['--bind', '127.0.0.1', '--name', NAME, '--name', PROXY_NAME],
      ...['--port', String(port), '--data-dir', dataDir, '--approve-all'],
    ],
    { cwd: root, env: { ...process.env, DISPLAY: display, WAYLAND_DISPLAY: '' }, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk) => {
    output += chunk.toString();
  });
  const host = {
    child,
    /** The pairing URL the terminal shows now (a new one after each pairing). */
    url: () => [...output.matchAll(/Pairing URL: (\S+)/g)].at(-1)?.[1],
    async nextUrl(after, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const url = host.url();
        if (url && url !== after) return url;
        if (child.exitCode !== null) throw new Error(`the host exited:\n${output}`);
        if (Date.now() > until) throw new Error(`no new pairing URL in ${timeoutMs} ms:\n${output}`);
        await sleep(10);
      }
    },
    port: async () => Number(new URL(await host.nextUrl(undefined)).port),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
  return host;
}

/** When a TCP connection to the port first succeeds (polled every 5 ms), as the epoch. */
async function listening(port, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const at = await new Promise((resolve) => {
      const socket = connect({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(epoch());
      });
      socket.on('error', () => resolve(undefined));
    });
    if (at !== undefined) return at;
    await sleep(5);
  }
  throw new Error(`nothing listened on ${port} within ${timeoutMs} ms`);
}

/**
 * Runs in every page before its own scripts: when each socket opened and received, when the status first
 * showed connected and when "not answering" appeared, as the epoch; on the page's clock as well, for the
 * times after navigation.
 */
function recorder() {
  const marks = [];
  window.__bench = marks;
  const mark = (name) => marks.push({ name, at: performance.now(), epoch: performance.timeOrigin + performance.now() });
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('open', () => mark('open'));
      this.addEventListener('message', () => mark('message'));
    }
  };
  const seen = { connected: false, quiet: false };
  new MutationObserver(() => {
    const connected = document.querySelector('[data-testid=status] .dot-on') !== null;
    const quiet = document.querySelector('[data-testid=not-answering]') !== null;
    if (connected !== seen.connected) mark(connected ? 'connected' : 'disconnected');
    if (quiet !== seen.quiet) mark(quiet ? 'quiet' : 'answering');
    Object.assign(seen, { connected, quiet });
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

const marksOf = (page) => page.evaluate(() => window.__bench ?? []);

/** Waits (bounded) until the page has recorded a mark `name` after `since` (epoch). */
async function markAfter(page, name, since, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const mark = (await marksOf(page)).find((m) => m.name === name && m.epoch >= since);
    if (mark) return mark;
    if (Date.now() > until) {
      const status = await page.evaluate(
        () => document.querySelector('[data-testid=status]')?.textContent ?? document.body?.innerText,
      );
      throw new Error(`the page showed no "${name}" within ${timeoutMs} ms (${page.url()}: "${status}")`);
    }
    await sleep(20);
  }
}

/**
 * One page load: navigation -> the socket open -> the welcome (its second frame) -> shown connected. The
 * socket's times are the network's (DevTools' Network events, when Chromium had the handshake's answer and
 * the frame), not when the page's busy main thread got round to its events; the last is the page's own.
 */
async function visit(phone, go) {
  const network = [];
  phone.cdpEvents = network;
  await go();
  await markAfter(phone.page, 'connected', 0);
  const marks = await marksOf(phone.page);
  const origin = await phone.page.evaluate(() => performance.timeOrigin);
  const document = network.find((e) => e.method === 'Network.requestWillBeSent' && e.params.type === 'Document');
  if (!document) throw new Error('no navigation request seen');
  // DevTools' clock to the epoch, from the navigation's request, which carries both.
  const offset = document.params.wallTime * 1000 - document.params.timestamp * 1000;
  const after = (event) => (event ? event.params.timestamp * 1000 + offset - origin : Number.NaN);
  const open = network.find((e) => e.method === 'Network.webSocketHandshakeResponseReceived');
  const frames = network.filter(
    (e) => e.method === 'Network.webSocketFrameReceived' && e.params.requestId === open?.params.requestId,
  );
  if (process.env.BENCH_DEBUG) console.log(marks.map((m) => `${m.name} ${m.at.toFixed(1)}`).join(', '));
  return { open: after(open), welcome: after(frames[1]), usable: marks.find((m) => m.name === 'connected')?.at };
}

/** The floor: a bare page that opens a WebSocket from one small script and shows "connected" after one round trip. */
async function bareServer() {
  const script = `(function () {
  var socket = new WebSocket('ws://' + location.host + '/ws');
  socket.onmessage = function (event) {
    if (event.data === 'challenge') socket.send('answer');
    else document.getElementById('status').innerHTML = '<span class="dot-on"></span> Connected';
  };
})();`;
  const page = `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>bare</title><script defer src="/app.js"></script></head><body><div id="status" data-testid="status">Connecting</div></body></html>`;
  const server = createHttpServer((request, response) => {
    const js = request.url?.startsWith('/app.js');
    response.writeHead(200, { 'Content-Type': js ? 'text/javascript' : 'text/html', 'Cache-Control': 'no-cache' });
    response.end(js ? script : page);
  });
  const wss = new WebSocketServer({ server, path: '/ws' });
  wss.on('connection', (socket) => {
    socket.send('challenge');
    socket.on('message', () => socket.send('welcome'));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://${NAME}:${server.address().port}/`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
    wss,
  };
}

/**
 * A TCP proxy from PROXY_ADDRESS:port to the host on 127.0.0.1:port that counts the WebSocket connections'
 * bytes and frames each way (frame headers parsed as they pass; a byte is counted when it passes).
 */
async function countingProxy(port) {
  const counts = [];
  const server = createTcpServer((client) => {
    const upstream = connect({ host: '127.0.0.1', port });
    const count = { websocket: false, c2s: { bytes: 0, frames: 0 }, s2c: { bytes: 0, frames: 0 } };
    counts.push(count);
    const frames = (direction) => {
      let pending = Buffer.alloc(0);
      let upgraded = false;
      return (chunk) => {
        count[direction].bytes += chunk.length;
        if (!count.websocket && direction === 'c2s' && chunk.subarray(0, 8).toString('latin1') === 'GET /ws ')
          count.websocket = true;
        if (!count.websocket) return;
        pending = Buffer.concat([pending, chunk]);
        if (!upgraded) {
          const end = pending.indexOf('\r\n\r\n');
          if (end < 0) return;
          pending = pending.subarray(end + 4);
          upgraded = true;
        }
        // RFC 6455 frame headers: 2 bytes, 2 or 8 bytes of extended length, 4 bytes of mask from the client.
        for (;;) {
          if (pending.length < 2) return;
          const short = pending[1] & 0x7f;
          const lengthBytes = short === 126 ? 2 : short === 127 ? 8 : 0;
          const maskBytes = pending[1] & 0x80 ? 4 : 0;
          const head = 2 + lengthBytes + maskBytes;
          if (pending.length < head) return;
          const length = short === 126 ? pending.readUInt16BE(2) : short === 127 ? Number(pending.readBigUInt64BE(2)) : short;
          if (pending.length < head + length) return;
          count[direction].frames++;
          pending = pending.subarray(head + length);
        }
      };
    };
    const up = frames('c2s');
    const down = frames('s2c');
    client.on('data', (chunk) => {
      up(chunk);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      down(chunk);
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, PROXY_ADDRESS, resolve);
  });
  return {
    /** The WebSocket connections' totals so far. */
    totals: () =>
      counts
        .filter((c) => c.websocket)
        .reduce(
          (sum, c) => ({
            c2s: { bytes: sum.c2s.bytes + c.c2s.bytes, frames: sum.c2s.frames + c.c2s.frames },
            s2c: { bytes: sum.s2c.bytes + c.s2c.bytes, frames: sum.s2c.frames + c.s2c.frames },
          }),
          { c2s: { bytes: 0, frames: 0 }, s2c: { bytes: 0, frames: 0 } },
        ),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function newPhone(browser, cpuRate = 1) {
  const context = await browser.newContext({ ...devices['Pixel 7'] });
  await context.addInitScript(recorder);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const phone = { context, page, cdpEvents: [] };
  for (const method of [
    'Network.requestWillBeSent',
    'Network.webSocketHandshakeResponseReceived',
    'Network.webSocketFrameReceived',
  ])
    cdp.on(method, (params) => phone.cdpEvents.push({ method, params }));
  await cdp.send('Network.enable');
  if (cpuRate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
  return phone;
}

/** First visits and reloads, DeskRemote's and the bare page's interleaved (the machine is shared and noisy). */
async function visits(browser, host, bare, cpuRate = 1, count = VISITS) {
  const result = { bare: [], bareReload: [], first: [], reload: [] };
  let lastUrl;
  for (let i = 0; i < count; i++) {
    const phone = await newPhone(browser, cpuRate);
    lastUrl = await host.nextUrl(lastUrl);
    const url = lastUrl;
    const first = await visit(phone, () => phone.page.goto(url));
    const reload = await visit(phone, () => phone.page.reload());
    await phone.context.close();
    const barePhone = await newPhone(browser, cpuRate);
    const bareFirst = await visit(barePhone, () => barePhone.page.goto(bare.url));
    const bareReload = await visit(barePhone, () => barePhone.page.reload());
    await barePhone.context.close();
    // The first round warms the host's and the browser's caches: not counted.
    if (i === 0) continue;
    result.first.push(first);
    result.reload.push(reload);
    result.bare.push(bareFirst);
    result.bareReload.push(bareReload);
  }
  return result;
}

/** SIGSTOP the host with a phone connected: how soon the page says the computer is not answering. */
async function freezes(browser, host) {
  const phone = await newPhone(browser);
  await visit(phone, async () => phone.page.goto(await host.nextUrl(undefined)));
  const shown = [];
  const back = [];
  for (let i = 0; i < FREEZES; i++) {
    await sleep(1500);
    const stoppedAt = epoch();
    host.child.kill('SIGSTOP');
    let quiet;
    try {
      quiet = await markAfter(phone.page, 'quiet', stoppedAt, 5000);
      const text = await phone.page.getByTestId('status').textContent();
      if (!text?.includes('is not answering')) throw new Error(`the status said "${text}" while the host was stopped`);
    } finally {
      host.child.kill('SIGCONT');
    }
    const continuedAt = epoch();
    shown.push(quiet.epoch - stoppedAt);
    back.push((await markAfter(phone.page, 'answering', continuedAt, 5000)).epoch - continuedAt);
  }
  await phone.context.close();
  return { shown, back };
}

/** The host stopped, then started again on the same port and data folder: listening -> the page connected. */
async function restarts(browser, host, display, dataDir, port) {
  const phone = await newPhone(browser);
  await visit(phone, async () => phone.page.goto(await host.nextUrl(undefined)));
  const usable = [];
  let running = host;
  for (let i = 0; i < RESTARTS; i++) {
    const stoppedAt = epoch();
    await running.stop();
    await markAfter(phone.page, 'disconnected', stoppedAt, 5000);
    // Away long enough to be looking for the computer (it knocks every half second).
    await sleep(2000);
    running = startHost({ display, dataDir, port });
    const listeningAt = await listening(port);
    const connected = await markAfter(phone.page, 'connected', listeningAt, 10_000);
    usable.push(connected.epoch - listeningAt);
    await running.nextUrl(undefined);
  }
  await phone.context.close();
  return { usable, host: running };
}

/** An idle phone connected through the counting proxy: the heartbeat's bytes and frames a second, each way. */
async function heartbeat(browser, host, port) {
  const proxy = await countingProxy(port);
  try {
    const phone = await newPhone(browser);
    const url = (await host.nextUrl(undefined)).replace(`//${NAME}:`, `//${PROXY_NAME}:`);
    await visit(phone, () => phone.page.goto(url));
    await sleep(IDLE_SETTLE_MS);
    const before = proxy.totals();
    const started = performance.now();
    await sleep(IDLE_COUNT_MS);
    const after = proxy.totals();
    const seconds = (performance.now() - started) / 1000;
    await phone.context.close();
    const rate = (direction) => ({
      bytes: (after[direction].bytes - before[direction].bytes) / seconds,
      frames: (after[direction].frames - before[direction].frames) / seconds,
    });
    return { c2s: rate('c2s'), s2c: rate('s2c') };
  } finally {
    await proxy.stop();
  }
}

export async function linkFigures(display) {
  const dataDir = mkdtempSync(join(tmpdir(), 'deskremote-bench-link-'));
  const bare = await bareServer();
  let host = startHost({ display, dataDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${NAME} 127.0.0.1, MAP ${PROXY_NAME} ${PROXY_ADDRESS}`],
  });
  try {
    const port = await host.port();
    const normal = await visits(browser, host, bare);
    const slow = await visits(browser, host, bare, 4, 4);
    const frozen = await freezes(browser, host);
    const idle = await heartbeat(browser, host, port);
    const restarted = await restarts(browser, host, display, dataDir, port);
    host = restarted.host;
    return { normal, slow, frozen, idle, restarted: restarted.usable };
  } finally {
    await browser.close();
    await host.stop();
    await bare.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(0)} ms`;
const medianMax = (values) => `${ms(median(values))} / ${ms(Math.max(...values))}`;
const steps = (runs) =>
  `${ms(median(runs.map((r) => r.open)))} / ${ms(median(runs.map((r) => r.welcome)))} / ${ms(median(runs.map((r) => r.usable)))}`;

/** The rows bench.mjs prints: [what, figure, target or baseline]. */
export function linkRows(figures) {
  const { normal, slow, frozen, idle, restarted } = figures;
  const mark = (ok) => (ok ? 'within target' : 'OVER TARGET');
  const usable = (runs) => median(runs.map((r) => r.usable));
  const n = normal.first.length;
  return [
    [
      `baseline: bare page (one round trip), after navigation: open / answer / shown, median of ${n}`,
      steps(normal.bare),
      `reload: ${steps(normal.bareReload)}`,
    ],
    [
      `first visit (QR, pairing), after navigation: socket open / welcome / usable, median of ${n}`,
      steps(normal.first),
      `usable < 400 ms: ${mark(usable(normal.first) < 400)}; ${(usable(normal.first) / usable(normal.bare)).toFixed(2)}x the bare page (issue 17 asks 1x)`,
    ],
    [
      `reload (paired phone resuming), after navigation: socket open / welcome / usable, median of ${n}`,
      steps(normal.reload),
      `usable < 100 ms: ${mark(usable(normal.reload) < 100)}; ${(usable(normal.reload) / usable(normal.bareReload)).toFixed(2)}x the bare page's reload`,
    ],
    [
      `  the same, CPU slowed 4x: first visit / reload usable, median of ${slow.first.length}`,
      `${ms(usable(slow.first))} / ${ms(usable(slow.reload))}`,
      `first < 1.5 s: ${mark(usable(slow.first) < 1500)}; bare page ${ms(usable(slow.bare))} / ${ms(usable(slow.bareReload))}`,
    ],
    [
      `host frozen (SIGSTOP) -> the page says "not answering", median / max of ${frozen.shown.length}`,
      medianMax(frozen.shown),
      `< 1.5 s: ${mark(Math.max(...frozen.shown) < 1500)}; after SIGCONT answering again in ${medianMax(frozen.back)}`,
    ],
    [
      `host listening again after a stop -> the page connected, median / max of ${restarted.length}`,
      medianMax(restarted),
      `< 1 s: ${mark(Math.max(...restarted) < 1000)}`,
    ],
    [
      'heartbeat of an idle phone, phone -> host / host -> phone (WebSocket frames with their headers)',
      `${idle.c2s.bytes.toFixed(0)} / ${idle.s2c.bytes.toFixed(0)} B/s`,
      `${idle.c2s.frames.toFixed(1)} / ${idle.s2c.frames.toFixed(1)} frames a second`,
    ],
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const display = process.env.DISPLAY;
  if (!display) throw new Error('set DISPLAY to an X display (Xvfb) for the host');
  const rows = linkRows(await linkFigures(display));
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [name, value, target] of rows) console.log(`${name.padEnd(width)}  ${value.padEnd(22)}  ${target}`);
  process.exit(0);
}
