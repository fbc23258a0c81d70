/**
 * Which level the volume slider shows: the finger's while it is on the slider, the computer's otherwise.
 *
 * A timer alone cannot tell a resting finger from a lifted one, and it let the slider keep showing the
 * phone's last value after the level had been changed elsewhere (a keyboard key, another phone). So the
 * hold ends on the first level from the computer that is not an echo of a value still on its way: the
 * phone's own last value arriving, or a value the phone never sent (a change made elsewhere). Echoes of
 * values sent earlier in the same drag are ignored while the finger is up, so the slider does not jump
 * back through them. The settle time stays as a fallback for a host that does not echo an unchanged level.
 */
export interface SliderHold {
  /** The level the finger chose, shown instead of the computer's; undefined when the computer's is shown. */
  held: number | undefined;
  fingerDown: boolean;
  /** Levels sent during this hold, oldest first; the last is the one the computer will end on. */
  sent: readonly number[];
}

export const NOT_HELD: SliderHold = { held: undefined, fingerDown: false, sent: [] };

/** Keeps a drag's memory small: only recent values can still be echoed. */
const REMEMBERED = 16;

export function onFingerDown(hold: SliderHold): SliderHold {
  return { ...hold, fingerDown: true };
}

export function onFingerUp(hold: SliderHold): SliderHold {
  return { ...hold, fingerDown: false };
}

/** The slider moved to `level` (by finger, keyboard or assistive technology). */
export function onSliderInput(hold: SliderHold, level: number): SliderHold {
  return { ...hold, held: level };
}

/** `level` was sent to the computer. */
export function onLevelSent(hold: SliderHold, level: number): SliderHold {
  return { ...hold, sent: [...hold.sent, level].slice(-REMEMBERED) };
}

/** The computer reported `level`. */
export function onComputerLevel(hold: SliderHold, level: number): SliderHold {
  if (hold.held === undefined || hold.fingerDown) return hold;
  const index = hold.sent.lastIndexOf(level);
  const echoOfEarlierValue = index >= 0 && index < hold.sent.length - 1;
  // Our own last value arrived, or a value we never sent: the computer's level is the truth again.
  return echoOfEarlierValue ? hold : NOT_HELD;
}

/** The finger has rested (or lifted) for the settle time: show the computer's level whatever it says. */
export function onSettled(hold: SliderHold): SliderHold {
  return hold.fingerDown ? hold : NOT_HELD;
}
