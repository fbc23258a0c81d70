import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes a file so that a crash at any moment leaves either the old or the new content, never a
 * truncated mix: write a sibling temp file, flush it to disk, then rename it over the original. When the
 * promise resolves the new content is on disk for good: the rename too is flushed (with its folder), so a
 * power cut afterwards cannot bring the old file back. A paired phone is welcomed only after this.
 */
export async function writeFileAtomic(path: string, data: string, mode = 0o600): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  // The folder is made only when it is missing: one step less on the way to a pairing's welcome (each step
  // touching the file system can wait behind other programs' writes; 150 to 250 ms were seen here).
  const handle = await open(temp, 'w', mode).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    return open(temp, 'w', mode);
  });
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dirname(path));
}

/**
 * Flushes a folder's entries (the rename just made). Windows cannot open a folder to flush it, and a few
 * file systems refuse: there the rename is as durable as the system makes it by itself.
 */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r').catch(() => undefined);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // EINVAL and the like: nothing more can be done here.
  } finally {
    await handle.close();
  }
}
