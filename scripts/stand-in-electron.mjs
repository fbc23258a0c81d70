// A stand-in Electron distribution, so electron-builder can package the app for real without the network
// (the real runtime is a download): an `electron` executable that records how it was started and carries
// Electron's fuse wire, so the fuses electron-builder flips can be read back, and a `version` file.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ELECTRON_VERSION = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;
/** @electron/fuses finds the wire after this sentinel: a version byte, a length byte, then one byte a fuse. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** The order of Electron's fuse wire (version 1). */
export const FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
];
const ENABLED = 0x31;

export function makeStandInElectron(dir) {
  mkdirSync(dir, { recursive: true });
  const wire = Buffer.from([1, FUSES.length, ...FUSES.map(() => ENABLED)]);
  const script = Buffer.concat([
    Buffer.from(`#!/bin/sh\n# Electron's fuse wire: ${FUSE_SENTINEL}`),
    wire,
    // Records how it was started in $STANDIN_RECORD, when that is set.
    Buffer.from('\n[ -z "$STANDIN_RECORD" ] || echo "$0 $*" >> "$STANDIN_RECORD"\n'),
  ]);
  writeFileSync(join(dir, 'electron'), script);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'chrome-sandbox'), '');
  writeFileSync(join(dir, 'version'), ELECTRON_VERSION);
  return dir;
}

/** The fuses of a packaged executable, by name: true (on) or false (off). */
export function readFuses(executable) {
  const bytes = readFileSync(executable);
  const at = bytes.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
  return Object.fromEntries(FUSES.map((name, i) => [name, bytes[at + 2 + i] === ENABLED]));
}

/** `electron-builder --linux dir` against the stand-in; the answer is the unpacked app's folder. */
export function packageLinuxDir(root, electronDist, outputDir) {
  const result = spawnSync(
    'npx',
    [
      'electron-builder',
      '--config',
      'electron-builder.yml',
      '--linux',
      'dir',
      `-c.electronDist=${electronDist}`,
      `-c.electronVersion=${ELECTRON_VERSION}`,
      `-c.directories.output=${outputDir}`,
    ],
    { cwd: root, encoding: 'utf8', timeout: 300_000 },
  );
  if (result.status !== 0) throw new Error(`electron-builder failed:\n${result.stdout}\n${result.stderr}`);
  return join(outputDir, 'linux-unpacked');
}
