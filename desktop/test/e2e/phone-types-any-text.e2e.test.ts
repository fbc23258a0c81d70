/**
 * Exact text through the real host and driver on Xvfb into two real applications, a Chromium
 * textarea and a GTK text view: 2,000 mixed characters (most of them not on the US layout, so they go
 * through spare keycodes), once as is and once while the application is stopped (SIGSTOP) for a
 * second as the text arrives; an application reads the keyboard mapping late then.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DesktopRig, startDesktopRig } from './support/desktop-rig.js';
import { mixedText } from './support/mixed-text.mjs';
import { TextPhone } from './support/text-phone.js';
import { TextReceiver } from './support/text-receiver.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let rig: DesktopRig;
let phone: TextPhone;

beforeAll(async () => {
  rig = await startDesktopRig('text');
  phone = await TextPhone.pair(rig.host);
});

afterAll(async () => {
  phone?.close();
  await rig?.stop();
});

/** Stops a process for a second shortly after the text starts arriving. */
function stopForASecond(pid: number): Promise<void> {
  return sleep(150).then(async () => {
    process.kill(pid, 'SIGSTOP');
    await sleep(50);
    expect(readFileSync(`/proc/${pid}/stat`, 'utf8')).toMatch(/\) T /);
    await sleep(950);
    process.kill(pid, 'SIGCONT');
  });
}

/** The first difference, for a readable failure. */
function firstDifference(expected: string, got: string): string {
  const a = [...expected];
  const b = [...got];
  const i = a.findIndex((ch, n) => ch !== b[n]);
  return i < 0
    ? a.length === b.length
      ? 'none'
      : `length ${b.length} of ${a.length}`
    : `at ${i}: ${JSON.stringify(a.slice(i, i + 8).join(''))} arrived as ${JSON.stringify(b.slice(i, i + 8).join(''))}`;
}

/** The Chromium process that owns the X connection: the browser process, a child of this test process. */
function chromiumBrowserPid(): number {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)]).toString();
  const line = out.split('\n').find((l) => /chrom/i.test(l) && !l.includes('--type='));
  if (!line) throw new Error(`no Chromium child process:\n${out}`);
  return Number(line.trim().split(/\s+/)[0]);
}

describe('text from the phone arrives exactly, whatever the characters', () => {
  const text = mixedText(2000);

  it('in a Chromium textarea', async () => {
    await rig.desktop.clearTyped();
    await phone.type(text);
    const got = await waitUntil(() => rig.desktop.typedText(), text);
    expect(firstDifference(text, got)).toBe('none');
  }, 180_000);

  it('in a Chromium textarea stopped for a second as the text arrives', async () => {
    await rig.desktop.clearTyped();
    const other = mixedText(2000, 99);
    await Promise.all([phone.type(other), stopForASecond(chromiumBrowserPid())]);
    const got = await waitUntil(() => rig.desktop.typedText(), other);
    expect(firstDifference(other, got)).toBe('none');
  }, 180_000);

  describe('in a GTK text view', () => {
    let gtk: TextReceiver;
    beforeAll(async () => {
      gtk = await TextReceiver.gtk(rig.x.display);
    });
    afterAll(() => gtk?.close());

    it('as it is', async () => {
      await phone.type(text);
      expect(firstDifference(text, await gtk.waitForText(text))).toBe('none');
    }, 180_000);

    it('stopped for a second as the text arrives', async () => {
      await gtk.clear();
      const other = mixedText(2000, 123);
      await Promise.all([phone.type(other), stopForASecond(gtk.pid)]);
      expect(firstDifference(other, await gtk.waitForText(other))).toBe('none');
    }, 180_000);
  });
});

async function waitUntil(read: () => Promise<string>, expected: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let got = await read();
  while (got !== expected && Date.now() < deadline) {
    await sleep(100);
    got = await read();
  }
  return got;
}
