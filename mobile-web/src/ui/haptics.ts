/**
 * The phone's buzzes, named by what they mean, in one place: a page cannot vibrate an iPhone (no
 * Vibration API in Safari), so every buzz here also has something to see beside it where it matters.
 */
const PATTERNS = {
  /** A key or a tap went out. */
  tap: 8,
  /** A button of the phone's own deck was done. */
  done: 12,
  /** The computer confirmed a slide change. */
  confirmed: 15,
  /** A talk-timer warning. */
  warning: [200, 100, 200],
  /** A cue from the desktop window: three short buzzes. */
  cue: [80, 60, 80, 60, 80],
} as const;

export type Buzz = keyof typeof PATTERNS;

export function buzz(kind: Buzz): void {
  navigator.vibrate?.(PATTERNS[kind] as number | number[]);
}
