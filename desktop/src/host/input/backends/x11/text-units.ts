/**
 * Text to the keysyms typed for it, grouped by grapheme cluster (what a reader sees as one character:
 * an emoji with its skin tone or joiners, a flag, a letter with its combining marks), and a batch
 * planner that never splits a cluster: its code points are mapped together and typed back to back,
 * in order. Line breaks are the Return key (a newline typed as a character is a space, or nothing).
 */

import { isCapital, type SlotCache } from './slot-cache.js';
import { keysymForChar } from './x11-keysyms.js';

export const RETURN = 0xff0d;
const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });

export function textUnits(text: string): number[][] {
  const units: number[][] = [];
  for (const { segment } of segmenter.segment(text)) {
    if (segment === '\r\n' || segment === '\r' || segment === '\n') {
      units.push([RETURN]);
      continue;
    }
    units.push(
      [...segment].map((ch) => {
        const keysym = keysymForChar(ch);
        if (keysym === undefined) throw new Error(`no key for U+${(ch.codePointAt(0) ?? 0).toString(16)}`);
        return keysym;
      }),
    );
  }
  return units;
}

export interface Batch {
  /** Units [start, end) are typed in this batch. */
  end: number;
  /** Keycodes whose mapping must be written before the batch is typed. */
  changed: Set<number>;
  /** Whether the batch presses any spare keycode (then the application is asked when it has read them). */
  slotted: boolean;
}

/**
 * Takes units from `start` while the characters the layout lacks fit in slots that may be reused now,
 * and assigns those slots. An empty batch (end === start) means every slot is still young: wait.
 */
export function planBatch(
  units: readonly number[][],
  start: number,
  onLayout: (keysym: number) => boolean,
  cache: SlotCache,
  now: number,
  /** At most this many units: a long text is typed in parts, so its progress can be told. */
  limit = Number.POSITIVE_INFINITY,
): Batch {
  const changed = new Set<number>();
  const uses = usePositions(units, start);
  let end = start;
  let slotted = false;
  for (; end < units.length && end - start < limit; end++) {
    const unit = units[end] ?? [];
    const offLayout = unit.filter((k) => !onLayout(k));
    // Characters already mapped are reserved first: neither this unit nor a later one may take their slot.
    for (const keysym of offLayout) cache.touch(keysym, now);
    // Capitals first: they need a shifted level (slot-cache.ts says why), the others take any.
    const missing = [...new Set(offLayout.filter((k) => !cache.find(k)))].sort(
      (a, b) => Number(isCapital(b)) - Number(isCapital(a)),
    );
    const capitals = missing.filter(isCapital);
    if (missing.length > cache.size || capitals.length > cache.size / 2)
      throw new Error(`a character of ${unit.length} code points needs more keycodes than are spare`);
    if (
      missing.length > cache.freeCount(now) ||
      (capitals[0] !== undefined && capitals.length > cache.freeCount(now, capitals[0]))
    )
      break;
    for (const keysym of missing) {
      const slot = cache.assign(keysym, now, (k) => nextUse(uses.get(k), end));
      if (!slot) throw new Error('a counted free slot was not free');
      changed.add(slot.keycode);
    }
    if (offLayout.length > 0) slotted = true;
  }
  return { end, changed, slotted };
}

/** For each keysym, the units (from `start`) that contain it, in order. */
function usePositions(units: readonly number[][], start: number): Map<number, number[]> {
  const uses = new Map<number, number[]>();
  for (let i = start; i < units.length; i++) {
    for (const keysym of units[i] ?? []) {
      const list = uses.get(keysym) ?? [];
      if (list[list.length - 1] !== i) list.push(i);
      uses.set(keysym, list);
    }
  }
  return uses;
}

/** The first position after `at` in a sorted list (binary search); Infinity if there is none. */
function nextUse(positions: number[] | undefined, at: number): number {
  if (!positions) return Number.POSITIVE_INFINITY;
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((positions[mid] ?? 0) <= at) lo = mid + 1;
    else hi = mid;
  }
  return positions[lo] ?? Number.POSITIVE_INFINITY;
}
