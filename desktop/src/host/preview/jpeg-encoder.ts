/**
 * Screen pixels to a small JPEG with sharp (libvips; prebuilt for Linux, macOS and Windows on x64 and
 * arm64). X11 hands 32-bit pixels as B, G, R and a padding byte that is NOT alpha (it is usually 0): read
 * as RGBA every frame would be black. So the screen is shrunk here, in one pass that reads each pixel's
 * blue, green and red and ignores the padding, and sharp only scales the last step and encodes.
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

/**
 * Averages each f×f block of B G R X pixels into one R G B pixel, f the largest whole factor that keeps
 * the result at least `targetWidth` wide. One pass over the screen that also drops the padding byte and
 * puts red first: a third of the cost of handing 8 MB to an image library.
 */
export function shrinkBgrx(
  pixels: Buffer,
  width: number,
  height: number,
  targetWidth: number,
): { rgb: Buffer; width: number; height: number } {
  const factor = Math.max(1, Math.floor(width / targetWidth));
  const outWidth = Math.floor(width / factor);
  const outHeight = Math.floor(height / factor);
  const words = new Uint32Array(pixels.buffer, pixels.byteOffset, width * height);
  const rgb = Buffer.allocUnsafe(outWidth * outHeight * 3);
  const area = factor * factor;
  let out = 0;
  for (let oy = 0; oy < outHeight; oy++) {
    for (let ox = 0; ox < outWidth; ox++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let dy = 0; dy < factor; dy++) {
        let index = (oy * factor + dy) * width + ox * factor;
        for (let dx = 0; dx < factor; dx++, index++) {
          const word = words[index] as number;
          b += word & 0xff;
          g += (word >>> 8) & 0xff;
          r += (word >>> 16) & 0xff;
        }
      }
      rgb[out++] = r / area;
      rgb[out++] = g / area;
      rgb[out++] = b / area;
    }
  }
  return { rgb, width: outWidth, height: outHeight };
}

/** `pixels`: width × height × 4 bytes, B G R X (little-endian 24/32-bit TrueColor). */
export async function encodeBgrx(
  pixels: Buffer,
  width: number,
  height: number,
  targetWidth = PREVIEW_WIDTH,
): Promise<EncodedFrame> {
  const small = shrinkBgrx(pixels, width, height, targetWidth);
  let image = sharp(small.rgb, { raw: { width: small.width, height: small.height, channels: 3 } });
  if (small.width > targetWidth) image = image.resize(targetWidth);
  const { data, info } = await image.jpeg({ quality: QUALITY }).toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, jpeg: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}
