/**
 * What each slide app wants for each action a speaker asks for. An action an app does not have is absent
 * (the host answers 'not-in-profile' rather than press a key that does something else). 'goto' is the
 * slide number typed, then Enter, where the app has it. Shortcuts from each app's own documentation:
 * PowerPoint (Windows and Mac), Keynote, Google Slides, LibreOffice Impress, Evince, Okular, Adobe
 * Reader, macOS Preview, reveal.js.
 */
import type { KeyName, Modifier, Platform, SlideAction, SlideProfileId } from '@deskremote/shared';

export interface KeyStroke {
  key: KeyName;
  mods: readonly Modifier[];
  /**
   * How long the app needs after this stroke before the next means anything: a viewer entering its
   * presentation mode ignores (or half-draws) a Home that arrives in the same instant.
   */
  settleMs?: number;
}
/** The keys of one action, pressed one after another. */
export type KeySequence = readonly KeyStroke[];
export interface SlideProfile {
  id: SlideProfileId;
  keys: Partial<Record<Exclude<SlideAction, 'goto'>, KeySequence>>;
  /** Typing the slide number and Enter goes to that slide. */
  goto: boolean;
}

const k = (key: KeyName, ...mods: Modifier[]): KeyStroke => ({ key, mods });
/** Entering a presentation mode, then a moment for the app to get there. */
const ENTER_MS = 400;
const entering = (stroke: KeyStroke): KeyStroke => ({ ...stroke, settleMs: ENTER_MS });
const PAGING = { next: [k('PageDown')], previous: [k('PageUp')], end: [k('Escape')] } as const;
const BLANKERS = { black: [k('b')], white: [k('w')] } as const;

const PROFILES: Record<SlideProfileId, SlideProfile> = {
  powerpoint: {
    id: 'powerpoint',
    keys: { ...PAGING, ...BLANKERS, start: [k('F5')], startHere: [k('F5', 'shift')] },
    goto: true,
  },
  'powerpoint-mac': {
    id: 'powerpoint-mac',
    keys: { ...PAGING, ...BLANKERS, start: [k('Enter', 'meta', 'shift')], startHere: [k('Enter', 'meta')] },
    goto: true,
  },
  // Keynote plays from the selected slide (⌥⌘P); from the first means playing, then Home.
  keynote: {
    id: 'keynote',
    keys: { ...PAGING, ...BLANKERS, start: [entering(k('p', 'alt', 'meta')), k('Home')], startHere: [k('p', 'alt', 'meta')] },
    goto: true,
  },
  'google-slides': {
    id: 'google-slides',
    keys: { ...PAGING, ...BLANKERS, start: [k('F5', 'ctrl', 'shift')], startHere: [k('F5', 'ctrl')] },
    goto: true,
  },
  impress: {
    id: 'impress',
    keys: { ...PAGING, ...BLANKERS, start: [k('F5')], startHere: [k('F5', 'shift')] },
    goto: true,
  },
  // Evince's presentation mode starts at the current page; Home goes to the first (sent at once after F5,
  // Evince showed black for the first slides). B and W blank it.
  evince: {
    id: 'evince',
    keys: { ...PAGING, ...BLANKERS, start: [entering(k('F5')), k('Home')], startHere: [k('F5')] },
    goto: false,
  },
  // Okular's presentation mode (Ctrl+Shift+P) has no white screen; B toggles a black one.
  okular: {
    id: 'okular',
    keys: {
      ...PAGING,
      black: [k('b')],
      start: [entering(k('p', 'ctrl', 'shift')), k('Home')],
      startHere: [k('p', 'ctrl', 'shift')],
    },
    goto: false,
  },
  // Adobe Reader: full screen (Ctrl+L) is its presentation; it has no black or white screen.
  'adobe-reader': {
    id: 'adobe-reader',
    keys: { ...PAGING, start: [entering(k('l', 'ctrl')), k('Home')], startHere: [k('l', 'ctrl')] },
    goto: false,
  },
  // Preview's slideshow is ⇧⌘F; no black or white screen.
  'mac-preview': {
    id: 'mac-preview',
    keys: { ...PAGING, start: [entering(k('f', 'meta', 'shift')), k('Home')], startHere: [k('f', 'meta', 'shift')] },
    goto: false,
  },
  // reveal.js: F for full screen, Home for the first slide, B (or .) pauses on black; no white screen.
  reveal: {
    id: 'reveal',
    keys: { ...PAGING, black: [k('b')], start: [k('Home'), k('f')], startHere: [k('f')] },
    goto: false,
  },
  // A hardware presentation clicker: what most apps understand without knowing which one it is.
  clicker: {
    id: 'clicker',
    keys: { ...PAGING, black: [k('b')], start: [k('F5')] },
    goto: false,
  },
};

export function slideProfile(id: SlideProfileId): SlideProfile {
  return PROFILES[id];
}

/** The keys for `action` in `profile`, or undefined where the app has no such thing. */
export function keysFor(profile: SlideProfile, action: SlideAction, slide?: number): KeySequence | undefined {
  if (action !== 'goto') return profile.keys[action];
  if (!profile.goto || slide === undefined) return undefined;
  return [...String(slide)].map((digit) => k(digit as KeyName)).concat(k('Enter'));
}

/** Where nothing says which app has the focus: a clicker's keys, or Keynote's on a Mac. */
export function defaultProfileId(platform: Platform | NodeJS.Platform): SlideProfileId {
  return platform === 'darwin' ? 'keynote' : 'clicker';
}

/** Kept for the tests that name the clicker's keys. */
export const CLICKER_PROFILE = PROFILES.clicker;
