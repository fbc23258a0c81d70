/**
 * `npm start` (scripts/start.mjs) against stand-in `electron` packages: a runtime that downloads on the first
 * start, one that cannot be downloaded, one whose binary exits at once, no display, and running as root. The
 * stand-in runtime records how it was started and says "ready" as the real main process does; the headless
 * host that takes over is the real one, on 127.0.0.1.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait.js';

const root = join(import.meta.dirname, '..', '..', '..');
const desktopDir = join(root, 'desktop');
const isRoot = process.getuid?.() === 0;

interface StandIn {
  dir: string;
  record: string;
}

/** An `electron` package folder: install.js as given, and the runtime's executable as given. */
function standInPackage(options: { install: string; runtime: string; installed: boolean }): StandIn {
  const dir = mkdtempSync(join(tmpdir(), 'deskremote-electron-'));
  const record = join(dir, 'record.json');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }));
  writeFileSync(join(dir, 'runtime.js'), options.runtime);
  // install.js lays the runtime in dist/ and names it in path.txt, as Electron's own installer does.
  writeFileSync(join(dir, 'install.js'), options.install);
  if (options.installed) layRuntime(dir);
  return { dir, record };
}

function layRuntime(dir: string): void {
  mkdirSync(join(dir, 'dist'), { recursive: true });
  const binary = join(dir, 'dist', 'electron');
  writeFileSync(binary, `#!${process.execPath}\n${readFileSync(join(dir, 'runtime.js'), 'utf8')}`);
  chmodSync(binary, 0o755);
  writeFileSync(join(dir, 'path.txt'), 'electron');
}

const INSTALLS = `
const { chmodSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
console.log('Downloading Electron binary...');
mkdirSync(join(__dirname, 'dist'), { recursive: true });
const binary = join(__dirname, 'dist', 'electron');
writeFileSync(binary, '#!' + process.execPath + '\\n' + readFileSync(join(__dirname, 'runtime.js'), 'utf8'));
chmodSync(binary, 0o755);
writeFileSync(join(__dirname, 'path.txt'), 'electron');
`;
const CANNOT_DOWNLOAD = `
console.log('Downloading Electron binary...');
console.error('HTTPError: getaddrinfo ENOTFOUND github.com');
console.error('    at ClientRequest.<anonymous> (node_modules/got/dist/source/core/index.js:970:111)');
process.exit(1);
`;
/**
 * A runtime that says it is up on the descriptor start.mjs gave and runs until stopped, as the app does; it
 * records its arguments last, so a test that sees the record may stop it at once.
 */
const RECORDS_AND_RUNS = `
const { writeFileSync, writeSync } = require('node:fs');
const { join } = require('node:path');
process.on('SIGTERM', () => process.exit(0));
setInterval(() => {}, 1000);
writeSync(Number(process.env.DESKREMOTE_READY_FD), 'ready\\n');
writeFileSync(join(__dirname, '..', 'record.json'), JSON.stringify({ argv: process.argv.slice(2), readyFd: process.env.DESKREMOTE_READY_FD }));
`;
const EXITS_AT_ONCE = `
console.error('[4411:1203/101010.123456:ERROR:ozone_platform_x11.cc(240)] Missing X server or $DISPLAY');
process.exit(1);
`;

interface Started {
  child: ChildProcess;
  output: () => string;
}

const running: ChildProcess[] = [];
const folders: string[] = [];

