/**
 * Screen pixels to a small JPEG with sharp (libvips; prebuilt for Linux, macOS and Windows on x64 and
 * arm64). X11 hands 32-bit pixels as B, G, R and a padding byte that is NOT alpha (it is usually 0): read
 * as RGBA every frame would be black, so the padding is set opaque first, the image is shrunk, and blue
 * and red are swapped on the small image where it is cheap.
 */
import sharp from 'sharp';

export const PREVIEW_WIDTH = 480;
const QUALITY = 65;

// One thread: the preview is a few frames a second and must not take the cores the input needs.
sharp.concurrency(1);

export interface EncodedFrame {
  width: number;
  height: number;
  jpeg: Uint8Array;
}

/** `pixels`: width × height × 4 bytes, B G R X (little-endian 24/32-bit TrueColor). Changed in place. */
export async function encodeBgrx(
  pixels: Buffer,
  width: number,
  height: number,
  targetWidth = PREVIEW_WIDTH,
): Promise<EncodedFrame> {
  const words = new Uint32Array(pixels.buffer, pixels.byteOffset, width * height);
  for (let i = 0; i < words.length; i++) words[i] = (words[i] as number) | 0xff000000;
  const small = await sharp(pixels, { raw: { width, height, channels: 4 } })
    .removeAlpha()
    .resize(Math.min(targetWidth, width), null, { kernel: 'linear' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const rgb = small.data;
  for (let i = 0; i < rgb.length; i += 3) {
    const blue = rgb[i] as number;
    rgb[i] = rgb[i + 2] as number;
    rgb[i + 2] = blue;
  }
  const jpeg = await sharp(rgb, { raw: { width: small.info.width, height: small.info.height, channels: 3 } })
    .jpeg({ quality: QUALITY })
    .toBuffer();
  return {
    width: small.info.width,
    height: small.info.height,
    jpeg: new Uint8Array(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength),
  };
}
