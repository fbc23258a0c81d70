// The laser pointer's page (overlay.ts and the pure drawing module it imports), bundled as bundle-page.mjs says.
import { bundlePage } from './bundle-page.mjs';

await bundlePage('overlay', 'overlay', ['index.html', 'overlay.css']);
