// The desktop window's page: tsc compiles dashboard.ts; the HTML and CSS are copied beside it.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const from = join(import.meta.dirname, '..', 'src', 'dashboard');
const to = join(import.meta.dirname, '..', 'dist', 'dashboard');
mkdirSync(to, { recursive: true });
for (const file of ['index.html', 'dashboard.css']) copyFileSync(join(from, file), join(to, file));
