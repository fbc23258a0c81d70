#!/usr/bin/env node
// Windows figures for npm run bench, under Wine (prepared by scripts/wine-setup.sh): 2,000 mixed characters
// typed by the win32 driver (SendInput, KEYEVENTF_UNICODE) into the Win32 recorder window, counted as the
// window received them (characters a second, wrong characters); and the host-added latency of a pointer
// move on the win32 backend (frame received -> libnut's move returned), the real host on Windows node.exe.
//
// The part that must run as Windows code is this same file run by Windows node.exe with --inside-wine; it
// writes its figures to a file (node.exe under Wine dies with EBADF when its stdio is a Unix pipe). Run
// alone on Linux, it prints the figures. Every wait is bounded.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mixedText, textChunks } from '../desktop/test/e2e/support/mixed-text.mjs';
import { benchHostOptions, pairBenchPhone } from './bench-phone.mjs';

const root = join(import.meta.dirname, '..');
const WINE_DIR = join(root, '.ci', '.wine');
const MOVES = 1000;
const TEXT_CHARS = 2000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const winePath = (path) => `Z:${resolve(path).replaceAll('/', '\\')}`;

/** Polls `probe` until it returns something; throws after `timeoutMs`. */
async function until(what, probe, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(20);
  }
}

// ---- inside Wine (Windows node.exe)

/** Types the text through the win32 driver, then times host-added move latency with a paired client. */
async function insideWine(resultFile) {
  const fileUrl = (path) => pathToFileURL(join(root, path)).href;
  const { loadNutDriver } = await import(fileUrl('desktop/dist/host/input/backends/nut/nut-driver.js'));
  const driver = await loadNutDriver('win32');
  const text = mixedText(TEXT_CHARS);
  const typingStartedAt = Date.now();
  for (const chunk of textChunks(text)) await driver.typeText(chunk);
  const typingCallsMs = Date.now() - typingStartedAt;

  const { Host } = await import(fileUrl('desktop/dist/host/host.js'));
  const { READY } = await import(fileUrl('desktop/dist/host/input/input-availability.js'));
  const dataDir = mkdtempSync(join(tmpdir(), 'deskremote-bench-wine-'));
  const executed = [];
  const host = await Host.start(
    benchHostOptions(dataDir, {
      openInput: async () => ({ availability: READY, driver }),
      onExecuted: ({ kind, receivedAt, doneAt }) => kind === 'move' && executed.push(doneAt - receivedAt),
    }),
  );
  const phone = await pairBenchPhone(host);
  // Moves paced by a ping round trip, so each is injected on its own rather than summed.
  for (let i = 0; i < MOVES; i++) {
    phone.send({ t: 'move', dx: i % 2 ? 3 : -3, dy: i % 2 ? 1 : -1 });
    phone.send({ t: 'ping', id: i + 1 });
    await phone.next('pong');
  }
  phone.close();
  await host.stop();
  rmSync(dataDir, { recursive: true, force: true });
  // Baseline in the same process: user32's SetCursorPos alone (what moving the pointer costs under Wine).
  const koffi = (await import('koffi')).default;
  const SetCursorPos = koffi.load('user32.dll').func('__stdcall', 'SetCursorPos', 'int', ['int', 'int']);
  const bare = [];
  for (let i = 0; i < MOVES; i++) {
    const start = performance.now();
    SetCursorPos(i % 2 ? 600 : 603, i % 2 ? 400 : 401);
    bare.push(performance.now() - start);
  }
  writeFileSync(resultFile, JSON.stringify({ typingStartedAt, typingCallsMs, moves: executed, bare }));
}

// ---- on Linux

const quantile = (values, q) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;

/** Starts a private Xvfb; resolves with its display and a stop function. */
async function startXvfb() {
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x720x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const number = await new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error('Xvfb did not start in 15 s')), 15_000);
    child.on('error', () => fail(new Error('Xvfb is needed: apt-get install -y xvfb')));
    child.stdio[3].once('data', (chunk) => {
      clearTimeout(timer);
      done(chunk.toString().trim());
    });
  });
  return { display: `:${number}`, stop: () => child.kill('SIGTERM') };
}

