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
  | { e: 'cleared' };

export interface WaylandDesktop {
  /** The environment of a program in this desktop session (the host's). */
  env: Record<string, string>;
  /** Everything the recording window received, in order. */
  events: WaylandEvent[];
  waitFor<T>(what: string, found: (events: WaylandEvent[]) => T | undefined, timeoutMs?: number): Promise<T>;
  /** Answers the portal's next dialog; resolves once the button was pressed. */
  answerConsent(answer: 'share' | 'cancel', timeoutMs?: number): Promise<void>;
  clearText(): Promise<void>;
  /** The clipboard's text, read with wl-paste ('' when it holds none). */
  clipboard(): Promise<string>;
  stop(): Promise<void>;
}

export function startWaylandDesktop(): Promise<WaylandDesktop>;
