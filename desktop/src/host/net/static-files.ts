import { createHash } from 'node:crypto';
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
  /**
   * The page's own inline scripts, as CSP hash sources ('sha256-…'): the Content-Security-Policy allows
   * exactly these (the page's boot script runs as it is parsed, without a request of its own).
   */
  inlineScripts: string[];
}

/** Each inline <script> (one without src) of an HTML page, hashed as a browser hashes it for CSP. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
    (match) =>
      `'sha256-${createHash('sha256')
        .update(match[1] ?? '', 'utf8')
        .digest('base64')}'`,
  );
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
          inlineScripts: type.startsWith('text/html') ? inlineScriptHashes(body.toString('utf8')) : [],
        });
      }
    }
  }
  await walk(dir);
  const index = files.get('/index.html');
  if (index) files.set('/', index);
  return files;
}
