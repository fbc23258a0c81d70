/**
 * The running slide show as the slide app tells it, for every phone: `show` and `showLink` in the host's
 * state, each slide's picture and notes on request, and go to slide N. LibreOffice Impress tells through
 * its remote control (impress-remote.ts). Slide commands (next, previous, black…) go to the app's remote
 * control instead of keys while its show runs (`slideByApp`), through the input queue like any stroke.
 */
import { randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { SlideAction, SlideProfileId, SlideShow } from '@deskremote/shared';
import sharp from 'sharp';
import * as v from 'valibot';
import { writeFileAtomic } from '../../devices/atomic-file.js';
import { FeatureRejected } from '../../session/feature-router.js';
import { isBehind } from '../../session/unread-limits.js';
import type { FeatureDeps } from '../feature-deps.js';
import type { ImpressCommand } from './impress-protocol.js';
import { ImpressRemote } from './impress-remote.js';

const PairingFile = v.object({ pin: v.pipe(v.string(), v.regex(/^\d{4}$/)) });

/** The PIN Impress knows this computer's DeskRemote by: made once, kept in the data folder. */
async function impressPin(dataDir: string): Promise<string> {
  const path = join(dataDir, 'impress-remote.json');
  try {
    const parsed = v.safeParse(PairingFile, JSON.parse(await readFile(path, 'utf8')));
    if (parsed.success) return parsed.output.pin;
  } catch {
    // None yet (or unreadable): a new one, which Impress asks for once.
  }
  const pin = String(randomInt(0, 10_000)).padStart(4, '0');
  await writeFileAtomic(path, `${JSON.stringify({ pin })}\n`);
  return pin;
}

export interface ShowFeatureOptions {
  /** Impress's remote-control port; false: do not look for Impress (tests that have no use for it). */
  impressPort?: number | false;
}

export interface ShowControl {
  /**
   * Carries out a slide command through the app's remote control when its show runs and the command is
   * for it; false: not for it (keys as usual).
   */
  slideByApp(action: SlideAction, slide: number | undefined, profile: SlideProfileId): boolean;
}

export async function installSlideShow(deps: FeatureDeps, options: ShowFeatureOptions = {}): Promise<ShowControl> {
  const name = `DeskRemote (${hostname()})`.slice(0, 100);
  const pin = await impressPin(deps.dataDir);
  let revision = 0;
  let lastShow: object | undefined;
  let blanked = false;
  deps.state.update({ showLink: { impress: options.impressPort === false ? 'off' : 'no-answer', pin, name } });

  const impress =
    options.impressPort === false
      ? undefined
      : new ImpressRemote({
          name,
          pin,
          ...(options.impressPort === undefined ? {} : { port: options.impressPort }),
          onChange: () => publish(),
          log: deps.log,
        });

  function publish(): void {
    const show = impress?.show;
    if (show !== lastShow) {
      // Another show (or the same one started again): phones forget the pictures they hold.
      lastShow = show;
      revision++;
      blanked = false;
    }
    let ready = 0;
    if (show)
      while (
        ready < show.count &&
        show.previews.has(ready) &&
        (show.notes.has(ready) || show.previews.has(ready + 1) || ready === show.count - 1)
      )
        ready++;
    const state: SlideShow | null = show
      ? { source: 'impress', title: show.title.slice(0, 200), count: show.count, current: show.current + 1, ready, revision }
      : null;
    deps.state.update({ show: state, showLink: { impress: impress?.status ?? 'off', pin, name } });
  }

  const slideOf = (slide: number) => {
    const show = impress?.show;
    if (!show) throw new FeatureRejected('no-show', { slide });
    if (slide > show.count) throw new FeatureRejected('no-show', { slide });
    return { show, index: slide - 1 };
  };

  deps.features.on('showGoto', (_session, command) => {
    const { index } = slideOf(command.slide);
    if (!impress?.send({ kind: 'goto', slide: index })) throw new FeatureRejected('no-show', { slide: command.slide });
    blanked = false;
    return 'ack';
  });
  deps.features.on('showNotes', (session, command) => {
    const { show, index } = slideOf(command.slide);
    session.send({ t: 'showNotes', id: command.id, slide: command.slide, text: (show.notes.get(index) ?? '').slice(0, 2000) });
    return 'answered';
  });
  deps.features.on('showPicture', async (session, command) => {
    if (isBehind(session)) throw new FeatureRejected('rate-limited', { why: 'unread' });
    const { show, index } = slideOf(command.slide);
    const png = show.previews.get(index);
    if (!png) throw new FeatureRejected('no-show', { slide: command.slide });
    try {
      const { data, info } = await sharp(png)
        .flatten({ background: '#000000' })
        .jpeg({ quality: 80 })
        .toBuffer({ resolveWithObject: true });
      session.send({
        t: 'frame',
        id: command.id,
        width: info.width,
        height: info.height,
        jpeg: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      });
      return 'answered' as const;
    } catch {
      throw new FeatureRejected('no-show', { slide: command.slide });
    }
  });
  deps.onStop(() => impress?.stop());

  return {
    slideByApp(action, slide, profile) {
      const show = impress?.show;
      // The show runs in Impress and the command is for Impress: the phone chose it, or the focused window
      // is Impress or nothing with keys of its own (a terminal, the desktop window).
      if (!impress || !show || (profile !== 'impress' && profile !== 'clicker')) return false;
      let command: ImpressCommand | undefined;
      // Impress leaves a black screen on next, previous and go to slide: so does the toggle below.
      if (action === 'next') command = { kind: 'next' };
      else if (action === 'previous') command = { kind: 'previous' };
      else if (action === 'goto' && slide !== undefined) command = { kind: 'goto', slide: Math.min(slide, show.count) - 1 };
      else if (action === 'start') command = { kind: 'goto', slide: 0 };
      else if (action === 'end') command = { kind: 'stop' };
      else if (action === 'black') {
        command = blanked ? { kind: 'resume' } : { kind: 'blank' };
        blanked = !blanked;
      }
      // White screen and start-here have no remote command: the keys do them.
      if (!command || !impress.send(command)) return false;
      if (command.kind !== 'blank' && command.kind !== 'resume') blanked = false;
      return true;
    },
  };
}
