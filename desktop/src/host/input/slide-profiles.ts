import type { KeyName, Modifier, SlideAction } from '@deskremote/shared';

export interface KeyStroke {
  key: KeyName;
  mods: readonly Modifier[];
}
export type SlideProfile = { id: string; name: string; keys: Partial<Record<SlideAction, KeyStroke>> };

const stroke = (key: KeyName, ...mods: Modifier[]): KeyStroke => ({ key, mods });

/**
 * What a presentation clicker sends. PageDown/PageUp advance PowerPoint, Keynote, LibreOffice Impress,
 * Google Slides and PDF viewers alike; F5 starts PowerPoint and Impress; 'b' blacks the screen in all four.
 */
export const CLICKER_PROFILE: SlideProfile = {
  id: 'clicker',
  name: 'Presentation clicker (PowerPoint, Impress, Google Slides)',
  keys: {
    next: stroke('PageDown'),
    previous: stroke('PageUp'),
    start: stroke('F5'),
    end: stroke('Escape'),
    black: stroke('b'),
  },
};

/** Keynote starts with Option-Command-P; everything else is as a clicker. */
export const KEYNOTE_PROFILE: SlideProfile = {
  id: 'keynote',
  name: 'Keynote',
  keys: { ...CLICKER_PROFILE.keys, start: stroke('p', 'alt', 'meta') },
};

export function defaultSlideProfile(platform: NodeJS.Platform): SlideProfile {
  return platform === 'darwin' ? KEYNOTE_PROFILE : CLICKER_PROFILE;
}
