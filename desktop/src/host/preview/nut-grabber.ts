/**
 * The screen through nut-js (libnut), where MIT-SHM is not there: Windows and macOS, or an X server that
 * will not share memory. libnut hands the main display's pixels as B G R A rows, possibly padded.
 */
import type { Grabber, ScreenGrab } from './x11-grabber.js';

interface NutImage {
  width: number;
  height: number;
  data: Buffer;
  byteWidth: number;
}

/** Rows of `byteWidth` bytes to tight rows of width × 4, as the encoder reads them. */
export function tightRows(image: NutImage): Buffer {
  const row = image.width * 4;
  if (image.byteWidth === row) return image.data.subarray(0, row * image.height);
  const out = Buffer.allocUnsafe(row * image.height);
  for (let y = 0; y < image.height; y++) image.data.copy(out, y * row, y * image.byteWidth, y * image.byteWidth + row);
  return out;
}

export async function openNutGrabber(): Promise<Grabber> {
  const { screen } = await import('@nut-tree-fork/nut-js');
  // A first grab says whether it works at all (macOS asks for the Screen Recording permission).
  const probe = (await screen.grab()) as unknown as NutImage;
  return {
    width: probe.width,
    height: probe.height,
    grab: async (): Promise<ScreenGrab> => {
      const image = (await screen.grab()) as unknown as NutImage;
      return { width: image.width, height: image.height, pixels: tightRows(image) };
    },
    close: () => {},
  };
}
