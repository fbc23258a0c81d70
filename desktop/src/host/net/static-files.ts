import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

export interface StaticFile {
  body: Buffer;
  /** The body gzipped once at load, for text worth compressing; what most phones are sent. */
  gzipped: Buffer | undefined;
  type: string;
  immutable: boolean;
}

const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json)|image\/svg)/;

/**
 * The built phone page, read into memory once: it is small, and serving from a map means no request
 * path ever reaches the file system.
 */
export async function loadStaticFiles(dir: string): Promise<Map<string, StaticFile>> {
  const files = new Map<string, StaticFile>();
  async function walk(folder: string): Promise<void> {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        const urlPath = `/${relative(dir, full).split(sep).join('/')}`;
        const body = await readFile(full);
        const type = TYPES[extname(full)] ?? 'application/octet-stream';
        const gzipped = COMPRESSIBLE.test(type) && body.length > 512 ? gzipSync(body, { level: 9 }) : undefined;
        files.set(urlPath, {
          body,
          gzipped: gzipped && gzipped.length < body.length ? gzipped : undefined,
          type,
          // Vite puts a content hash in every file under assets/.
          immutable: urlPath.startsWith('/assets/'),
        });
      }
    }
  }
  await walk(dir);
  const index = files.get('/index.html');
  if (index) files.set('/', index);
  return files;
}
