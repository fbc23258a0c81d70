#!/usr/bin/env node
// npm start: the desktop app, or, where Electron's runtime cannot be had (or with --headless),
// the same host headless with the QR code in the terminal.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const headless = args.includes('--headless');
const hostArgs = args.filter((a) => a !== '--headless');

/** Electron's binary, downloading it on first use where the network allows; undefined with the reason otherwise. */
function electronBinary() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: join(root, 'desktop'),
    encoding: 'utf8',
    timeout: 180_000,
  });
  const path = probe.stdout?.trim();
  if (probe.status === 0 && path && existsSync(path)) return { path };
  const said = `${probe.stderr ?? ''}`.split('\n').find((line) => /Error|failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED/.test(line));
  return { reason: said ? said.trim().slice(0, 120) : 'it could not be downloaded' };
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (!headless) {
  const electron = electronBinary();
  if (electron.path) {
    run(electron.path, [join(root, 'desktop'), ...hostArgs]);
  } else {
    console.log(`Electron's runtime is not available here (${electron.reason}); running the headless host instead.`);
    run(process.execPath, [join(root, 'desktop', 'dist', 'cli.js'), ...hostArgs]);
  }
} else {
  run(process.execPath, [join(root, 'desktop', 'dist', 'cli.js'), ...hostArgs]);
}
