/**
 * The running slide show as the slide app tells it, for every phone: `show` and `showLink` in the host's
 * state, each slide's picture and notes on request, and go to slide N. LibreOffice Impress tells through
 * its remote control, Okular over D-Bus (show-source.ts). Slide commands (next, previous, black…) go to
 * the app itself instead of keys while it tells its show (`slideByApp`), through the input queue like any
 * stroke.
 */
import { randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { SlideAction, SlideProfileId } from '@deskremote/shared';
import * as v from 'valibot';
import { writeFileAtomic } from '../../devices/atomic-file.js';
import { imageFrame } from '../../session/image-frame.js';
import { Rejected } from '../../session/rejected.js';
import { isBehind } from '../../session/unread-limits.js';
import type { FeatureDeps } from '../feature-deps.js';
import { ImpressSource } from './impress-source.js';
import { KeynoteDriver } from './keynote-driver.js';
import { OkularSource } from './okular-source.js';
import { PolledSource } from './polled-source.js';
import { PowerPointDriver } from './powerpoint-driver.js';
import type { ShowCommand, SlideShowSource } from './show-source.js';

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
  /** Whether to follow Okular over the session bus (true by default). */
  okular?: boolean;
  /** The platform whose slide apps are followed: PowerPoint on Windows, Keynote on a Mac. */
  platform?: NodeJS.Platform;
}

export interface ShowControl {
  /**
   * Carries out a slide command through the app itself when it tells its show and the command is for it;
   * false: not for it (keys as usual).
   */
  slideByApp(action: SlideAction, slide: number | undefined, profile: SlideProfileId): boolean;
}

/** How a slide command is said to the app; white screen and start-here have no such word (keys do them). */
function commandFor(action: SlideAction, slide: number | undefined, blanked: boolean): ShowCommand | undefined {
  if (action === 'next') return { kind: 'next' };
  if (action === 'previous') return { kind: 'previous' };
  if (action === 'goto' && slide !== undefined) return { kind: 'goto', slide };
  if (action === 'start') return { kind: 'goto', slide: 1 };
  if (action === 'end') return { kind: 'stop' };
  if (action === 'black') return blanked ? { kind: 'resume' } : { kind: 'blank' };
  return undefined;
}

export async function installSlideShow(deps: FeatureDeps, options: ShowFeatureOptions = {}): Promise<ShowControl> {
  const name = `DeskRemote (${hostname()})`.slice(0, 100);
  const pin = await impressPin(deps.dataDir);
  let revision = 0;
  let lastIdentity: string | undefined;
  let blanked = false;
  const onChange = () => publish();
  const impress =
    options.impressPort === false
      ? undefined
      : new ImpressSource({
          name,
          pin,
          ...(options.impressPort === undefined ? {} : { port: options.impressPort }),
          onChange,
          log: deps.log,
        });
  const okular =
    options.okular === false || deps.display === undefined
      ? undefined
      : new OkularSource({ wanted: () => deps.state.state.focus?.profile === 'okular', onChange, log: deps.log });
  const platform = options.platform ?? process.platform;
  // PowerPoint's and Keynote's shows run full screen in front: asked a couple of times a second.
  const powerpoint =
    platform === 'win32'
      ? new PolledSource('powerpoint', 'powerpoint', new PowerPointDriver(), { onChange, pollMs: 500 })
      : undefined;
  const keynote =
    platform === 'darwin' ? new PolledSource('keynote', 'keynote', new KeynoteDriver(), { onChange, pollMs: 700 }) : undefined;
  const sources: SlideShowSource[] = [impress, okular, powerpoint, keynote].filter(
    (s): s is NonNullable<typeof s> => s !== undefined,
  );

  /** The app whose show the phones follow: the first that tells one (Impress's show runs full screen, in front). */
  const active = () => sources.find((s) => s.snapshot() !== undefined);

  function publish(): void {
    const source = active();
    const snapshot = source?.snapshot();
    if (snapshot?.identity !== lastIdentity) {
      // Another presentation: phones forget the pictures they hold.
      lastIdentity = snapshot?.identity;
      revision++;
      blanked = false;
    }
    deps.state.update({
      show:
        source && snapshot
          ? {
              source: source.id,
              title: snapshot.title.slice(0, 200),
              count: snapshot.count,
              current: snapshot.current,
              ready: snapshot.ready,
              revision,
            }
          : null,
      showLink: { impress: impress?.status ?? 'off', pin, name },
    });
  }
  publish();
  // Okular is followed while it has the focus: the focus moving there (or away) is a change.
  deps.state.subscribe((changes) => {
    if ('focus' in changes) publish();
  });

  const slideOf = (slide: number) => {
    const source = active();
    const snapshot = source?.snapshot();
    if (!source || !snapshot || slide > snapshot.count) throw new Rejected('no-show', { slide });
    return source;
  };

  deps.features.on('showGoto', (_session, command) => {
    if (!slideOf(command.slide).send({ kind: 'goto', slide: command.slide }))
      throw new Rejected('no-show', { slide: command.slide });
    blanked = false;
    return 'ack';
  });
  deps.features.on('showNotes', async (session, command) => {
    const text = (await slideOf(command.slide).notes(command.slide)).slice(0, 2000);
    session.send({ t: 'showNotes', id: command.id, slide: command.slide, text });
    return 'answered' as const;
  });
  deps.features.on('showPicture', async (session, command) => {
    if (isBehind(session)) throw new Rejected('rate-limited', { why: 'unread' });
    const image = await slideOf(command.slide).picture(command.slide);
    if (!image) throw new Rejected('no-show', { slide: command.slide });
    try {
      session.send(await imageFrame(command.id, image, { box: 480, quality: 80, background: '#ffffff' }));
      return 'answered' as const;
    } catch {
      throw new Rejected('no-show', { slide: command.slide });
    }
  });
  deps.onStop(() => {
    for (const source of sources) source.stop();
  });

  return {
    slideByApp(action, slide, profile) {
      const source = active();
      const snapshot = source?.snapshot();
      // The command is for the app that tells its show: the phone chose it, or the focused window is that
      // app or nothing with keys of its own (a terminal, the desktop window).
      if (!source || !snapshot || (profile !== source.profile && profile !== 'clicker')) return false;
      const command = commandFor(action, slide === undefined ? undefined : Math.min(slide, snapshot.count), blanked);
      if (!command || !source.send(command)) return false;
      // An app leaves a black screen on next, previous and go to slide: so does the toggle.
      blanked = command.kind === 'blank';
      return true;
    },
  };
}
