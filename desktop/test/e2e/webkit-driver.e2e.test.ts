/**
 * The WebKitGTK phone driver against a real page: MiniBrowser under WebKitWebDriver on a private Xvfb,
 * a page from a loopback http server, real clicks and keys, a WebSocket back to the same server.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { WebKitPhone } from './support/webkit-phone.js';
import { startXvfb, type XDisplay } from './support/xvfb.js';

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>WebKit smoke</title>
<style>
  body { font: 18px sans-serif; margin: 16px; background: #f4f1ea; }
  button, input, #out { display: block; box-sizing: border-box; width: 100%; font-size: 22px; padding: 10px; margin: 10px 0; }
  #out { background: #dde8ff; border-radius: 8px; }
</style>
</head>
<body>
<h1>DeskRemote · WebKit</h1>
<button id="go" type="button">Press me</button>
<div id="out">idle</div>
<input id="text" autocomplete="off" placeholder="type here">
<script>
  window.seen = [];
  let presses = 0;
  const go = document.getElementById('go');
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
    go.addEventListener(type, () => window.seen.push(type));
  }
  go.addEventListener('click', (event) => {
    presses += 1;
    document.getElementById('out').textContent = 'pressed ' + presses + (event.isTrusted ? ' (trusted)' : ' (synthetic)');
  });
</script>
</body>
</html>`;

let x: XDisplay;
let server: Server;
let wss: WebSocketServer;
let origin: string;
let phone: WebKitPhone;

beforeAll(async () => {
  x = await startXvfb(1280, 1024);
  server = createServer((request, response) => {
    if (request.url !== '/') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(PAGE);
  });
  wss = new WebSocketServer({ server });
  wss.on('connection', (socket) => socket.on('message', (data) => socket.send(`echo:${data.toString()}`)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const started = performance.now();
  phone = await WebKitPhone.open(`${origin}/`, { display: x.display });
  const openMs = Math.round(performance.now() - started);
  console.log(`WebKitGTK ${phone.browserVersion}: driver + session + window + page in ${openMs} ms`);
});

afterAll(async () => {
  await phone?.close();
  for (const client of wss?.clients ?? []) client.terminate();
  wss?.close();
  if (server) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await x?.stop();
});

/** Live (non-zombie) processes in a process group, by command name. */
function groupMembers(pgid: number): string[] {
  const names: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(group) === pgid && state !== 'Z') names.push(name);
    } catch {
      // the process ended while we looked
    }
  }
  return names;
}

/** Live WebKit processes (driver, MiniBrowser, helpers) started for `display`, by command name. */
function webkitProcessesOn(display: string): string[] {
  const names: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
      if (state === 'Z' || !/WebKit|MiniBrowser/.test(name)) continue;
      if (readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(`DISPLAY=${display}`)) names.push(name);
    } catch {
      // ended while we looked
    }
  }
  return names.sort();
}

