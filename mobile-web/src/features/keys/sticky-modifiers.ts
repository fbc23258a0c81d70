/**
 * Sticky modifiers, as on a phone's own Shift key: a tap latches a modifier for the next key, a second
 * tap soon after locks it (the desktop holds it down: Alt stays down across several Tabs), a tap on a
 * locked one lets go. Pure: `tap` says which hold command to send, the caller sends it. One store for
 * the page, so any key the phone sends (the keys panel, later the text field) can take the latched ones.
 */
import { type Modifier, Modifiers } from '@deskremote/shared';

export type ModifierState = 'off' | 'latched' | 'locked';
export type ModifierStates = Readonly<Record<Modifier, ModifierState>>;
/** What the desktop must be told after a tap: press or release the modifier and keep it so. */
export type HoldChange = { key: Modifier; down: boolean } | undefined;

/** Two taps closer than this are a double tap (the usual double-tap window on phones is 300-500 ms). */
export const DOUBLE_TAP_MS = 400;

const ALL_OFF: ModifierStates = { ctrl: 'off', shift: 'off', alt: 'off', meta: 'off' };

export class StickyModifiers {
  private states: ModifierStates = ALL_OFF;
  private readonly latchedAt = new Map<Modifier, number>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly doubleTapMs = DOUBLE_TAP_MS) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** An immutable snapshot (a new object on every change), for useSyncExternalStore. */
  readonly get = (): ModifierStates => this.states;

  /** off → latched; latched → locked if tapped again in time, else off; locked → off. */
  tap(mod: Modifier, now: number): HoldChange {
    const state = this.states[mod];
    if (state === 'off') {
      this.latchedAt.set(mod, now);
      this.set(mod, 'latched');
      return undefined;
    }
    if (state === 'latched') {
      const quick = now - (this.latchedAt.get(mod) ?? Number.NEGATIVE_INFINITY) <= this.doubleTapMs;
      this.set(mod, quick ? 'locked' : 'off');
      return quick ? { key: mod, down: true } : undefined;
    }
    this.set(mod, 'off');
    return { key: mod, down: false };
  }

  /**
   * The modifiers to send with the next key, latched ones then spent. Locked ones are not listed: the
   * desktop already holds them down, and pressing them again inside a chord would release them after it.
   */
  consume(): Modifier[] {
    const latched = Modifiers.filter((mod) => this.states[mod] === 'latched');
    if (latched.length === 0) return [];
    const next = { ...this.states };
    for (const mod of latched) next[mod] = 'off';
    this.replace(next);
    return latched;
  }

  /** The modifiers that would go with the next key, without spending them. */
  pending(): Modifier[] {
    return Modifiers.filter((mod) => this.states[mod] === 'latched');
  }

  /**
   * The desktop let go of this modifier by itself (held too long) or a hold was refused: show it off,
   * without telling the desktop anything.
   */
  drop(mod: Modifier): void {
    if (this.states[mod] !== 'off') this.set(mod, 'off');
  }

  /** The connection ended: the desktop has released everything this phone held, so nothing is locked. */
  forgetLocks(): void {
    if (!Modifiers.some((mod) => this.states[mod] === 'locked')) return;
    const next = { ...this.states };
    for (const mod of Modifiers) if (next[mod] === 'locked') next[mod] = 'off';
    this.replace(next);
  }

  /** The modifiers locked now (to let go of them all at once). */
  locked(): Modifier[] {
    return Modifiers.filter((mod) => this.states[mod] === 'locked');
  }

  private set(mod: Modifier, state: ModifierState): void {
    this.replace({ ...this.states, [mod]: state });
  }

  private replace(next: ModifierStates): void {
    this.states = next;
    for (const listener of this.listeners) listener();
  }
}

/** The page's one set of sticky modifiers. */
export const stickyModifiers = new StickyModifiers();