/**
 * The Windows figures, or `{ skipped }` saying why not (no Wine setup). The recorder's WM_CHAR units are the
 * text the window got; characters a second count from the first driver call to the last character received.
 */
export async function windowsFigures() {
  const nodeExe = join(WINE_DIR, 'node', 'bin', 'node.exe');
  const recorderExe = join(WINE_DIR, 'recorder.exe');
  if (!existsSync(join(WINE_DIR, 'ready')) || !existsSync(nodeExe) || !existsSync(recorderExe)) {
    return { skipped: 'no Wine setup: run scripts/wine-setup.sh' };
  }
  const dir = mkdtempSync(join(tmpdir(), 'deskremote-bench-wine-'));
  const x = await startXvfb();
  const env = {
    ...process.env,
    WINEPREFIX: join(WINE_DIR, 'prefix'),
    WINEDEBUG: '-all',
    WINEDLLOVERRIDES: 'mscoree,mshtml=',
    DISPLAY: x.display,
    WAYLAND_DISPLAY: '',
  };
  const children = [];
  try {
    const recorderLog = join(dir, 'recorder.log');
    children.push(spawn('wine', [recorderExe, winePath(recorderLog)], { env, stdio: 'ignore' }));
    const readLog = () => (existsSync(recorderLog) ? readFileSync(recorderLog, 'utf8') : '');
    await until('the recorder window', () => (/^ready /m.test(readLog()) ? true : undefined), 30_000);
    const resultFile = join(dir, 'result.json');
    const out = openSync(join(dir, 'inside.log'), 'w');
    const inside = spawn('wine', [nodeExe, winePath(import.meta.filename), '--inside-wine', winePath(resultFile)], {
      cwd: root,
      env,
      stdio: ['ignore', out, out],
    });
    closeSync(out);
    children.push(inside);
    const text = mixedText(TEXT_CHARS);
    // Newlines go as the Return key, which the window gets as '\r'.
    const want = text.replace(/\r\n?|\n/g, '\r');
    const typed = () =>
      String.fromCharCode(
        ...readLog()
          .split('\n')
          .filter((l) => l.startsWith('char '))
          .map((l) => Number.parseInt(l.slice(5), 16)),
      );
    let receivedAt = 0;
    await until(
      'the text in the recorder',
      () => {
        if (inside.exitCode !== null && !existsSync(resultFile)) {
          throw new Error(`Windows node ended early:\n${readFileSync(join(dir, 'inside.log'), 'utf8')}`);
        }
        if (typed().length < want.length) return undefined;
        receivedAt = Date.now();
        return true;
      },
      120_000,
    ).catch(() => {
      // Fewer characters than sent arrived: counted below as wrong, timed to now.
      receivedAt = Date.now();
    });
    const result = await until(
      'the figures from Windows node',
      () => {
        if (existsSync(resultFile)) return JSON.parse(readFileSync(resultFile, 'utf8'));
        if (inside.exitCode !== null) throw new Error(`Windows node failed:\n${readFileSync(join(dir, 'inside.log'), 'utf8')}`);
        return undefined;
      },
      180_000,
    );
    const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });
    const wantGraphemes = [...segmenter.segment(want)].map((s) => s.segment);
    const gotGraphemes = [...segmenter.segment(typed())].map((s) => s.segment);
    const wrong =
      wantGraphemes.filter((s, i) => gotGraphemes[i] !== s).length + Math.max(0, gotGraphemes.length - wantGraphemes.length);
    return {
      charsPerSecond: Math.round(wantGraphemes.length / ((receivedAt - result.typingStartedAt) / 1000)),
      wrong,
      typingCallsMs: result.typingCallsMs,
      move: { p50: quantile(result.moves, 0.5), p99: quantile(result.moves, 0.99), count: result.moves.length },
      setCursorPos: { p50: quantile(result.bare, 0.5), p99: quantile(result.bare, 0.99) },
    };
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    spawn('wineserver', ['-k'], { env, stdio: 'ignore' });
    await sleep(500);
    x.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--inside-wine') {
  await insideWine(process.argv[3]);
  process.exit(0);
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await windowsFigures());
}
