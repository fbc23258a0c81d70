// Renders build/icon.svg to the PNGs electron-builder and the tray use, and the phone page's home-screen
// icons (the web app manifest's, a maskable one with the safe zone, Apple's touch icon). Run by hand when the icon
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
// The phone page's icons. A maskable icon keeps its drawing inside the central 80 % circle: the launcher
// crops the rest, so the artwork is drawn smaller on a full-bleed background of the icon's own blue.
const phoneIcons = join(import.meta.dirname, '..', 'mobile-web', 'public', 'icons');
mkdirSync(phoneIcons, { recursive: true });
await render(192, join(phoneIcons, 'icon-192.png'));
await render(512, join(phoneIcons, 'icon-512.png'));
const maskable = svg
  .replace(
    '<rect width="64" height="64" rx="14" fill="#1d6ff2"/>',
    '<rect width="64" height="64" fill="#1d6ff2"/><g transform="translate(9.6 9.6) scale(0.7)">',
  )
  .replace('</svg>', '</g></svg>');
async function renderSvg(source, size, path) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${source}`);
  await page.screenshot({ path });
}
await renderSvg(maskable, 512, join(phoneIcons, 'maskable-512.png'));
await renderSvg(maskable, 180, join(phoneIcons, 'apple-touch-icon.png'));
await browser.close();
