// The desktop window's page (dashboard.ts and its modules), bundled as bundle-page.mjs says.
import { bundlePage } from './bundle-page.mjs';

await bundlePage('dashboard', 'dashboard', ['index.html', 'dashboard.css']);
