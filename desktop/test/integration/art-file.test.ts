/**
 * Album art read from what a local program names as its file: a 1 GB file is refused without reading it
 * (memory stays flat), a FIFO is refused without blocking, and a real picture within the limit is read whole.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readArtFile } from '../../src/host/media/read-art-file.js';

const LIMIT = 8 * 1024 * 1024;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deskremote-art-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('refuses a 1 GB file by its size, without reading it', async () => {
  const huge = join(dir, 'huge.png');
  await writeFile(huge, '');
  await truncate(huge, 1024 * 1024 * 1024);
  const before = process.memoryUsage().rss;
  await expect(readArtFile(huge, LIMIT)).rejects.toThrow(/too large/);
  expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
});

it('refuses a FIFO at once instead of waiting for a writer that never comes', async () => {
  const fifo = join(dir, 'cover.jpg');
  execFileSync('mkfifo', [fifo]);
  // Read as a file, this would wait for a writer for ever (the test's time limit would end it).
  await expect(readArtFile(fifo, LIMIT)).rejects.toThrow(/not a regular file/);
});

it('refuses a directory, and reads a picture within the limit whole', async () => {
  await expect(readArtFile(dir, LIMIT)).rejects.toThrow(/not a regular file/);
  const picture = join(dir, 'small.png');
  const bytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
  await writeFile(picture, bytes);
  expect((await readArtFile(picture, LIMIT)).equals(bytes)).toBe(true);
});
