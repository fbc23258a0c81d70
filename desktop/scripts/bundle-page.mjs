// A page of the desktop app (the desktop window, the laser overlay): its entry module and what it imports,
// bundled by Vite into one classic script (Electron loads these pages from file://, where ES module scripts are
// refused), with its HTML and CSS copied beside it. tsc -b type-checks each page (its own tsconfig.json).
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

/** Builds desktop/src/<page>/<entry>.ts into desktop/dist/<page>/<entry>.js, beside <files>. */
export async function bundlePage(page, entry, files) {
  const from = join(import.meta.dirname, '..', 'src', page);
  const to = join(import.meta.dirname, '..', 'dist', page);
  // Files of an earlier build must not linger: the headless host serves the desktop window's folder as it is.
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: to,
      emptyOutDir: false,
      minify: false,
      target: 'chrome120',
      lib: { entry: join(from, `${entry}.ts`), formats: ['iife'], name: `deskremote_${page}`, fileName: () => `${entry}.js` },
    },
  });
  for (const file of files) copyFileSync(join(from, file), join(to, file));
}
