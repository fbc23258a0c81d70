import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';

/**
 * The page's first moments, which decide how soon a phone is connected. boot.js (the browser check and the
 * early socket) goes into index.html itself, so it runs as the page is parsed, with no request of its own;
 * the host allows exactly that script by its hash (desktop/src/host/net/static-files.ts). And the
 * interface's code and styles, which the entry imports only once the connection has started, are fetched
 * beside the entry instead of after it.
 */
function firstVisit(): Plugin[] {
  const bootPath = fileURLToPath(new URL('./boot.js', import.meta.url));
  return [
    {
      name: 'deskremote-inline-boot',
      transformIndexHtml: {
        order: 'pre',
        handler(html) {
          // Its comments stay in boot.js: the page carries only the code.
          const boot = readFileSync(bootPath, 'utf8')
            .replace(/^\/\*[\s\S]*?\*\/\n/, '')
            .replace(/^\s*\/\/.*\n/gm, '');
          const inlined = html.replace('<script src="/boot.js"></script>', () => `<script>\n${boot}</script>`);
          if (inlined === html) throw new Error('index.html has no <script src="/boot.js"></script> to inline');
          return inlined;
        },
      },
    },
    {
      name: 'deskremote-preload-interface',
      transformIndexHtml: {
        order: 'post',
        handler(html, context) {
          const render = Object.values(context.bundle ?? {}).find(
            (chunk) => chunk.type === 'chunk' && chunk.facadeModuleId?.endsWith('/src/render.tsx'),
          );
          if (render?.type !== 'chunk') return html;
          const tags: HtmlTagDescriptor[] = [
            { tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${render.fileName}` }, injectTo: 'head' },
            ...[...(render.viteMetadata?.importedCss ?? [])].map(
              (css): HtmlTagDescriptor => ({
                tag: 'link',
                attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `/${css}` },
                injectTo: 'head',
              }),
            ),
          ];
          return { html, tags };
        },
      },
    },
  ];
}

export default defineConfig({
  plugins: [react(), ...firstVisit()],
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
