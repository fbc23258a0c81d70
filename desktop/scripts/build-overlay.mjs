// The laser pointer's page: overlay.ts and the pure drawing module it imports, bundled by Vite into one
// classic script (Electron loads the page from file://, where ES module scripts are refused); the HTML
// and CSS are copied beside it. tsc -b type-checks it (desktop/src/overlay/tsconfig.json).
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

const from = join(import.meta.dirname, '..', 'src', 'overlay');
const to = join(import.meta.dirname, '..', 'dist', 'overlay');
mkdirSync(to, { recursive: true });
await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    outDir: to,
    emptyOutDir: false,
    minify: false,
    target: 'chrome120',
    lib: { entry: join(from, 'overlay.ts'), formats: ['iife'], name: 'deskremoteOverlayPage', fileName: () => 'overlay.js' },
  },
});
for (const file of ['index.html', 'overlay.css']) copyFileSync(join(from, file), join(to, file));
