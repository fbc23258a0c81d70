// The desktop window's page: dashboard.ts and the modules it imports, bundled by Vite into one classic script
// (Electron loads the page from file://, where ES module scripts are refused), as the overlay is; the HTML and
// CSS are copied beside it. tsc -b type-checks it (desktop/src/dashboard/tsconfig.json).
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

const from = join(import.meta.dirname, '..', 'src', 'dashboard');
const to = join(import.meta.dirname, '..', 'dist', 'dashboard');
// Scripts of the plain-script page this replaced must not linger: the headless host serves what is there.
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
    lib: { entry: join(from, 'dashboard.ts'), formats: ['iife'], name: 'deskremoteDashboard', fileName: () => 'dashboard.js' },
  },
});
for (const file of ['index.html', 'dashboard.css']) copyFileSync(join(from, file), join(to, file));
