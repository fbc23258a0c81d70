import type { KeyName, MediaAction, Modifier } from '@deskremote/shared';
import type { Key as NutKey } from '@nut-tree-fork/nut-js';

type KeyEnum = typeof NutKey;

const NAMED: Record<string, keyof KeyEnum> = {
  Enter: 'Return',
  Backspace: 'Backspace',
  Escape: 'Escape',
  Tab: 'Tab',
  Space: 'Space',
  Delete: 'Delete',
  Insert: 'Insert',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  PrintScreen: 'Print',
  '.': 'Period',
  ',': 'Comma',
};

export function nutKeyFor(Key: KeyEnum, key: KeyName): NutKey {
  const named = NAMED[key];
  if (named) return Key[named];
  if (/^F\d{1,2}$/.test(key)) return Key[key as keyof KeyEnum];
  if (/^[a-z]$/.test(key)) return Key[key.toUpperCase() as keyof KeyEnum];
  if (/^\d$/.test(key)) return Key[`Num${key}` as keyof KeyEnum];
  throw new Error(`no key mapping for ${key}`);
}

export function nutModifierFor(Key: KeyEnum, mod: Modifier, platform: NodeJS.Platform): NutKey {
  switch (mod) {
    case 'ctrl':
      return Key.LeftControl;
    case 'shift':
      return Key.LeftShift;
    case 'alt':
      return Key.LeftAlt;
    case 'meta':
      return platform === 'darwin' ? Key.LeftCmd : Key.LeftSuper;
  }
}

export function nutMediaKeyFor(Key: KeyEnum, action: MediaAction): NutKey {
  const keys: Record<MediaAction, NutKey> = {
    playPause: Key.AudioPlay,
    previous: Key.AudioPrev,
    next: Key.AudioNext,
    volumeDown: Key.AudioVolDown,
    volumeUp: Key.AudioVolUp,
    mute: Key.AudioMute,
  };
  return keys[action];
}
