/** Reading colours where a test needs to know what is shown: on the X screen, and in a picture on the phone. */
import type { Page } from 'playwright-core';
import { openX11Grabber } from '../../../src/host/preview/x11-grabber.js';

/** '#rrggbb' as [r, g, b]. */
export const rgb = (hex: string): number[] => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

/** The same colour, give or take what scaling and JPEG do to it. */
export const near = (a: readonly number[], b: readonly number[]): boolean => a.every((v, i) => Math.abs(v - (b[i] ?? 999)) <= 12);

/** The colour of the X screen at fractions `fx`, `fy` of its width and height, as [r, g, b]. */
export async function screenColourAt(display: string, fx: number, fy: number): Promise<number[]> {
  const grabber = await openX11Grabber(display);
  try {
    const { pixels, width, height } = await grabber.grab();
    const at = (Math.floor(height * fy) * width + Math.floor(width * fx)) * 4;
    return [pixels[at + 2] ?? -1, pixels[at + 1] ?? -1, pixels[at] ?? -1];
  } finally {
    grabber.close();
  }
}

/** The colour at the middle of a picture on the page (undefined until it has loaded). */
export function pictureCentre(page: Page, selector: string): Promise<number[] | undefined> {
  return page.evaluate((sel) => {
    const image = document.querySelector(sel) as HTMLImageElement | null;
    if (!image?.complete || !image.naturalWidth) return undefined;
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    context?.drawImage(image, 0, 0);
    const data = context?.getImageData(Math.floor(canvas.width / 2), Math.floor(canvas.height / 2), 1, 1).data;
    return data ? [data[0] ?? -1, data[1] ?? -1, data[2] ?? -1] : undefined;
  }, selector);
}
