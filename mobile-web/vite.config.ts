import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      { find: '@deskremote/shared', replacement: fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) },
      // Preact's React-compatible layer: the same components and hooks for about a sixth of React's bytes,
      // which a phone on venue Wi-Fi downloads and parses before it can connect.
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react\/jsx-(dev-)?runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react(-dom)?$/, replacement: 'preact/compat' },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // iOS Safari 14 and Android Chrome 90 are the oldest the page supports; older ones get a card.
    target: ['safari14', 'chrome90'],
    sourcemap: false,
    assetsInlineLimit: 0,
  },
});
