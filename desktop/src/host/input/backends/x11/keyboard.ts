/**
 * Keys and exact text over XTEST, by the live keymap.
 *
 * Keys: each key name is looked up as a keysym in the current mapping (re-read after every layout
 * change), so shortcuts press the key marked with that letter in the active layout.
 *
 * Text: characters the layout has are typed on their own keys (with Shift for the upper level).
 * The others go to spare keycodes (those the layout leaves empty) held in a SlotCache: a character
 * already mapped is reused without any remap, new characters of a batch are written together (one
 * request per run of consecutive keycodes, so few MappingNotify events: window managers re-grab
 * their bindings on each), and a slot is only given to another character once the application has read
 * its last press (slot-cache.ts says why): after each batch the focused application is sent
 * _NET_WM_PING, and its answer frees the batch's slots. An application that cannot be asked, or does not
 * answer (stopped, busy), gets `reuseAgeMs` instead; typing waits rather than reuse a slot before that.
 */
import type { HoldableKey, KeyName, Modifier } from '@deskremote/shared';
import type { TextProgress } from '../../input-driver.js';
import type { X11Connection } from './connection.js';
import { keysymForKey, SHIFT_L, usKeycodeFor } from './key-names.js';
import { type Level, SlotCache } from './slot-cache.js';
import { planBatch, textUnits } from './text-units.js';

interface Place {
  keycode: number;
  level: Level;
}

/** Keysyms of characters beyond the Basic Multilingual Plane (emoji, some CJK): 0x01000000 + U+10000 on. */
const FIRST_ASTRAL_KEYSYM = 0x01010000;
/** What a ping for the application's reading came to: no window to ask, its answer, or none in time. */
type Answer = 'unasked' | 'answered' | 'silent';
/** Where the application cannot be asked whether it has read its keys, how long it is given to. */
const UNASKED_READ_MS = 30;
/** Characters typed between two progress reports (and two looks at the keymap). */
const BATCH_UNITS = 100;
/** Held, it selects the second group (XKB's compat map gives it SetGroup(+1)): two more levels per keycode. */
const MODE_SWITCH = 0xff7e;

export interface KeyboardOptions {
  /**
   * How long a spare keycode keeps its character after its last press when the application has not said
   * it read it: longer than an application is ever busy (a stopped app must still read it right).
   */
  reuseAgeMs: number;
  /**
   * How long a spare keycode keeps its character after its last press even once the application answered
   * the ping sent after it. After other applications had been typed into on the same display, LibreOffice
   * read reused keycodes as characters they held before: in 2 runs of 2 with no margin, in 1 of 3 with 1 s.
   * The cause is not found; the margin costs little (the bench's text still goes at over 300 a second).
   */
  readAgeMs: number;
  /** A pause after a mapping change, so clients take it in before the keys that need it. */
  settleMs: number;
}

