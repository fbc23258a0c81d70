import { describe, expect, it } from 'vitest';
import { SlotCache } from '../../src/host/input/backends/x11/slot-cache.js';
import { planBatch, RETURN, textUnits } from '../../src/host/input/backends/x11/text-units.js';

const U = (ch: string) => 0x01000000 + (ch.codePointAt(0) ?? 0);
const asciiLayout = (k: number) => k < 0x7f || k === RETURN;

describe('spare keycode slots', () => {
  it('gives two characters to each keycode, unshifted level first', () => {
    const cache = new SlotCache([100, 101], 1000);
    expect([U('中'), U('文'), U('字'), U('符')].map((k) => cache.assign(k, 0))).toEqual([
      { keycode: 100, level: 0 },
      { keycode: 101, level: 0 },
      { keycode: 100, level: 1 },
      { keycode: 101, level: 1 },
    ]);
    expect(cache.symsOf(100)).toEqual([U('中'), U('字')]);
  });

  it('reuses a mapped character without a new slot, and never gives a young slot away', () => {
    const cache = new SlotCache([100], 1000);
    cache.assign(U('a'), 0);
    cache.assign(U('b'), 0);
    expect(cache.assign(U('a'), 10)).toEqual({ keycode: 100, level: 0 });
    expect(cache.assign(U('c'), 999)).toBeUndefined();
    expect(cache.waitMs(500)).toBe(500);
    cache.touch(U('a'), 600);
    // b is the older one: it goes first once its age is reached; a stays.
    expect(cache.assign(U('c'), 1000)).toEqual({ keycode: 100, level: 1 });
    expect(cache.find(U('b'))).toBeUndefined();
    expect(cache.find(U('a'))).toEqual({ keycode: 100, level: 0 });
  });
});

describe('text to keys', () => {
  it('keeps grapheme clusters whole and in order, and newlines as Return', () => {
    const units = textUnits('a\r\nb\ne\u0301👨‍👩‍👧🇩🇪');
    expect(units).toEqual([
      [0x61],
      [RETURN],
      [0x62],
      [RETURN],
      [0x65, U('\u0301')],
      [U('👨'), U('\u200d'), U('👩'), U('\u200d'), U('👧')],
      [U('🇩'), U('🇪')],
    ]);
  });

  it('maps a batch at once, stops before a cluster that does not fit, and never splits it', () => {
    const cache = new SlotCache([100, 101], 1000);
    const units = textUnits('ab中文x👨‍👩‍👧');
    const first = planBatch(units, 0, asciiLayout, cache, 0);
    // 中 and 文 take two slots; the family needs four distinct keysyms (the joiner twice) and two are left.
    expect(first.end).toBe(5);
    expect([...first.changed].sort()).toEqual([100, 101]);
    expect(planBatch(units, 5, asciiLayout, cache, 10).end).toBe(5);
    const later = planBatch(units, 5, asciiLayout, cache, 1000);
    expect(later.end).toBe(6);
    for (const k of units[5] ?? []) expect(cache.find(k)).toBeDefined();
  });

  it('does not let a new character take the slot of a mapped one in the same cluster or batch', () => {
    const cache = new SlotCache([100], 1000);
    cache.assign(U('🇵'), 0);
    // At 2000 every slot is old; the flag needs 🇯 new and 🇵 kept: both must end up mapped.
    const units = textUnits('🇯🇵');
    expect(planBatch(units, 0, asciiLayout, cache, 2000).end).toBe(1);
    expect(cache.find(U('🇯'))).toBeDefined();
    expect(cache.find(U('🇵'))).toBeDefined();
  });
});

describe('four characters per keycode with the second group', () => {
  it('fills every keycode plain first, then Shift, then the second group', () => {
    const cache = new SlotCache([100, 101], 1000, 4);
    const slots = Array.from({ length: 8 }, (_, i) => cache.assign(U(String.fromCodePoint(0x4e00 + i)), 0));
    expect(slots.map((s) => `${s?.keycode}:${s?.level}`)).toEqual([
      '100:0',
      '101:0',
      '100:1',
      '101:1',
      '100:2',
      '101:2',
      '100:3',
      '101:3',
    ]);
    expect(cache.symsOf(101)).toEqual([0x4e01, 0x4e03, 0x4e05, 0x4e07].map((c) => 0x01000000 + c));
    expect(cache.assign(U('x'), 999)).toBeUndefined();
    expect(cache.waitMs(0, 8)).toBe(1000);
  });
});

