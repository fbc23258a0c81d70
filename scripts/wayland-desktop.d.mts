/** Types of wayland-desktop.mjs. */
export type WaylandEvent =
  | { e: 'ready' }
  | { e: 'focus'; on: boolean }
  | { e: 'motion'; x: number; y: number }
  | { e: 'button'; button: number; down: boolean }
  | { e: 'scroll'; dir: string; dx?: number; dy?: number; stop?: boolean }
  | { e: 'key'; name: string; down: boolean; ctrl: boolean; shift: boolean; alt: boolean }
  | { e: 'buffer'; text: string }
  | { e: 'text'; text: string }
  | { e: 'cleared' }
  | { e: 'copied' }
  | { e: 'clipboard'; text: string | null }
  | { e: 'clipboard-image'; image: ClipboardImage | null };

/** A picture on the clipboard as the recording window sees it: its size and its first pixel. */
export interface ClipboardImage {
  width: number;
  height: number;
  pixel: [number, number, number];
}

export interface WaylandDesktop {
  /** The environment of a program in this desktop session (the host's). */
  env: Record<string, string>;
  /** Everything the recording window received, in order. */
  events: WaylandEvent[];
  waitFor<T>(what: string, found: (events: WaylandEvent[]) => T | undefined, timeoutMs?: number): Promise<T>;
  /** Answers the portal's next dialog; resolves once the button was pressed. */
  answerConsent(answer: 'share' | 'cancel', timeoutMs?: number): Promise<void>;
  clearText(): Promise<void>;
  /** The clipboard's text as the recording window sees it (null when it holds none). */
  clipboard(): Promise<string | null>;
  /** Puts text on the clipboard from the recording window, as the user copying it there. */
  copy(text: string): Promise<void>;
  /** Puts a 4 x 4 picture of #3366cc on the clipboard from the recording window. */
  copyImage(): Promise<void>;
  /** The picture on the clipboard as the recording window sees it (null when it holds none). */
  clipboardImage(): Promise<ClipboardImage | null>;
  stop(): Promise<void>;
}

/** xwayland: false runs the compositor without XWayland (no DISPLAY); it runs with it by default, as GNOME does. */
export function startWaylandDesktop(options?: { xwayland?: boolean }): Promise<WaylandDesktop>;