export const DEFAULT_KEYBOARD_OPTIONS: KeyboardOptions = { reuseAgeMs: 15_000, readAgeMs: 1000, settleMs: 5 };
/** NoSymbol, Latin-1 or Unicode: what we put on a borrowed keycode (never a function key or modifier). */
const isCharacterKeysym = (s: number) => s === 0 || (s >= 0x20 && s <= 0xff) || s >= 0x01000000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class X11Keyboard {
  private rows: number[][] = [];
  private layout = new Map<number, Place>();
  private stale = true;
  private readonly cache: SlotCache;
  /** The newest ping for read slots, while it waits for its answer. */
  private asking: Promise<Answer> | undefined;
  /**
   * Whether a character of the Basic Multilingual Plane was pressed since the application was last asked
   * whether it read everything. LibreOffice collects such characters while more keys wait in its queue and
   * inserts them when the queue is empty, but inserts a character beyond the BMP (an emoji) at once: emoji
   * overtook the text typed before them (every emoji of a text went to its start, and a family's joiners
   * after its people). So before such a character, typing waits until the application has read the rest.
   */
  private plainUnread = true;
  /** The key typed last, whose next press must not share its server time (see press). */
  private lastKeycode = 0;

  private constructor(
    private readonly x: X11Connection,
    private readonly options: KeyboardOptions,
  ) {
    this.cache = new SlotCache([], options.reuseAgeMs, 2, options.readAgeMs);
    x.onMappingChange(() => {
      this.stale = true;
    });
  }

  static async open(x: X11Connection, options = DEFAULT_KEYBOARD_OPTIONS): Promise<X11Keyboard> {
    const keyboard = new X11Keyboard(x, options);
    await keyboard.refresh();
    return keyboard;
  }

  async type(text: string, progress?: TextProgress): Promise<void> {
    const units = textUnits(text);
    // The total first: a wait for a busy application may come before the first batch is done.
    progress?.(0, units.length);
    let start = 0;
    while (start < units.length) {
      if (this.stale) await this.refresh();
      const now = Date.now();
      const batch = planBatch(units, start, (k) => this.layout.has(k), this.cache, now, BATCH_UNITS);
      if (batch.end === start) {
        // Every slot may still be unread: wait for the application's answer, or for half of the slots to
        // age rather than one (each remap costs every X client: window managers re-grab their bindings).
        const aged = sleep(this.cache.waitMs(now, Math.ceil(this.cache.size / 2)) + 1);
        await Promise.race(this.asking ? [this.asking, aged] : [aged]);
        continue;
      }
      if (batch.changed.size > 0) {
        this.writeSlots(batch.changed);
        await this.x.sync();
        await sleep(this.options.settleMs);
      }
      for (let i = start; i < batch.end; i++) {
        for (const keysym of units[i] ?? []) {
          const place = this.layout.get(keysym) ?? this.cache.find(keysym);
          if (!place) throw new Error(`keysym ${keysym.toString(16)} lost its keycode`);
          if (keysym >= FIRST_ASTRAL_KEYSYM && this.plainUnread) {
            progress?.(i, units.length);
            await this.x.sync();
            // An application that cannot be asked (LibreOffice without a window manager) gets a pause to read.
            if ((await this.askRead()) === 'unasked') await sleep(UNASKED_READ_MS);
          }
          this.cache.touch(keysym, Date.now());
          this.press(place);
          if (keysym < FIRST_ASTRAL_KEYSYM) this.plainUnread = true;
        }
      }
      await this.x.sync();
      if (batch.slotted) this.askRead();
      start = batch.end;
      progress?.(start, units.length);
    }
  }

  /**
   * Pings the focused application; its answer frees every slot pressed before (slot-cache.ts). Resolves
   * when it answered, or could not be asked, or did not answer within the reuse age.
   */
  private askRead(): Promise<Answer> {
    this.plainUnread = false;
    const period = this.cache.checkpoint();
    const asking: Promise<Answer> = this.x
      .pingTarget()
      .then(async (window) => {
        if (window === undefined) return 'unasked';
        return (await this.x.ping(window, this.options.reuseAgeMs)) ? 'answered' : 'silent';
      })
      .then(
        (answer) => {
          if (answer === 'answered') this.cache.confirm(period);
          return answer;
        },
        () => 'unasked' as const,
      )
      .finally(() => {
        if (this.asking === asking) this.asking = undefined;
      });
    this.asking = asking;
    return asking;
  }

  /** Presses the modifiers, taps the key, releases in reverse order. */
  async tap(key: KeyName, mods: readonly Modifier[]): Promise<void> {
    if (this.stale) await this.refresh();
    const main = this.placeOf(key);
    const held = mods.map((m) => this.placeOf(m).keycode);
    // A key on the shifted level (digits on AZERTY) needs Shift unless it is already among the modifiers.
    if (main.level === 1 && !mods.includes('shift')) held.push(this.placeOf('shift').keycode);
    for (const keycode of held) this.x.key(keycode, true);
    this.x.key(main.keycode, true);
    this.x.key(main.keycode, false);
    for (const keycode of held.reverse()) this.x.key(keycode, false);
    await this.x.sync();
  }

  /** Presses or releases one key by itself, as a physical key (no Shift added). */
  async set(key: HoldableKey, down: boolean): Promise<void> {
    if (this.stale) await this.refresh();
    this.x.key(this.placeOf(key).keycode, down);
    await this.x.sync();
  }

  private placeOf(key: HoldableKey): Place {
    const keysym = keysymForKey(key);
    const found = this.layout.get(keysym);
    if (found) return found;
    const us = usKeycodeFor(key);
    if (us !== undefined) return { keycode: us, level: 0 };
    throw new Error(`the keyboard layout has no key for ${key}`);
  }

  private press({ keycode, level }: Place): void {
    const shift = level % 2 === 1 ? this.layout.get(SHIFT_L)?.keycode : undefined;
    const group2 = level >= 2 ? this.layout.get(MODE_SWITCH)?.keycode : undefined;
    if (shift !== undefined) this.x.key(shift, true);
    if (group2 !== undefined) this.x.key(group2, true);
    // A release and a press of one key with the same server time read as auto-repeat to LibreOffice,
    // which then loses one of a double letter ("Hello" arrived as "Helo"): the server is asked to take the
    // second press a millisecond later (XTEST's delay), which keeps our order and costs no round trip.
    this.x.key(keycode, true, keycode === this.lastKeycode ? 1 : 0);
    this.x.key(keycode, false);
    this.lastKeycode = keycode;
    if (group2 !== undefined) this.x.key(group2, false);
    if (shift !== undefined) this.x.key(shift, false);
  }

  /**
   * Writes the changed slot keycodes in as few requests as possible (each is one MappingNotify to every
   * client), spanning the keycodes in between with the rows just read: the server rebuilds the same XKB
   * keymap for keys of at most two groups of two levels (xkbcomp dumps before and after under us, de,
   * us,ru). Keys with more (LSGT with |, F11 with its VT switch at level 5) would gain groups: a run
   * never spans them.
   */
  private writeSlots(changed: Set<number>): void {
    const min = this.x.minKeycode;
    const ours = new Set(this.cache.keycodes);
    let run: number[] = [];
    const flush = () => {
      while (run.length > 0 && !changed.has(run[run.length - 1] ?? 0)) run.pop();
      const first = run[0];
      if (first !== undefined)
        this.x.changeMapping(
          first,
          run.map((k) => this.rows[k - min] ?? []),
        );
      run = [];
    };
    for (let keycode = Math.min(...changed); keycode <= Math.max(...changed); keycode++) {
      if (ours.has(keycode)) this.rows[keycode - min] = this.cache.symsOf(keycode);
      const simple = ours.has(keycode) || (this.rows[keycode - min] ?? []).slice(4).every((s) => s === 0);
      if (!simple) flush();
      else if (run.length > 0 || changed.has(keycode)) run.push(keycode);
    }
    flush();
  }

  /**
   * Whether the layout itself uses a second group (us,ru and the like) or lacks Mode_switch: then our
   * keycodes keep to one group, as Mode_switch from another group would not land on our second one.
   */
  private hasSecondGroup(borrowed: Set<number>): boolean {
    if (!this.rows.some((row) => row[0] === MODE_SWITCH)) return true;
    const first = this.x.minKeycode;
    return this.rows.some(
      (row, i) => !borrowed.has(i + first) && (row[2] ?? 0) !== 0 && (row[2] !== row[0] || (row[3] ?? 0) !== (row[1] ?? 0)),
    );
  }

  /** Re-reads the mapping; if a slot no longer holds what we put there, the layout was replaced: start over. */
  private async refresh(): Promise<void> {
    this.stale = false;
    this.rows = await this.x.keyboardMapping();
    const first = this.x.minKeycode;
    const ours = new Set(this.cache.keycodes);
    const intact =
      ours.size > 0 &&
      [...ours].every((keycode) => {
        const row = this.rows[keycode - first] ?? [];
        // The server may fill a level we left empty (a letter's capital, a copy of group 1): only what we set must match.
        return this.cache.symsOf(keycode).every((keysym, level) => (keysym === 0 && level > 0) || row[level] === keysym);
      });
    if (!intact) {
      // Keycodes with no symbols at all are free to borrow, and so are those an earlier run borrowed while
      // they still hold only characters (a layout switch puts its own keys there otherwise). Keycode 8 is
      // left alone: toolkits that map keycode - 8 to an evdev code see KEY_RESERVED there.
      const earlier = new Set(await this.x.borrowedKeycodes());
      const empty = this.rows.flatMap((row, i) => {
        const keycode = i + first;
        const free = row.every((s) => s === 0) || (earlier.has(keycode) && row.every(isCharacterKeysym));
        return keycode > 8 && free ? [keycode] : [];
      });
      await this.x.recordBorrowed(empty);
      this.cache.reset(empty, this.hasSecondGroup(new Set(empty)) ? 2 : 4);
      ours.clear();
      for (const k of empty) ours.add(k);
    }
    this.layout.clear();
    for (const level of [0, 1] as const) {
      this.rows.forEach((row, i) => {
        const keysym = row[level] ?? 0;
        if (keysym !== 0 && !ours.has(i + first) && !this.layout.has(keysym))
          this.layout.set(keysym, { keycode: i + first, level });
      });
    }
  }
}