describe('which old slot goes', () => {
  it('the one the rest of the text needs last, then the least recently used', () => {
    const cache = new SlotCache([100], 1000);
    cache.assign(U('a'), 0);
    cache.assign(U('b'), 10);
    const next = new Map([
      [U('a'), 50],
      [U('b'), 5],
    ]);
    // a was used longer ago, but b is needed sooner: a goes.
    expect(cache.assign(U('c'), 2000, (k) => next.get(k) ?? Number.POSITIVE_INFINITY)).toEqual({ keycode: 100, level: 0 });
    expect(cache.find(U('b'))).toBeDefined();
    expect(cache.assign(U('d'), 4000)).toEqual({ keycode: 100, level: 1 });
  });
});

describe('capitals the layout lacks', () => {
  it('go on a shifted level only, where X reads them as themselves', () => {
    const cache = new SlotCache([100, 101], 1000);
    // É first would take 100:0 by the fill order; X would read that as é without Shift.
    expect(cache.assign(0xc9, 0)).toEqual({ keycode: 100, level: 1 });
    expect(cache.assign(0xe9, 0)).toEqual({ keycode: 100, level: 0 });
    expect(cache.assign(0xd1, 0)).toEqual({ keycode: 101, level: 1 });
    // No shifted level is left: a capital waits although a plain one is free.
    expect(cache.freeCount(0)).toBe(1);
    expect(cache.freeCount(0, 0xc7)).toBe(0);
    expect(cache.assign(0xc7, 0)).toBeUndefined();
    expect(cache.assign(U('Ж'), 0)).toBeUndefined();
    expect(cache.assign(U('ж'), 0)).toEqual({ keycode: 101, level: 0 });
  });

  it('are planned before the small letters of their batch, so a shifted level is kept for them', () => {
    const cache = new SlotCache([100, 101], 1000);
    const units = textUnits('çÇñÑ');
    const batch = planBatch(units, 0, asciiLayout, cache, 0);
    expect(batch.end).toBe(4);
    expect(cache.find(0xc7)?.level).toBe(1);
    expect(cache.find(0xd1)?.level).toBe(1);
    expect(cache.find(0xe7)?.level).toBe(0);
    expect(cache.find(0xf1)?.level).toBe(0);
  });

  it('are not split across more shifted levels than there are', () => {
    const cache = new SlotCache([100], 1000);
    // One keycode: one shifted level. ÉÈ need two, so the batch stops after É.
    expect(planBatch(textUnits('ÉÈ'), 0, asciiLayout, cache, 0).end).toBe(1);
  });
});

describe('slots freed by the application having read them', () => {
  it('frees every slot pressed before a confirmed checkpoint, not those pressed after it', () => {
    const cache = new SlotCache([100], 60_000);
    cache.assign(U('中'), 0);
    cache.assign(U('文'), 0);
    const period = cache.checkpoint();
    expect(cache.assign(U('字'), 10)).toBeUndefined();
    // A press after the checkpoint belongs to the next period: the answer does not cover it.
    cache.touch(U('文'), 20);
    cache.confirm(period);
    expect(cache.assign(U('字'), 30)).toEqual({ keycode: 100, level: 0 });
    expect(cache.find(U('文'))).toEqual({ keycode: 100, level: 1 });
    expect(cache.assign(U('符'), 40)).toBeUndefined();
    expect(cache.waitMs(40)).toBe(60_000 - 20);
  });

  it('a batch says whether it pressed a spare keycode (then the application is asked)', () => {
    const cache = new SlotCache([100], 1000);
    expect(planBatch(textUnits('abc'), 0, asciiLayout, cache, 0).slotted).toBe(false);
    expect(planBatch(textUnits('a中'), 0, asciiLayout, cache, 0).slotted).toBe(true);
  });
});

describe('a read slot keeps its character a moment longer', () => {
  it('is free once confirmed and the read age has passed, and the wait says when', () => {
    const cache = new SlotCache([100], 60_000, 2, 1000);
    cache.assign(U('中'), 0);
    cache.assign(U('文'), 0);
    cache.confirm(cache.checkpoint());
    expect(cache.assign(U('字'), 500)).toBeUndefined();
    expect(cache.waitMs(500)).toBe(500);
    expect(cache.assign(U('字'), 1000)).toEqual({ keycode: 100, level: 0 });
  });
});
