/**
 * What each session holds down: mouse buttons (drags) and keys or modifiers (sticky modifiers, Alt held
 * across Tabs). The OS has one keyboard and one pointer, so an input is let go only when no session holds
 * it any more. A key held longer than the limit without being renewed (pressed again by the same session)
 * is taken as stuck (a phone that lost its way, a forgotten lock): the owner is told to release it.
 * Pure bookkeeping: the dispatcher does the releasing, in its queue, so it stays in order with commands.
 */
import type { HoldableKey, MouseButton } from '@deskremote/shared';
import type { InputDriver } from './input-driver.js';

/** Long enough for Alt+Tab through many windows or a stretch of capitals, short enough for a stuck key. */
export const HELD_KEY_LIMIT_MS = 30_000;

export interface HeldInputsOptions {
  limitMs?: number;
  now?: () => number;
  /** A key outlived the limit; called from a timer. */
  onOverdue: (sessionId: string, key: HoldableKey) => void;
}

interface HeldKey {
  renewedAt: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** What to let go of at the OS: what the session held and no other session still holds. */
export interface Released {
  keys: HoldableKey[];
  buttons: MouseButton[];
}

export class HeldInputs {
  private readonly buttons = new Map<string, Set<MouseButton>>();
  private readonly keys = new Map<string, Map<HoldableKey, HeldKey>>();
  /** Per session: told when the host let go of a key it held too long (the session tells its phone). */
  private readonly watchers = new Map<string, (key: HoldableKey) => void>();
  readonly limitMs: number;
  private readonly now: () => number;

  constructor(private readonly options: HeldInputsOptions) {
    this.limitMs = options.limitMs ?? HELD_KEY_LIMIT_MS;
    this.now = options.now ?? (() => performance.now());
  }

  setButton(sessionId: string, button: MouseButton, down: boolean): void {
    const held = this.buttons.get(sessionId) ?? new Set<MouseButton>();
    if (down) held.add(button);
    else held.delete(button);
    if (held.size > 0) this.buttons.set(sessionId, held);
    else this.buttons.delete(sessionId);
  }

  /**
   * Records a key going down. Returns false when this session already holds it: that press only renews
   * the limit, and must not reach the OS (a second press would auto-repeat in the receiving app).
   */
  pressKey(sessionId: string, key: HoldableKey): boolean {
    const held = this.keys.get(sessionId) ?? new Map<HoldableKey, HeldKey>();
    this.keys.set(sessionId, held);
    const existing = held.get(key);
    if (existing) clearTimeout(existing.timer);
    const entry: HeldKey = { renewedAt: this.now(), timer: undefined };
    held.set(key, entry);
    this.arm(sessionId, key, entry, this.limitMs);
    return existing === undefined;
  }

  private arm(sessionId: string, key: HoldableKey, entry: HeldKey, delayMs: number): void {
    entry.timer = setTimeout(() => {
      // Timers may fire a little before the clock says the limit has passed: wait out the rest then.
      const left = entry.renewedAt + this.limitMs - this.now();
      if (left > 0) this.arm(sessionId, key, entry, Math.ceil(left));
      else this.options.onOverdue(sessionId, key);
    }, delayMs);
    // A held key must not keep the process alive once everything else has stopped.
    entry.timer.unref?.();
  }

  /** Records a key going up; returns whether the OS should release it (no other session holds it). */
  releaseKey(sessionId: string, key: HoldableKey): boolean {
    const held = this.keys.get(sessionId);
    const entry = held?.get(key);
    if (entry) clearTimeout(entry.timer);
    held?.delete(key);
    if (held?.size === 0) this.keys.delete(sessionId);
    return !this.keyHeldByAnyone(key);
  }

  /**
   * Whether the key is still held by the session and past the limit now. The overdue timer fires, the
   * release waits its turn in the queue, and a renewal may have run in between: this is asked then.
   */
  isOverdue(sessionId: string, key: HoldableKey): boolean {
    const entry = this.keys.get(sessionId)?.get(key);
    return entry !== undefined && this.now() - entry.renewedAt >= this.limitMs;
  }

  /** Forgets everything the session holds and returns what the OS should let go of. */
  takeSession(sessionId: string): Released {
    const keys = this.keys.get(sessionId);
    const buttons = this.buttons.get(sessionId);
    for (const entry of keys?.values() ?? []) clearTimeout(entry.timer);
    this.keys.delete(sessionId);
    this.buttons.delete(sessionId);
    return {
      keys: [...(keys?.keys() ?? [])].filter((key) => !this.keyHeldByAnyone(key)),
      buttons: [...(buttons ?? [])].filter((button) => ![...this.buttons.values()].some((set) => set.has(button))),
    };
  }

  /** Calls back when a key this session held was released for being held too long; returns the unsubscribe. */
  watch(sessionId: string, listener: (key: HoldableKey) => void): () => void {
    this.watchers.set(sessionId, listener);
    return () => {
      if (this.watchers.get(sessionId) === listener) this.watchers.delete(sessionId);
    };
  }

  /** The overdue key has been let go of: its session hears of it. */
  tellReleased(sessionId: string, key: HoldableKey): void {
    this.watchers.get(sessionId)?.(key);
  }

  heldButtons(sessionId: string): MouseButton[] {
    return [...(this.buttons.get(sessionId) ?? [])];
  }

  heldKeys(sessionId: string): HoldableKey[] {
    return [...(this.keys.get(sessionId)?.keys() ?? [])];
  }

  /** Every session that holds something. */
  sessions(): string[] {
    return [...new Set([...this.buttons.keys(), ...this.keys.keys()])];
  }

  private keyHeldByAnyone(key: HoldableKey): boolean {
    return [...this.keys.values()].some((held) => held.has(key));
  }
}

/** Lets go of keys, then buttons, at the OS; one the OS refuses does not keep the others held. */
export async function letGo({ keys, buttons }: Released, driver: InputDriver): Promise<void> {
  for (const key of keys) {
    try {
      await driver.setKey(key, false);
    } catch {
      // Nothing more can be done for this key; the rest must still be released.
    }
  }
  for (const button of buttons) {
    try {
      await driver.setButton(button, false);
    } catch {
      // As for keys.
    }
  }
}
