/**
 * Which spare keycode holds which character, and when each may be given to another one.
 *
 * X clients translate a keycode to a character when they read the key event, with the mapping they
 * fetch at that moment, not the one in force when the key was pressed. An application that is busy or
 * stopped reads late, so a keycode that was re-assigned in the meantime types the wrong character.
 * Each slot (a keycode and a level: two characters per keycode, four where the second group can be
 * reached with Mode_switch) therefore stays mapped after use, is reused at once for the same character,
 * and is only given to another character once the application is known to have read its last press:
 * - it answered a ping sent after that press (checkpoint() before the ping, confirm() on its answer:
 *   keyboard.ts sends _NET_WM_PING), or
 * - the press is older than `reuseAgeMs`, for applications that cannot be asked (no _NET_WM_PING).
 *
 * Case: X reads a keycode whose group holds one letter as that letter's small form unshifted and its
 * capital with Shift, whatever the one letter was. A capital therefore only goes on a shifted level
 * (1 or 3), where it is read as itself (the level below it holds another character, or nothing).
 * Pure: the caller passes the clock.
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
  /** The checkpoint period of the last press: once that period is confirmed, the press was read. */
  lastPeriod: number;
}

/** The character a keysym stands for (Latin-1 keysyms are their code point; Unicode ones 0x01000000 + it). */
function charOf(keysym: number): string | undefined {
  if (keysym >= 0x20 && keysym <= 0xff) return String.fromCodePoint(keysym);
  if (keysym >= 0x01000100 && keysym <= 0x0110ffff) return String.fromCodePoint(keysym - 0x01000000);
  return undefined;
}

/** A capital letter with a small form: X would read it unshifted as that small form. */
export function isCapital(keysym: number): boolean {
  const ch = charOf(keysym);
  if (ch === undefined) return false;
  const lower = ch.toLowerCase();
  return lower !== ch && [...lower].length === 1;
}

export class SlotCache {
  private entries: Entry[] = [];
  private readonly byKeysym = new Map<number, Entry>();
  private period = 0;
  private confirmedPeriod = Number.NEGATIVE_INFINITY;

  constructor(
    keycodes: readonly number[],
    readonly reuseAgeMs: number,
    private levels = 2,
    /** Even once the application said it read a slot's last press, the slot keeps its character this long. */
    readonly readAgeMs = 0,
  ) {
    this.reset(keycodes, levels);
  }

  /** Forgets everything (the server's mapping was replaced, for example by a layout switch). */
  reset(keycodes: readonly number[], levels = this.levels): void {
    this.levels = levels;
    this.byKeysym.clear();
    // Level 0 of every keycode comes before any level 1 (and so on): keycodes fill their plain level first.
    this.entries = [0, 1, 2, 3].slice(0, levels).flatMap((level) =>
      keycodes.map((keycode) => ({
        keycode,
        level: level as Level,
        keysym: 0,
        lastUsed: Number.NEGATIVE_INFINITY,
        lastPeriod: Number.NEGATIVE_INFINITY,
      })),
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

  /** Marks a mapped character as pressed now: its slot stays reserved until that press is known read. */
  touch(keysym: number, now: number): void {
    const entry = this.byKeysym.get(keysym);
    if (entry) {
      entry.lastUsed = now;
      entry.lastPeriod = this.period;
    }
  }

  /**
   * Ends the current period: returns its number, to confirm() once the application has answered a ping
   * sent after every press so far. Presses after this call belong to the next period.
   */
  checkpoint(): number {
    return this.period++;
  }

  /** The application has read every press up to the end of `period`: their slots are free again. */
  confirm(period: number): void {
    this.confirmedPeriod = Math.max(this.confirmedPeriod, period);
  }

  /** How many slots may be given to a new character now. */
  freeCount(now: number, keysym?: number): number {
    return this.entries.filter((e) => this.isFree(e, now) && (keysym === undefined || this.fits(keysym, e.level))).length;
  }

  /**
   * Gives a free slot to `keysym`; undefined when none is. With `nextUse` (where the text still to type
   * needs each character next; Infinity for never), the slot needed last goes first, as in Belady's
   * optimal replacement: fewer remaps, fewer waits. Otherwise the least recently used.
   */
  assign(keysym: number, now: number, nextUse?: (keysym: number) => number): Slot | undefined {
    const known = this.find(keysym);
    if (known) return known;
    const rank = (e: Entry) => (e.keysym === 0 ? Number.POSITIVE_INFINITY : (nextUse?.(e.keysym) ?? 0));
    let best: Entry | undefined;
    for (const e of this.entries) {
      if (!this.isFree(e, now) || !this.fits(keysym, e.level)) continue;
      if (!best || rank(e) > rank(best) || (rank(e) === rank(best) && e.lastUsed < best.lastUsed)) best = e;
    }
    if (!best) return undefined;
    if (best.keysym !== 0) this.byKeysym.delete(best.keysym);
    best.keysym = keysym;
    best.lastUsed = now;
    best.lastPeriod = this.period;
    this.byKeysym.set(keysym, best);
    return { keycode: best.keycode, level: best.level };
  }

  /** Milliseconds until `count` slots may be reused with what is known now (0 if they already may). */
  waitMs(now: number, count = 1): number {
    const freeAt = this.entries
      .map((e) =>
        this.isFree(e, now)
          ? Number.NEGATIVE_INFINITY
          : e.lastUsed + (e.lastPeriod <= this.confirmedPeriod ? this.readAgeMs : this.reuseAgeMs),
      )
      .sort((a, b) => a - b);
    const nth = freeAt[Math.min(Math.max(count, 1), freeAt.length) - 1] ?? Number.NEGATIVE_INFINITY;
    return Math.max(0, nth - now);
  }

  /** The keysyms a keycode should carry by level, as the cache sees it (0 where nothing is assigned). */
  symsOf(keycode: number): number[] {
    const syms = new Array<number>(this.levels).fill(0);
    for (const e of this.entries) if (e.keycode === keycode) syms[e.level] = e.keysym;
    return syms;
  }

  private fits(keysym: number, level: Level): boolean {
    return !isCapital(keysym) || level % 2 === 1;
  }

  private isFree(e: Entry, now: number): boolean {
    return (e.lastPeriod <= this.confirmedPeriod && e.lastUsed <= now - this.readAgeMs) || e.lastUsed <= now - this.reuseAgeMs;
  }
}
