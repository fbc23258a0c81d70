#!/usr/bin/env node
// npm run build: TypeScript (strict, project references), the phone page (Vite), the desktop window and the
// laser overlay. It records a fingerprint of its inputs, so `npm start` can skip a build when nothing changed
// (the build is most of a warm start's time: 5.8 s of 7).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

export const root = join(import.meta.dirname, '..');
const STAMP = join(root, 'desktop', 'dist', '.inputs-fingerprint');

/** What a build reads: sources, configs and the installed dependencies' lock. */
const INPUT_DIRS = ['shared/src', 'desktop/src', 'desktop/scripts', 'mobile-web/src', 'mobile-web/public'];
const INPUT_FILES = [
  'package.json',
  'package-lock.json',
  'tsconfig.base.json',
  'tsconfig.json',
  'shared/package.json',
  'shared/tsconfig.json',
  'desktop/package.json',
  'desktop/tsconfig.json',
  'mobile-web/package.json',
  'mobile-web/tsconfig.json',
  'mobile-web/index.html',
  'mobile-web/boot.js',
  'mobile-web/vite.config.ts',
  'scripts/build.mjs',
];
/** What `npm start` runs: all of it must be there for a build to be skipped. */
const OUTPUTS = [
  'desktop/dist/cli.js',
  'desktop/dist/electron/main.js',
  'desktop/dist/dashboard/index.html',
  'desktop/dist/overlay/overlay.js',
  'mobile-web/dist/index.html',
];

function* filesUnder(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/** Names, sizes and modification times of every input: cheap (a few ms), and any edit changes it. */
export function inputsFingerprint(base = root) {
  const hash = createHash('sha256');
  const files = [...INPUT_DIRS.flatMap((dir) => [...filesUnder(join(base, dir))]), ...INPUT_FILES.map((f) => join(base, f))];
  for (const file of files.sort()) {
    const stat = existsSync(file) ? statSync(file) : undefined;
    hash.update(`${relative(base, file)}\0${stat?.size ?? -1}\0${stat?.mtimeMs ?? -1}\n`);
  }
  return hash.digest('hex');
}

/** Whether the last build's outputs are all there and were built from exactly these inputs. */
export function isBuildFresh(base = root) {
  if (!OUTPUTS.every((output) => existsSync(join(base, output)))) return false;
  try {
    return readFileSync(join(base, 'desktop', 'dist', '.inputs-fingerprint'), 'utf8') === inputsFingerprint(base);
  } catch {
    return false;
  }
}

const STEPS = [
  ['npx', ['tsc', '-b']],
  ['npm', ['run', 'build', '-w', 'mobile-web', '--silent']],
  ['npm', ['run', 'build:dashboard', '-w', 'desktop', '--silent']],
  ['npm', ['run', 'build:overlay', '-w', 'desktop', '--silent']],
];

/** Builds everything; true when every step passed. The fingerprint is taken before, so an edit made during the build is seen next time. */
export function build() {
  const fingerprint = inputsFingerprint();
  for (const [command, args] of STEPS) {
    if (spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status !== 0) return false;
  }
  writeFileSync(STAMP, fingerprint);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(build() ? 0 : 1);
