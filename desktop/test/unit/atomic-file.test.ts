import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/host/devices/atomic-file.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('atomic writes', () => {
  it('replace the file whole, leave no temp file, and make a missing folder (owner only)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deskremote-atomic-'));
    dirs.push(dir);
    const path = join(dir, 'nested', 'devices.json');
    await writeFileAtomic(path, 'first');
    await writeFileAtomic(path, 'second');
    expect(await readFile(path, 'utf8')).toBe('second');
    expect(await readdir(join(dir, 'nested'))).toEqual(['devices.json']);
    if (process.platform !== 'win32') {
      expect((await stat(join(dir, 'nested'))).mode & 0o777).toBe(0o700);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
    }
  });
});
