/**
 * The whole X screen, read through MIT-SHM: the server writes the pixels into a shared segment (the x11
 * package's built-in /dev/shm provider, attached with AttachFd), so 8 MB of a 1080p frame never crosses
 * the socket. Where shared memory cannot be attached (a remote display), core GetImage does the same, slower.
 */
import type { ShmSegment } from 'x11';
import { openX11Display } from '../x11/x11-client.js';

const Z_PIXMAP = 2;
const ALL_PLANES = 0xffffffff;

export interface ScreenGrab {
  width: number;
  height: number;
  /** B G R X, width × height × 4 bytes; valid until the next grab. */
  pixels: Buffer;
}

export interface Grabber {
  readonly width: number;
  readonly height: number;
  grab(): Promise<ScreenGrab>;
  close(): void;
}

export async function openX11Grabber(displayName: string): Promise<Grabber> {
  const display = await openX11Display(displayName);
  const screen = display.screen[0];
  if (!screen) throw new Error('the X display has no screen');
  if (screen.root_depth < 24) throw new Error(`a ${screen.root_depth}-bit screen cannot be previewed`);
  const { root, pixel_width: width, pixel_height: height } = screen;
  const client = display.client;
  const segment = await new Promise<ShmSegment | undefined>((resolve) => {
    client.require('shm', (error, shm) => {
      if (error) return resolve(undefined);
      shm.usable((usableError, usable) => {
        if (usableError || !usable) return resolve(undefined);
        shm.createSegment(width * height * 4, (segmentError, made) => resolve(segmentError ? undefined : made));
      });
    });
  });
  return {
    width,
    height,
    grab: () =>
      new Promise((resolve, reject) => {
        if (segment) {
          segment.getImage(root, 0, 0, width, height, ALL_PLANES, Z_PIXMAP, 0, (error) =>
            error ? reject(error) : resolve({ width, height, pixels: segment.buffer.subarray(0, width * height * 4) }),
          );
        } else {
          client.GetImage(Z_PIXMAP, root, 0, 0, width, height, ALL_PLANES, (error, image) =>
            error ? reject(error) : resolve({ width, height, pixels: image.data }),
          );
        }
      }),
    close: () => {
      segment?.detach();
      client.terminate();
    },
  };
}
