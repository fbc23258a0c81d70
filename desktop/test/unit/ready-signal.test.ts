import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signalReady } from '../../src/electron/ready-signal.js';

describe('the app telling npm start it is up', () => {
  it('writes one line on the descriptor npm start named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deskremote-ready-'));
    try {
      const fd = openSync(join(dir, 'ready'), 'w');
      signalReady({ DESKREMOTE_READY_FD: String(fd) });
      expect(readFileSync(join(dir, 'ready'), 'utf8')).toBe('ready\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does nothing when started another way, or given stdin, stdout or stderr', () => {
    expect(() => signalReady({})).not.toThrow();
    expect(() => signalReady({ DESKREMOTE_READY_FD: '1' })).not.toThrow();
    expect(() => signalReady({ DESKREMOTE_READY_FD: 'x' })).not.toThrow();
  });
});
