// How `npm start` gets Electron's runtime and starts it: the decisions are pure functions (unit-tested),
// the probes below them read this machine. Nothing here parses Electron's stdout: since Electron 45,
// `require('electron')` downloads the runtime on first use and prints "Downloading Electron binary..." on
// the stream an older start script read the binary's path from.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The installed `electron` npm package's folder (DESKREMOTE_ELECTRON_PACKAGE points at a stand-in in tests). */
export function electronPackageDir(desktopDir, env = process.env) {
  if (env.DESKREMOTE_ELECTRON_PACKAGE) return env.DESKREMOTE_ELECTRON_PACKAGE;
  try {
    return dirname(createRequire(join(desktopDir, 'package.json')).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/** The runtime's executable once downloaded (path.txt names it inside dist/), else undefined. */
export function installedElectron(packageDir) {
  try {
    const binary = join(packageDir, 'dist', readFileSync(join(packageDir, 'path.txt'), 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Downloads the runtime with the package's own installer, its progress shown on the terminal. The answer is
 * the executable, or the installer's last words when it failed.
 */
export function downloadElectron(packageDir, timeoutMs = 10 * 60_000) {
  const result = spawnSync(process.execPath, [join(packageDir, 'install.js')], {
    cwd: packageDir,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  const binary = result.status === 0 ? installedElectron(packageDir) : undefined;
  if (binary) return { binary };
  if (result.stderr) process.stderr.write(result.stderr);
  return { detail: result.error?.message ?? lastMeaningfulLine(result.stderr) ?? `exit code ${result.status}` };
}

/** The line of an error output that says what went wrong (a stack's first line, not its frames). */
export function lastMeaningfulLine(text) {
  const lines = `${text ?? ''}`
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('at ') && !/^\^+$/.test(line) && !/^Node\.js v/.test(line));
  const errorLine = lines.find((line) => /\b(Error|error|failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT)\b/.test(line));
  return (errorLine ?? lines.at(-1))?.slice(0, 160);
}

/** Whether a graphical session is there to show a window in (Linux; elsewhere there always is one). */
export function hasDisplay(platform = process.platform, env = process.env) {
  return platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * The Chromium sandbox flags the app needs: none where the sandbox works. As root Chromium refuses to start
 * sandboxed; on Ubuntu 23.10+ AppArmor forbids the unprivileged user namespaces Chromium sandboxes with, unless
 * its setuid helper is set up (the better fix, which the note gives).
 */
export function sandboxDecision({ platform, uid, appArmorRestrictsUserns, helperIsSetuidRoot }) {
  if (platform !== 'linux') return { flags: [] };
  if (uid === 0) return { flags: ['--no-sandbox'], note: 'startNoSandboxRoot' };
  if (appArmorRestrictsUserns && !helperIsSetuidRoot) return { flags: ['--no-sandbox'], note: 'startNoSandboxAppArmor' };
  return { flags: [] };
}

/** This machine's facts for sandboxDecision. */
export function sandboxFacts(binary) {
  const helper = join(dirname(binary), 'chrome-sandbox');
  let appArmorRestrictsUserns = false;
  try {
    appArmorRestrictsUserns = readFileSync('/proc/sys/kernel/apparmor_restrict_unprivileged_userns', 'utf8').trim() === '1';
  } catch {
    // No such setting: not Ubuntu's restriction.
  }
  let helperIsSetuidRoot = false;
  try {
    const stat = statSync(helper);
    helperIsSetuidRoot = stat.uid === 0 && (stat.mode & 0o4000) !== 0;
  } catch {
    // No helper: nothing to suggest setting up.
  }
  return {
    platform: process.platform,
    uid: process.getuid?.() ?? -1,
    appArmorRestrictsUserns,
    helperIsSetuidRoot,
    helper,
  };
}

/** Shared libraries `ldd` cannot find for the runtime (Linux); empty where all are there or ldd cannot tell. */
export function missingLibraries(binary) {
  if (process.platform !== 'linux') return [];
  const result = spawnSync('ldd', [binary], { encoding: 'utf8', timeout: 10_000 });
  return parseLddMissing(result.stdout);
}

export function parseLddMissing(output) {
  return `${output ?? ''}`
    .split('\n')
    .map((line) => /^\s*(\S+)\s+=>\s+not found/.exec(line)?.[1])
    .filter(Boolean);
}

/** Node older than 22.12 cannot run Electron 45's tooling. */
export function nodeIsTooOld(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  return major < 22 || (major === 22 && minor < 12);
}
