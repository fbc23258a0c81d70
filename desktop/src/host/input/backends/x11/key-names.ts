/**
 * The phone's key names to X keysyms. A key is pressed by looking its keysym up in the live keymap,
 * so Ctrl+Z on German QWERTZ is the key marked Z and Ctrl+A on French AZERTY the key marked A.
 */
import type { HoldableKey, Modifier } from '@deskremote/shared';

const NAMED: Record<string, number> = {
  Enter: 0xff0d,
  Backspace: 0xff08,
  Escape: 0xff1b,
  Tab: 0xff09,
  Space: 0x20,
  Delete: 0xffff,
  Insert: 0xff63,
  ArrowLeft: 0xff51,
  ArrowUp: 0xff52,
  ArrowRight: 0xff53,
  ArrowDown: 0xff54,
  Home: 0xff50,
  End: 0xff57,
  PageUp: 0xff55,
  PageDown: 0xff56,
  PrintScreen: 0xff61,
};

const MODIFIERS: Record<Modifier, number> = { ctrl: 0xffe3, shift: 0xffe1, alt: 0xffe9, meta: 0xffeb };
const F1 = 0xffbe;

/** Where US QWERTY (evdev keycodes) has letters and digits: the fallback when the layout has no Latin ones (Russian, Greek). */
const US_ROWS: Array<[string, number]> = [
  ['1234567890', 10],
  ['qwertyuiop', 24],
  ['asdfghjkl', 38],
  ['zxcvbnm', 52],
];

export function keysymForKey(key: HoldableKey): number {
  if (key in MODIFIERS) return MODIFIERS[key as Modifier];
  const named = NAMED[key];
  if (named !== undefined) return named;
  const f = /^F(\d{1,2})$/.exec(key);
  if (f) return F1 + Number(f[1]) - 1;
  if (key.length === 1) return key.codePointAt(0) ?? 0;
  throw new Error(`no keysym for ${key}`);
}

export function usKeycodeFor(key: string): number | undefined {
  for (const [row, first] of US_ROWS) {
    const i = row.indexOf(key);
    if (i >= 0) return first + i;
  }
  return undefined;
}

export const SHIFT_L = MODIFIERS.shift;
