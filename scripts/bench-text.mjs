#!/usr/bin/env node
// Exact-text figures on X11: 2,000 mixed characters typed by the real X11 driver into a GTK text view,
// with openbox managing the display (window managers re-grab their key bindings on every keyboard-mapping
// change, so its CPU time is what the rest of the desktop pays). `textFigures(display)` is called by
// bench.mjs; run alone, this file starts its own Xvfb and prints the figures. Every wait is bounded.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { mixedText, textChunks } from '../desktop/test/e2e/support/mixed-text.mjs';

const root = join(import.meta.dirname, '..');
const GTK_RECEIVER = join(root, 'desktop/test/e2e/support/gtk-receiver.py');
const KEY_TAPS = 300;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** CPU time (user + system) a process has used so far, in milliseconds. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / Number(execFileSync('getconf', ['CLK_TCK']).toString());
}

/** A child process whose stdout lines can be awaited one by one. */
function lineChild(command, args, env) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = [];
  createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
  const next = async (timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (lines.length === 0) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`${command} did not answer`);
      await sleep(20);
    }
    return lines.shift();
  };
  return { child, next };
}

const quantile = (values, q) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;

export async function textFigures(display) {
  const { X11Input, x11Driver } = await import(join(root, 'desktop/dist/host/input/backends/x11/x11-backend.js'));
  const env = { DISPLAY: display, NO_AT_BRIDGE: '1', GDK_BACKEND: 'x11' };
  const wm = spawn('openbox', ['--sm-disable'], { env: { ...process.env, ...env }, stdio: 'ignore' });
  await sleep(700);
  if (wm.exitCode !== null) throw new Error(`openbox did not start on ${display} (apt-get install -y openbox)`);
  const gtk = lineChild('/usr/bin/python3', [GTK_RECEIVER], env);
  const x = await X11Input.connect(display);
  try {
    await gtk.next(15_000);
    const driver = x11Driver(x, { tapMediaKey: async () => {} });
    const text = mixedText(2000);
    const wmBefore = cpuMs(wm.pid);
    const started = performance.now();
    for (const chunk of textChunks(text)) await driver.typeText(chunk);
    const seconds = (performance.now() - started) / 1000;
    // The receiver may still be working through its queue: wait until it holds the text or stops changing.
    let got = '';
    for (let tries = 0; tries < 100; tries++) {
      gtk.child.stdin.write('text\n');
      const now = JSON.parse(await gtk.next());
      if (now === text || (now === got && tries > 5)) break;
      got = now;
      await sleep(200);
    }
    gtk.child.stdin.write('text\n');
    got = JSON.parse(await gtk.next());
    const wmCpuMs = cpuMs(wm.pid) - wmBefore;
    const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });
    const want = [...segmenter.segment(text)].map((s) => s.segment);
    const have = [...segmenter.segment(got)].map((s) => s.segment);
    const wrong = want.filter((s, i) => have[i] !== s).length + Math.max(0, have.length - want.length);
    // Host-added latency for a key: from the driver call to the X server having processed it.
    const taps = [];
    for (let i = 0; i < KEY_TAPS; i++) {
      const t0 = performance.now();
      await driver.tapKey(i % 2 ? 'ArrowLeft' : 'ArrowRight', []);
      taps.push(performance.now() - t0);
    }
    return {
      charsPerSecond: Math.round(want.length / seconds),
      wrong,
      wmCpuMs: Math.round(wmCpuMs),
      keyP99Ms: Number(quantile(taps, 0.99).toFixed(2)),
    };
  } finally {
    x.close();
    gtk.child.kill('SIGTERM');
    wm.kill('SIGTERM');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'inherit', 'pipe'],
  });
  const number = await new Promise((resolve) => xvfb.stdio[3].once('data', (d) => resolve(d.toString().trim())));
  try {
    console.log(await textFigures(`:${number}`));
  } finally {
    xvfb.kill('SIGTERM');
  }
}
