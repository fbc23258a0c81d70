/**
 * Linux evdev codes (linux/input-event-codes.h), for the keys whose place does not depend on the
 * layout. The portal takes keys as keysyms or as evdev keycodes: characters go as keysyms (so Ctrl+Z
 * is the key marked Z on QWERTZ, as on X11), and these go as keycodes, which a compositor never drops
 * for want of a keysym in the active layout.
 */
import type { MediaAction, Modifier, MouseButton } from '@deskremote/shared';

const NAMED: Record<string, number> = {
  Escape: 1,
  Backspace: 14,
  Tab: 15,
  Enter: 28,
  Space: 57,
  PrintScreen: 99,
  Home: 102,
  ArrowUp: 103,
  PageUp: 104,
  ArrowLeft: 105,
  ArrowRight: 106,
  End: 107,
  ArrowDown: 108,
  PageDown: 109,
  Insert: 110,
  Delete: 111,
};
const FUNCTION_KEYS = [
  59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 87, 88, 183, 184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 194,
];

export const MODIFIER_CODES: Record<Modifier, number> = { ctrl: 29, shift: 42, alt: 56, meta: 125 };

export const MEDIA_CODES: Record<MediaAction, number> = {
  mute: 113,
  volumeDown: 114,
  volumeUp: 115,
  next: 163,
  playPause: 164,
  previous: 165,
};

export const BUTTON_CODES: Record<MouseButton, number> = { left: 0x110, right: 0x111, middle: 0x112 };

/** The evdev code of a key with a fixed place (named keys, function keys, modifiers); undefined for characters. */
export function evdevCodeFor(key: string): number | undefined {
  if (key in MODIFIER_CODES) return MODIFIER_CODES[key as Modifier];
  const named = NAMED[key];
  if (named !== undefined) return named;
  const f = /^F(\d{1,2})$/.exec(key);
  return f ? FUNCTION_KEYS[Number(f[1]) - 1] : undefined;
}
