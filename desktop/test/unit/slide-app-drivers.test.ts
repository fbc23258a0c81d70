/**
 * PowerPoint (Windows, COM through PowerShell) and Keynote (macOS, AppleScript) as show sources, against
 * stand-ins that answer as the vendors' documented interfaces would: a stand-in powershell.exe that speaks
 * the helper's line protocol, and a stand-in osascript that answers the scripts it is given. Neither has
 * run against the real apps here (the README says so); these prove the host's side of each conversation.
 */
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYNOTE_STATE, KeynoteDriver, keynoteCommand } from '../../src/host/presenter/show/keynote-driver.js';
import { PolledSource } from '../../src/host/presenter/show/polled-source.js';
import { PowerPointDriver } from '../../src/host/presenter/show/powerpoint-driver.js';
import { POWERPOINT_SCRIPT } from '../../src/host/presenter/show/powerpoint-script.js';

let dir: string;
const until = async (check: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 300 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10));
  expect(await check()).toBe(true);
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deskremote-slide-apps-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('PowerPoint on Windows', () => {
  it('the script attaches to a running PowerPoint only, through its documented objects', () => {
    expect(POWERPOINT_SCRIPT).toContain("GetActiveObject('PowerPoint.Application')");
    expect(POWERPOINT_SCRIPT).not.toMatch(/New-Object\s+-ComObject/);
    for (const member of ['SlideShowWindows', 'View.Slide.SlideIndex', 'NotesPage.Shapes', 'GotoSlide', '.Export(']) {
      expect(POWERPOINT_SCRIPT).toContain(member);
    }
  });

  it('follows the show, fetches notes and pictures, and sends commands, through the helper', async () => {
    const log = join(dir, 'powerpoint-requests.txt');
    // A stand-in powershell.exe: a show of 12 slides on slide 3, which moves as it is told.
    const standIn = join(dir, 'powershell-standin.mjs');
    await writeFile(
      standIn,
      `#!${process.execPath}
import { appendFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
let current = 3;
const png = Buffer.from('89504e470d0a1a0a', 'hex').toString('base64');
createInterface({ input: process.stdin }).on('line', (line) => {
  appendFileSync(${JSON.stringify(log)}, line + '\\n');
  const [word, arg] = line.split(' ');
  const answer =
    word === 'state' ? { ok: true, running: true, title: 'Keynote talk.pptx', count: 12, current }
    : word === 'notes' ? { ok: true, text: 'Notes of ' + arg + '\\nsecond line' }
    : word === 'picture' ? { ok: true, png }
    : word === 'next' ? ((current += 1), { ok: true })
    : word === 'goto' ? ((current = Number(arg)), { ok: true })
    : { ok: false, error: 'unknown' };
  process.stdout.write(JSON.stringify(answer) + '\\n');
});
`,
    );
    await chmod(standIn, 0o755);
    let changes = 0;
    const source = new PolledSource('powerpoint', 'powerpoint', new PowerPointDriver(standIn), {
      onChange: () => changes++,
      pollMs: 20,
    });
    try {
      await until(() => source.snapshot()?.current === 3);
      expect(source.snapshot()).toMatchObject({ title: 'Keynote talk.pptx', count: 12, ready: 12 });
      expect(await source.notes(4)).toBe('Notes of 4\nsecond line');
      expect((await source.picture(4))?.subarray(0, 4).toString('hex')).toBe('89504e47');
      expect(source.send({ kind: 'next' })).toBe(true);
      await until(() => source.snapshot()?.current === 4);
      expect(source.send({ kind: 'goto', slide: 9 })).toBe(true);
      await until(() => source.snapshot()?.current === 9);
      expect(changes).toBeGreaterThanOrEqual(3);
      const asked = (await readFile(log, 'utf8')).split('\n');
      expect(asked).toContain('notes 4');
      expect(asked).toContain('picture 4');
      expect(asked).toContain('goto 9');
    } finally {
      source.stop();
    }
  });

  it('no PowerPoint running (or a helper that says nothing sane): no show, nothing sent', async () => {
    const standIn = join(dir, 'powershell-none.mjs');
    const asked = join(dir, 'powershell-none-asked.txt');
    await writeFile(
      standIn,
      `#!${process.execPath}
import { appendFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
let n = 0;
createInterface({ input: process.stdin }).on('line', (line) => {
  appendFileSync(${JSON.stringify(asked)}, line + '\\n');
  n++;
  process.stdout.write(n % 2 ? '{"ok":true,"running":false}\\n' : '{"ok":true,"running":true,"title":"x","count":-4,"current":1}\\n');
});
`,
    );
    await chmod(standIn, 0o755);
    let changes = 0;
    const source = new PolledSource('powerpoint', 'powerpoint', new PowerPointDriver(standIn), {
      onChange: () => changes++,
      pollMs: 10,
    });
    try {
      // Both answers have been given, each more than once: nothing sane was heard.
      await until(async () => (await readFile(asked, 'utf8').catch(() => '')).split('\n').length > 6);
      expect(source.snapshot()).toBeUndefined();
      expect(changes).toBe(0);
      expect(source.send({ kind: 'next' })).toBe(false);
    } finally {
      source.stop();
    }
  });
});

describe('Keynote on a Mac', () => {
  it('asks whether Keynote runs before every question, so it never starts it', () => {
    expect(KEYNOTE_STATE.startsWith('if application "Keynote" is running then')).toBe(true);
    expect(keynoteCommand({ kind: 'next' })).toMatch(/^if application "Keynote" is running then[\s\S]*show next/);
    expect(keynoteCommand({ kind: 'goto', slide: 7 })).toContain('show slide 7 of front document');
    // Keynote has no black screen: that stays a key.
    expect(keynoteCommand({ kind: 'blank' })).toBeUndefined();
  });

  it('follows the playing show and its notes, and sends what Keynote has a word for', async () => {
    const log = join(dir, 'osascript-scripts.txt');
    // A stand-in osascript: answers the state script and the notes script as Keynote would.
    const standIn = join(dir, 'osascript-standin.mjs');
    await writeFile(
      standIn,
      `#!${process.execPath}
import { appendFileSync } from 'node:fs';
const script = process.argv[3] ?? '';
appendFileSync(${JSON.stringify(log)}, JSON.stringify(script) + '\\n');
if (script.includes('if playing then')) process.stdout.write('Launch.key\\t8\\t5\\n');
else if (script.includes('presenter notes of slide 5')) process.stdout.write('Breathe.\\nThen the demo.\\n');
`,
    );
    await chmod(standIn, 0o755);
    const source = new PolledSource('keynote', 'keynote', new KeynoteDriver(standIn), { onChange: () => {}, pollMs: 20 });
    try {
      await until(() => source.snapshot()?.current === 5);
      // No pictures from Keynote: the phone is told none will come.
      expect(source.snapshot()).toMatchObject({ title: 'Launch.key', count: 8, ready: 0 });
      expect(await source.notes(5)).toBe('Breathe.\nThen the demo.');
      expect(await source.picture(5)).toBeUndefined();
      expect(source.send({ kind: 'goto', slide: 2 })).toBe(true);
      expect(source.send({ kind: 'blank' })).toBe(false);
      await until(async () => (await readFile(log, 'utf8')).includes('show slide 2 of front document'));
    } finally {
      source.stop();
    }
  });
});
