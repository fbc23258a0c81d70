/**
 * A player's album art from the file it names, read with the size limit applied while reading, and only
 * from a regular file. A local program can publish any path as art: read whole before the size check, a
 * 1 GB file took the host to over 1 GB of memory; a FIFO blocked the file threads, and pairings and deck
 * saves hung behind it. Opened without blocking (a FIFO opens at once), checked as a regular file on the
 * opened handle (no race with a swapped path), and read no further than the limit.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

export async function readArtFile(path: string, maxBytes: number): Promise<Buffer> {
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Error('art is not a regular file');
    if (stat.size > maxBytes) throw new Error('art too large');
    // The file may grow after the stat: read at most one byte past the limit to know.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled > maxBytes) throw new Error('art too large');
      if (filled === buffer.length) break;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}
