// Renders build/icon.svg to the PNGs electron-builder and the tray use. Run by hand when the icon
// changes (npm run icons); the PNGs are committed, so builds need no browser.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const build = join(import.meta.dirname, '..', 'build');
const svg = readFileSync(join(build, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage();
async function render(size, path) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await page.screenshot({ path, omitBackground: true });
}
mkdirSync(join(build, 'icons'), { recursive: true });
await render(512, join(build, 'icon.png'));
await render(32, join(build, 'tray.png'));
for (const size of [16, 32, 48, 64, 128, 256, 512]) await render(size, join(build, 'icons', `${size}x${size}.png`));
await browser.close();
