/**
 * A slide app that tells its show (LibreOffice Impress through its remote control, Okular over D-Bus):
 * what show-feature.ts needs of each, the same for every app. Slides count from 1 here.
 */
import type { ShowSource, SlideProfileId } from '@deskremote/shared';

export type ShowCommand =
  | { kind: 'next' }
  | { kind: 'previous' }
  | { kind: 'goto'; slide: number }
  | { kind: 'blank' }
  | { kind: 'resume' }
  | { kind: 'stop' };

export interface ShowSnapshot {
  title: string;
  count: number;
  /** From 1. */
  current: number;
  /** Slides from 1 on whose picture and notes can be asked for now. */
  ready: number;
  /** Changes when the presentation does (another file, the show started again). */
  identity: string;
}

export interface SlideShowSource {
  readonly id: ShowSource;
  /** The slide profile of this app's windows: commands for that profile (or no app in particular) come here. */
  readonly profile: SlideProfileId;
  /** Undefined while the app shows nothing it tells. */
  snapshot(): ShowSnapshot | undefined;
  /** Slide `slide`'s notes as plain text ('' where it has none). */
  notes(slide: number): Promise<string>;
  /** Slide `slide`'s picture as PNG or JPEG bytes; undefined where there is none (yet). */
  picture(slide: number): Promise<Buffer | undefined>;
  /** Carries a command out; false where this app cannot (the keys do it). */
  send(command: ShowCommand): boolean;
  stop(): void;
}