function npmStart(standIn: StandIn | undefined, env: NodeJS.ProcessEnv, lang = 'C.UTF-8'): Started {
  const dataDir = mkdtempSync(join(tmpdir(), 'deskremote-start-data-'));
  folders.push(dataDir);
  if (standIn) folders.push(standIn.dir);
  const child = spawn(
    process.execPath,
    [join(root, 'scripts', 'start.mjs'), '--port', '0', '--bind', '127.0.0.1', '--no-qr', '--data-dir', dataDir, '--approve-all'],
    {
      cwd: root,
      env: {
        ...env,
        ...(standIn ? { DESKREMOTE_ELECTRON_PACKAGE: standIn.dir } : {}),
        LANG: lang,
        LC_ALL: lang,
        LC_MESSAGES: lang,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  running.push(child);
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return { child, output: () => text };
}

const withDisplay = { ...process.env, DISPLAY: ':1234', WAYLAND_DISPLAY: '' };
const headlessServing = /DeskRemote \S+ on port \d+/;

afterEach(async () => {
  for (const child of running.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('npm start', () => {
  it('downloads the runtime on the first start, saying so, then opens the app with the host’s options', async () => {
    const standIn = standInPackage({ install: INSTALLS, runtime: RECORDS_AND_RUNS, installed: false });
    const start = npmStart(standIn, withDisplay);
    await waitFor(() => existsSync(standIn.record), 20_000);
    const { argv } = JSON.parse(readFileSync(standIn.record, 'utf8')) as { argv: string[] };
    // The app gets the desktop folder and the same options as the headless host.
    expect(argv.slice(argv.indexOf(desktopDir))).toEqual([
      desktopDir,
      '--port',
      '0',
      '--bind',
      '127.0.0.1',
      '--no-qr',
      '--data-dir',
      argv[argv.indexOf('--data-dir') + 1],
      '--approve-all',
    ]);
    // Chromium's sandbox refuses root: the flag goes only where it is needed, and the terminal says why.
    expect(argv.includes('--no-sandbox')).toBe(isRoot);
    if (isRoot) expect(start.output()).toContain('Running as root');
    expect(start.output()).toContain("Downloading Electron's runtime (about 100 MB, on the first start only");
    expect(start.output()).not.toContain('cannot open here');
    expect(start.output()).not.toContain('Building DeskRemote');
    // Started and said so: start.mjs stays with the app, passes Ctrl+C on, and ends with it (no fallback).
    expect(start.child.exitCode).toBeNull();
    start.child.kill('SIGTERM');
    const code = await new Promise((resolve) => start.child.once('exit', resolve));
    expect(code).toBe(0);
    expect(start.output()).not.toContain('headless');
  });

  it('a runtime already there starts at once, without a download line', async () => {
    const standIn = standInPackage({ install: CANNOT_DOWNLOAD, runtime: RECORDS_AND_RUNS, installed: true });
    const start = npmStart(standIn, withDisplay);
    await waitFor(() => existsSync(standIn.record), 20_000);
    expect(start.output()).not.toContain('Downloading');
  });

  it('when the runtime cannot be downloaded, says why in one line and serves headless', async () => {
    const standIn = standInPackage({ install: CANNOT_DOWNLOAD, runtime: RECORDS_AND_RUNS, installed: false });
    const start = npmStart(standIn, withDisplay);
    await waitFor(() => headlessServing.test(start.output()), 20_000);
    expect(start.output()).toMatch(
      /The desktop app cannot open here: Electron's runtime could not be downloaded \(HTTPError: getaddrinfo ENOTFOUND github\.com\)/,
    );
    expect(existsSync(standIn.record)).toBe(false);
  });

  it('when Electron exits as it starts, says what it said and serves headless', async () => {
    const standIn = standInPackage({ install: INSTALLS, runtime: EXITS_AT_ONCE, installed: true });
    const start = npmStart(standIn, withDisplay);
    await waitFor(() => headlessServing.test(start.output()), 20_000);
    expect(start.output()).toContain('The desktop app cannot open here: Electron stopped as it started (');
    expect(start.output()).toContain('Missing X server or $DISPLAY');
  });

  it('with no display (as over SSH), does not try the app and serves headless', async () => {
    const standIn = standInPackage({ install: INSTALLS, runtime: RECORDS_AND_RUNS, installed: true });
    const { DISPLAY: _display, WAYLAND_DISPLAY: _wayland, ...noDisplay } = process.env;
    const start = npmStart(standIn, noDisplay);
    await waitFor(() => headlessServing.test(start.output()), 20_000);
    expect(start.output()).toContain('there is no graphical display');
    expect(existsSync(standIn.record)).toBe(false);
  });

  it('speaks Chinese when LANG is zh_CN', async () => {
    const standIn = standInPackage({ install: CANNOT_DOWNLOAD, runtime: RECORDS_AND_RUNS, installed: false });
    const start = npmStart(standIn, withDisplay, 'zh_CN.UTF-8');
    await waitFor(() => /正在端口 \d+ 上运行/.test(start.output()), 20_000);
    expect(start.output()).toContain('无法下载 Electron 运行时');
  });
});
