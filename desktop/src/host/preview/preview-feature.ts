/**
 * The live screen preview: a frame of the whole screen, about 480 px wide, JPEG, for each request of a
 * phone that shows the preview, on the same encrypted channel as everything else. On X11 through MIT-SHM;
 * on Windows and macOS through nut-js; where neither grabs, the state says so and the phone too.
 */

import type { FeatureDeps } from '../presenter/feature-deps.js';
import { Rejected } from '../session/rejected.js';
import { isBehind } from '../session/unread-limits.js';
import { encodeBgrx } from './jpeg-encoder.js';
import { openNutGrabber } from './nut-grabber.js';
import { PreviewScheduler } from './preview-scheduler.js';
import { type Grabber, openX11Grabber } from './x11-grabber.js';

/** A few frames a second: enough to see the slide change, little enough for the CPU and the Wi-Fi. */
export const PREVIEW_FPS = 5;

export function installPreview(deps: FeatureDeps): PreviewScheduler {
  let grabber: Grabber | undefined;
  let opening: Promise<Grabber> | undefined;
  const open = (): Promise<Grabber> => {
    // X11: our own connection (MIT-SHM, or GetImage where the server will not share memory); elsewhere nut-js.
    // Never libnut on X11: it ends the process with a segmentation fault when the display cannot be opened.
    const display = deps.display;
    const opener = display ? () => openX11Grabber(display) : openNutGrabber;
    opening ??= opener().then((opened) => {
      grabber = opened;
      return opened;
    });
    opening.catch(() => {
      opening = undefined;
    });
    return opening;
  };
  const scheduler = new PreviewScheduler(
    async () => {
      const screen = await (await open()).grab();
      return encodeBgrx(screen.pixels, screen.width, screen.height);
    },
    {
      fps: PREVIEW_FPS,
      onActive: (active) => deps.log(active ? 'preview: grabbing for a phone' : 'preview: idle (no phone asks)'),
    },
  );
  // Whether there is anything to grab is known at once; the first grab says whether it works.
  if (deps.display || process.platform === 'win32' || process.platform === 'darwin') {
    open().then(
      () => deps.state.update({ presenterTools: { ...deps.state.state.presenterTools, preview: 'ready' } }),
      (error: unknown) => deps.log(`preview unavailable: ${error instanceof Error ? error.message : String(error)}`),
    );
  }
  deps.features.on('preview', (session, command) => {
    if (deps.state.state.presenterTools.preview !== 'ready') throw new Rejected('preview-unavailable', { why: 'no-display' });
    scheduler.request({
      key: session,
      id: command.id,
      deliver: (frame) => session.send({ t: 'frame', id: command.id, ...frame }),
      ready: () => !isBehind(session),
      fail: (why) =>
        session.send({ t: 'error', id: command.id, code: 'preview-unavailable', params: { why: why.slice(0, 200) } }),
    });
    return 'answered';
  });
  deps.features.onSessionClosed((session) => scheduler.forget(session));
  deps.onStop(() => {
    scheduler.stop();
    grabber?.close();
  });
  return scheduler;
}
