/**
 * A picture for a phone, as the one image frame that answers its request (album art, a slide): any image
 * sharp reads, made to fit `box` × `box` pixels (a smaller one enlarged only with `enlarge`), flattened on
 * `background` and sent as JPEG.
 */
import type { PreviewFrame } from '@deskremote/shared';
import sharp from 'sharp';

export async function imageFrame(
  id: number,
  image: Buffer,
  options: { box: number; quality: number; background?: string; enlarge?: boolean },
): Promise<PreviewFrame> {
  const { data, info } = await sharp(image)
    .resize(options.box, options.box, { fit: 'inside', withoutEnlargement: options.enlarge !== true })
    .flatten({ background: options.background ?? '#000000' })
    .jpeg({ quality: options.quality })
    .toBuffer({ resolveWithObject: true });
  return {
    t: 'frame',
    id,
    width: info.width,
    height: info.height,
    jpeg: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  };
}
