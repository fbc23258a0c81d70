/**
 * Which spare keycode holds which character, and when each may be given to another one.
 *
 * X clients translate a keycode to a character when they read the key event, with the mapping they
 * fetch at that moment, not the one in force when the key was pressed. An application that is busy or
 * stopped reads late, so a keycode that was re-assigned in the meantime types the wrong character.
 * Each slot (a keycode and a level: two characters per keycode, four where the second group can be
 * reached with Mode_switch) therefore stays mapped after
 * use, is reused at once for the same character, and is only given to another character once it has
 * not been pressed for `reuseAgeMs`. Pure: the caller passes the clock.
 */

export type Level = 0 | 1 | 2 | 3;

export interface Slot {
  keycode: number;
  /** 0 unshifted, 1 with Shift, 2 with Mode_switch (the second group), 3 with both. */
  level: Level;
}

interface Entry extends Slot {
  keysym: number;
  lastUsed: number;
}

export class SlotCache {
  private entries: Entry[] = [];
  private readonly byKeysym = new Map<number, Entry>();

  constructor(
    keycodes: readonly number[],
    readonly reuseAgeMs: number,
    private levels = 2,
  ) {
    this.reset(keycodes, levels);
  }

  /** Forgets everything (the server's mapping was replaced, for example by a layout switch). */
  reset(keycodes: readonly number[], levels = this.levels): void {
    this.levels = levels;
    this.byKeysym.clear();
    // Level 0 of every keycode comes before any level 1 (and so on): keycodes fill their plain level first.
    this.entries = [0, 1, 2, 3]
      .slice(0, levels)
      .flatMap((level) =>
        keycodes.map((keycode) => ({ keycode, level: level as Level, keysym: 0, lastUsed: Number.NEGATIVE_INFINITY })),
      );
  }

  get keycodes(): number[] {
    return [...new Set(this.entries.map((e) => e.keycode))];
  }

  get size(): number {
    return this.entries.length;
  }

  find(keysym: number): Slot | undefined {
    const entry = this.byKeysym.get(keysym);
    return entry && { keycode: entry.keycode, level: entry.level };
  }

  /** Marks a mapped character as pressed now: its slot stays reserved for another reuse age. */
  touch(keysym: number, now: number): void {
    const entry = this.byKeysym.get(keysym);
    if (entry) entry.lastUsed = now;
  }

  /** How many slots may be given to a new character now. */
  freeCount(now: number): number {
    return this.entries.filter((e) => this.isOld(e, now)).length;
  }

  /**
   * Gives an old slot to `keysym`; undefined when every slot is still young. With `nextUse` (where the
   * text still to type needs each character next; Infinity for never), the slot needed last goes first,
   * as in Belady's optimal replacement: fewer remaps, fewer waits. Otherwise the least recently used.
   */
  assign(keysym: number, now: number, nextUse?: (keysym: number) => number): Slot | undefined {
    const known = this.find(keysym);
    if (known) return known;
    const rank = (e: Entry) => (e.keysym === 0 ? Number.POSITIVE_INFINITY : (nextUse?.(e.keysym) ?? 0));
    let best: Entry | undefined;
    for (const e of this.entries) {
      if (!this.isOld(e, now)) continue;
      if (!best || rank(e) > rank(best) || (rank(e) === rank(best) && e.lastUsed < best.lastUsed)) best = e;
    }
    if (!best) return undefined;
    if (best.keysym !== 0) this.byKeysym.delete(best.keysym);
    best.keysym = keysym;
    best.lastUsed = now;
    this.byKeysym.set(keysym, best);
    return { keycode: best.keycode, level: best.level };
  }

  /** Milliseconds until `count` slots may be reused (0 if they already may). */
  waitMs(now: number, count = 1): number {
    const ages = this.entries.map((e) => e.lastUsed).sort((a, b) => a - b);
    const nth = ages[Math.min(Math.max(count, 1), ages.length) - 1] ?? Number.NEGATIVE_INFINITY;
    return Math.max(0, nth + this.reuseAgeMs - now);
  }

  /** The keysyms a keycode should carry by level, as the cache sees it (0 where nothing is assigned). */
  symsOf(keycode: number): number[] {
    const syms = new Array<number>(this.levels).fill(0);
    for (const e of this.entries) if (e.keycode === keycode) syms[e.level] = e.keysym;
    return syms;
  }

  private isOld(e: Entry, now: number): boolean {
    return e.lastUsed <= now - this.reuseAgeMs;
  }
}
