/**
 * Paints random pixels over the whole root window of an X display: the worst case for the preview's JPEG
 * (each frame as large as a frame gets), so a test of the host's backlog sees real sizes at once.
 */
import { randomBytes } from 'node:crypto';
import * as x11 from 'x11';

/** The requests this painter needs beyond those the host's own declaration lists. */
interface PaintClient {
  AllocID(): number;
  CreateGC(id: number, drawable: number, values: Record<string, number>): void;
  PutImage(
    format: number,
    drawable: number,
    gc: number,
    width: number,
    height: number,
    x: number,
    y: number,
    leftPad: number,
    depth: number,
    data: Buffer,
  ): void;
}

const Z_PIXMAP = 2;
/** Rows per request: one strip stays under the core protocol's request size (256 KB). */
const STRIP_ROWS = 40;

export function paintNoise(displayName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const client = x11.createClient({ display: displayName }, (error, display) => {
      if (error) return reject(error);
      const x = display.client as unknown as x11.XClient & PaintClient;
      const screen = display.screen[0];
      if (!screen) return reject(new Error('no screen'));
      const gc = x.AllocID();
      x.CreateGC(gc, screen.root, {});
      for (let y = 0; y < screen.pixel_height; y += STRIP_ROWS) {
        const rows = Math.min(STRIP_ROWS, screen.pixel_height - y);
        // 32 bits a pixel at depth 24, as Xvfb stores it.
        x.PutImage(
          Z_PIXMAP,
          screen.root,
          gc,
          screen.pixel_width,
          rows,
          0,
          y,
          0,
          screen.root_depth,
          randomBytes(screen.pixel_width * rows * 4),
        );
      }
      // A round trip: every strip before it has been drawn.
      x.GetInputFocus((focusError) => {
        x.terminate();
        if (focusError) reject(focusError);
        else resolve();
      });
    });
    client.on('error', reject);
  });
}
