// `npm start` and the package for `npm run bench`: a warm start (nothing changed since the last build) to the QR
// code in the terminal, beside the old way's build-then-start in the same run; and the packaged Linux app's size
// (electron-builder --linux dir against a stand-in Electron, as the packaging test does). Bounded: fixed counts,
// 20 s per start.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeStandInElectron, packageLinuxDir } from './stand-in-electron.mjs';

const root = join(import.meta.dirname, '..');
const STARTS = 5;

/** Milliseconds from running `command` to the QR code and pairing URL on its output. */
function timeToQr(command, args) {
  const dataDir = mkdtempSync(join(tmpdir(), 'deskremote-bench-start-'));
  const started = performance.now();
  const child = spawn(command, [...args, '--port', '0', '--bind', '127.0.0.1', '--data-dir', dataDir, '--approve-all'], {
    cwd: root,
    env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no QR code within 20 s:\n${output}`));
    }, 20_000);
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
      if (!output.includes('Pairing URL:')) return;
      const elapsed = performance.now() - started;
      clearTimeout(timer);
      child.once('exit', () => {
        rmSync(dataDir, { recursive: true, force: true });
        resolve(elapsed);
      });
      child.kill('SIGTERM');
    });
  });
}

function sizeOf(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

export async function startFigures() {
  // Warm: the build is fresh (npm run bench builds first), so start.mjs goes straight to the host.
  const warm = [];
  for (let i = 0; i < STARTS; i++) warm.push(await timeToQr(process.execPath, ['scripts/start.mjs', '--headless']));
  // The old npm start: build everything, then start (one run; it is seconds long).
  const rebuildStarted = performance.now();
  if (spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'ignore' }).status !== 0)
    throw new Error('build failed');
  const rebuild = performance.now() - rebuildStarted + (await timeToQr(process.execPath, ['desktop/dist/cli.js']));
  return { warm, rebuild };
}

export function packageFigures() {
  const work = mkdtempSync(join(tmpdir(), 'deskremote-bench-package-'));
  try {
    const started = performance.now();
    const app = packageLinuxDir(root, makeStandInElectron(join(work, 'electron')), join(work, 'release'));
    return {
      seconds: (performance.now() - started) / 1000,
      asar: sizeOf(join(app, 'resources', 'app.asar')),
      unpacked: sizeOf(join(app, 'resources', 'app.asar.unpacked')),
      phone: sizeOf(join(app, 'resources', 'phone')),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