/** A loopback port nobody listens on (free a moment ago). */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describe('WebKitPhone (WebKitGTK MiniBrowser over WebKitWebDriver)', () => {
  it('is Safari’s engine, not Chromium, on the page it was sent to', async () => {
    const ua = await phone.userAgent();
    expect(ua).toContain('AppleWebKit');
    expect(ua).toContain('Safari');
    expect(ua).not.toContain('Chrome');
    expect(await phone.evaluate<string>('return location.href;')).toBe(`${origin}/`);
    expect(phone.browserVersion).toMatch(/^2\.\d+\.\d+$/);
    expect(await phone.evaluate<string>('return document.title;')).toBe('WebKit smoke');
  });

  it('has a phone-sized window (MiniBrowser’s toolbar keeps it at least ~447 px wide)', async () => {
    const [width, height] = await phone.evaluate<[number, number]>('return [innerWidth, innerHeight];');
    expect(width).toBeGreaterThanOrEqual(412);
    expect(width).toBeLessThan(480);
    expect(height).toBeGreaterThan(780);
    expect(height).toBeLessThanOrEqual(860);
  });

  it('clicks a button with real, trusted pointer and mouse events', async () => {
    await phone.click('#go');
    await phone.waitFor("document.getElementById('out').textContent === 'pressed 1 (trusted)'", 5_000);
    expect(await phone.evaluate<string[]>('return window.seen;')).toEqual([
      'pointerdown',
      'mousedown',
      'pointerup',
      'mouseup',
      'click',
    ]);
    await phone.click('#go');
    await phone.waitFor("document.getElementById('out').textContent === 'pressed 2 (trusted)'", 5_000);
  });

  it('types into an input, non-ASCII included, and the page reads it back', async () => {
    await phone.typeInto('#text', 'café 你好 ok');
    expect(await phone.evaluate<string>("return document.getElementById('text').value;")).toBe('café 你好 ok');
    expect(await phone.evaluate<string>('return document.activeElement.id;')).toBe('text');
  });

  it('passes arguments to scripts and awaits returned promises', async () => {
    expect(await phone.evaluate<number>('return arguments[0] + arguments[1].n;', 40, { n: 2 })).toBe(42);
    expect(
      await phone.evaluate<string>('return new Promise((resolve) => setTimeout(() => resolve(arguments[0]), 50));', 'late'),
    ).toBe('late');
  });

  it('reports WebDriver errors with the driver’s message', async () => {
    await expect(phone.click('#missing')).rejects.toThrow(/no such element.*#missing/);
    await expect(phone.evaluate("throw new Error('boom');")).rejects.toThrow(/javascript error.*boom/);
    await expect(phone.waitFor('window.neverSet === true', 300)).rejects.toThrow(/not truthy within 300 ms/);
  });

  it('takes a PNG screenshot of the page', async () => {
    const png = await phone.screenshot('test-results/webkit-smoke.png');
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBe(await phone.evaluate<number>('return innerWidth;'));
    expect(height).toBe(await phone.evaluate<number>('return innerHeight;'));
    console.log(`WebKitGTK screenshot ${width}x${height}: test-results/webkit-smoke.png`);
  });

  it('treats http://127.0.0.1 as a secure context, with crypto.subtle', async () => {
    expect(await phone.evaluate<boolean>('return window.isSecureContext;')).toBe(true);
    expect(await phone.evaluate<string>('return typeof crypto.subtle?.digest;')).toBe('function');
  });

  it('opens a WebSocket to ws://127.0.0.1 and gets the echo back', async () => {
    const reply = await phone.evaluate<string>(
      `return new Promise((resolve) => {
        const ws = new WebSocket(arguments[0]);
        const timer = setTimeout(() => resolve('timeout'), 5000);
        ws.onopen = () => ws.send('ping café');
        ws.onmessage = (event) => { clearTimeout(timer); ws.close(); resolve(String(event.data)); };
        ws.onerror = () => { clearTimeout(timer); resolve('error'); };
      });`,
      origin.replace('http:', 'ws:'),
    );
    expect(reply).toBe('echo:ping café');
  });

  it('has the modern built-ins the phone page relies on', async () => {
    expect(await phone.evaluate<string>('return typeof Object.hasOwn;')).toBe('function');
    expect(await phone.evaluate<string>('return typeof structuredClone;')).toBe('function');
    expect(
      await phone.evaluate<boolean>("return typeof TextEncoder === 'function' && typeof AbortController === 'function';"),
    ).toBe(true);
  });

  it('fails to open a page whose server is down, and the failed open leaves no process behind', async () => {
    const before = webkitProcessesOn(x.display);
    expect(before).toEqual(expect.arrayContaining(['MiniBrowser', 'WebKitWebDriver']));
    const url = `http://127.0.0.1:${await closedPort()}/`;
    await expect(WebKitPhone.open(url, { display: x.display })).rejects.toThrow(
      /did not load: Could not connect to 127\.0\.0\.1: Connection refused/,
    );
    expect(webkitProcessesOn(x.display)).toEqual(before);
  });

  it('close() ends the session and leaves no driver, browser or WebKit process behind', async () => {
    const group = phone.processGroup!;
    const before = groupMembers(group);
    expect(before).toEqual(expect.arrayContaining(['WebKitWebDriver', 'MiniBrowser']));
    expect(before.some((name) => name.startsWith('WebKitWebProces'))).toBe(true);
    expect(before.some((name) => name.startsWith('WebKitNetworkPr'))).toBe(true);
    await phone.close();
    expect(groupMembers(group)).toEqual([]);
    await expect(phone.userAgent()).rejects.toThrow(/no session/);
    await phone.close(); // twice is fine
  });
});
