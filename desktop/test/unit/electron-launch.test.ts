/** npm start's decisions (scripts/electron-launch.mjs, scripts/build.mjs), apart from the processes they start. */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputsFingerprint } from '../../../scripts/build.mjs';
import {
  hasDisplay,
  lastMeaningfulLine,
  nodeIsTooOld,
  parseLddMissing,
  sandboxDecision,
} from '../../../scripts/electron-launch.mjs';

describe('the Chromium sandbox flags', () => {
  const user = { platform: 'linux' as const, uid: 1000, appArmorRestrictsUserns: false, helperIsSetuidRoot: false };

  it('none for a user whose sandbox works', () => {
    expect(sandboxDecision(user)).toEqual({ flags: [] });
  });

  it('--no-sandbox as root, with the note that says to run as a user', () => {
    expect(sandboxDecision({ ...user, uid: 0 })).toEqual({ flags: ['--no-sandbox'], note: 'startNoSandboxRoot' });
  });

  it('--no-sandbox under Ubuntu’s AppArmor restriction, unless the setuid helper is set up', () => {
    expect(sandboxDecision({ ...user, appArmorRestrictsUserns: true })).toEqual({
      flags: ['--no-sandbox'],
      note: 'startNoSandboxAppArmor',
    });
    expect(sandboxDecision({ ...user, appArmorRestrictsUserns: true, helperIsSetuidRoot: true })).toEqual({ flags: [] });
  });

  it('none on Windows and macOS, root or not', () => {
    expect(sandboxDecision({ ...user, platform: 'win32', uid: 0 })).toEqual({ flags: [] });
    expect(sandboxDecision({ ...user, platform: 'darwin', appArmorRestrictsUserns: true })).toEqual({ flags: [] });
  });
});

describe('what start.mjs reads from the machine', () => {
  it('a display is there with X11 or Wayland, and always on Windows and macOS', () => {
    expect(hasDisplay('linux', {})).toBe(false);
    expect(hasDisplay('linux', { DISPLAY: ':0' })).toBe(true);
    expect(hasDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(hasDisplay('win32', {})).toBe(true);
  });

  it('the libraries ldd cannot find', () => {
    const ldd = [
      '\tlinux-vdso.so.1 (0x00007ffd)',
      '\tlibnss3.so => not found',
      '\tlibgtk-3.so.0 => /lib/x86_64-linux-gnu/libgtk-3.so.0 (0x00007f)',
      '\tlibgbm.so.1 => not found',
    ].join('\n');
    expect(parseLddMissing(ldd)).toEqual(['libnss3.so', 'libgbm.so.1']);
    expect(parseLddMissing('\tnot a dynamic executable')).toEqual([]);
  });

  it('the line of an error output that says what went wrong, not a stack frame', () => {
    const stack = 'HTTPError: getaddrinfo ENOTFOUND github.com\n    at ClientRequest (got.js:1:1)\n\nNode.js v22.23.5\n';
    expect(lastMeaningfulLine(stack)).toBe('HTTPError: getaddrinfo ENOTFOUND github.com');
    expect(lastMeaningfulLine('[1:ERROR:x.cc(2)] Missing X server or $DISPLAY\n')).toContain('Missing X server');
    expect(lastMeaningfulLine('')).toBeUndefined();
  });

  it('Node older than 22.12 is too old for Electron 45’s tools', () => {
    expect(nodeIsTooOld('20.19.0')).toBe(true);
    expect(nodeIsTooOld('22.11.9')).toBe(true);
    expect(nodeIsTooOld('22.12.0')).toBe(false);
    expect(nodeIsTooOld('24.1.0')).toBe(false);
  });
});

describe('the build’s fingerprint', () => {
  it('changes when a source is edited or added, and not otherwise', () => {
    const base = mkdtempSync(join(tmpdir(), 'deskremote-fingerprint-'));
    try {
      mkdirSync(join(base, 'desktop', 'src'), { recursive: true });
      const source = join(base, 'desktop', 'src', 'a.ts');
      writeFileSync(source, 'export const a = 1;\n');
      const before = inputsFingerprint(base);
      expect(inputsFingerprint(base)).toBe(before);
      utimesSync(source, new Date(), new Date(Date.now() + 5000));
      const touched = inputsFingerprint(base);
      expect(touched).not.toBe(before);
      writeFileSync(join(base, 'desktop', 'src', 'b.ts'), '');
      expect(inputsFingerprint(base)).not.toBe(touched);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
