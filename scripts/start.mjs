#!/usr/bin/env node
// npm start: builds what changed, then opens the desktop app. Whenever the app cannot start (no runtime and
// no way to download it, no display, missing libraries, Electron exiting at start) it says why in one line
// and runs the same host headless, with the QR code in this terminal. `npm start -- --headless` chooses that.
// The options after `--` are the headless host's (--port, --bind, --name, --data-dir, --approve-all) and reach
// whichever starts.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build, isBuildFresh, root } from './build.mjs';
import {
  downloadElectron,
  electronPackageDir,
  hasDisplay,
  installedElectron,
  lastMeaningfulLine,
  missingLibraries,
  nodeIsTooOld,
  sandboxDecision,
  sandboxFacts,
} from './electron-launch.mjs';

const desktopDir = join(root, 'desktop');
const args = process.argv.slice(2);
const headless = args.includes('--headless');
const hostArgs = args.filter((a) => a !== '--headless');
const wordsFile = join(desktopDir, 'dist', 'cli-words.js');

// Words come from the terminal's word table (English or Chinese by LANG), once a build has made it.
let say = (key) => key;
const loadWords = async () => {
  if (existsSync(wordsFile)) ({ say } = await import(wordsFile));
};

await loadWords();
if (!isBuildFresh()) {
  console.log(existsSync(wordsFile) ? say('startBuilding') : 'Building DeskRemote…');
  if (!build()) process.exit(1);
  await loadWords();
}
if (nodeIsTooOld()) console.log(say('startOldNode', { version: process.versions.node }));

/** Starts `command` with this terminal, passing signals on, and exits with it. */
function runToEnd(command, commandArgs) {
  const child = spawn(command, commandArgs, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function runHeadless(reason) {
  if (reason) console.log(say('startFallback', { reason }));
  runToEnd(process.execPath, [join(desktopDir, 'dist', 'cli.js'), ...hostArgs]);
}

/** The runtime's executable, downloading it on the first start; or the reason there is none. */
function electronBinary() {
  const packageDir = electronPackageDir(desktopDir);
  if (!packageDir) return { reason: say('startNoElectronPackage') };
  const installed = installedElectron(packageDir);
  if (installed) return { binary: installed };
  console.log(say('startDownloading'));
  const downloaded = downloadElectron(packageDir);
  return downloaded.binary ? downloaded : { reason: say('startDownloadFailed', { detail: downloaded.detail }) };
}

/**
 * Runs the app. Until the main process says it is up (a line on file descriptor 3), an exit that is not a
 * clean quit means it could not start: the headless host takes over. After that its exit is ours.
 */
function runApp(binary, flags) {
  const child = spawn(binary, [...flags, desktopDir, ...hostArgs], {
    stdio: ['inherit', 'inherit', 'pipe', 'pipe'],
    env: { ...process.env, DESKREMOTE_READY_FD: '3' },
  });
  let started = false;
  let errors = '';
  child.stderr.on('data', (chunk) => {
    process.stderr.write(chunk);
    errors = (errors + chunk.toString()).slice(-4000);
  });
  child.stdio[3].on('data', () => {
    started = true;
  });
  child.stdio[3].on('error', () => {});
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => runHeadless(say('startExited', { detail: error.message })));
  child.on('exit', (code, signal) => {
    const decide = () => {
      if (started || code === 0) process.exit(code ?? 1);
      const detail = lastMeaningfulLine(errors) ?? (signal ? `signal ${signal}` : `exit code ${code}`);
      runHeadless(say('startExited', { detail }));
    };
    // 'exit' can come before the pipe's last bytes are read: the "ready" may still be on its way.
    if (started || child.stdio[3].readableEnded) decide();
    else {
      const late = setTimeout(decide, 1000);
      child.stdio[3].once('close', () => {
        clearTimeout(late);
        decide();
      });
    }
  });
}

if (headless) {
  runHeadless();
} else if (!hasDisplay()) {
  runHeadless(say('startNoDisplay'));
} else {
  const electron = electronBinary();
  if (!electron.binary) {
    runHeadless(electron.reason);
  } else {
    const missing = missingLibraries(electron.binary);
    if (missing.length > 0) {
      runHeadless(say('startMissingLibraries', { list: missing.join(', ') }));
    } else {
      const facts = sandboxFacts(electron.binary);
      const sandbox = sandboxDecision(facts);
      if (sandbox.note) console.log(say(sandbox.note, { helper: facts.helper }));
      runApp(electron.binary, sandbox.flags);
    }
  }
}
