import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeviceStore } from '../../src/host/devices/device-store.js';

const device = (id: string) => ({ id: id.padEnd(20, 'x'), name: id, secret: 'S'.repeat(43), pairedAt: 1, lastSeenAt: 2 });

describe('device store', () => {
  it('keeps paired devices across restarts, in a file only the user can read, with no temp files left', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'store-'));
    const store = await DeviceStore.open(dir);
    await Promise.all([store.add(device('a')), store.add(device('b'))]);
    await store.remove(device('a').id);
    const reopened = await DeviceStore.open(dir);
    expect(reopened.list().map((d) => d.name)).toEqual(['b']);
    expect((await stat(store.path)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['devices.json']);
  });

  it('sets an unreadable file aside instead of overwriting what the user saved', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'store-'));
    await writeFile(join(dir, 'devices.json'), '{"version":1,"devices":[{"id":');
    const warnings: string[] = [];
    const store = await DeviceStore.open(dir, (w) => warnings.push(w));
    expect(store.list()).toEqual([]);
    expect(warnings[0]).toContain('could not be read');
    const aside = (await readdir(dir)).find((f) => f.includes('unreadable'));
    expect(await readFile(join(dir, aside ?? ''), 'utf8')).toBe('{"version":1,"devices":[{"id":');
  });
});
