import type { HoldableKey, KeyName, MediaAction, Modifier, MouseButton } from '@deskremote/shared';

/** The operating system's input, as the dispatcher needs it. One implementation per injection backend. */
export interface InputDriver {
  /** Moves the pointer by a relative amount in desktop pixels. */
  moveBy(dx: number, dy: number): Promise<void>;
  /** Scrolls by whole wheel steps; positive y scrolls the content down, positive x to the right. */
  scrollSteps(x: number, y: number): Promise<void>;
  /** Smooth scrolling in phone pixels, where the backend has it (the Wayland portal); else scrollSteps is used. */
  scrollPixels?(dx: number, dy: number): Promise<void>;
  click(button: MouseButton, double: boolean): Promise<void>;
  setButton(button: MouseButton, down: boolean): Promise<void>;
  /** Presses the modifiers, taps the key, releases in reverse order; never leaves a key held. */
  tapKey(key: KeyName, mods: readonly Modifier[]): Promise<void>;
  /** Presses or releases one key or modifier and leaves it so; the dispatcher tracks what is held. */
  setKey(key: HoldableKey, down: boolean): Promise<void>;
  tapMediaKey(action: MediaAction): Promise<void>;
  /** Why this text cannot be typed exactly, or undefined if it can. Checked before anything is injected. */
  textProblem(text: string): TextProblem | undefined;
  /** Types text; `progress` (where the driver counts) hears how many of how many characters are typed. */
  typeText(text: string, progress?: TextProgress): Promise<void>;
}

/** Told as a long text is typed: characters (grapheme clusters) done of total. */
export type TextProgress = (done: number, total: number) => void;

/** The first character a driver cannot type, and why: sent to the phone as parameters of 'unsupported-text'. */
export interface TextProblem {
  char: string;
  reason: 'control' | 'ascii-only';
}

/**
 * The system kept the input out (Windows: SendInput injected fewer events than asked, which is what UIPI does
 * to input aimed at a window that runs as administrator). Said to the phone as a reason, not as an error text.
 */
export class InjectionBlocked extends Error {
  constructor(readonly why: 'elevated-window') {
    super(why);
  }
}
