import { describe, expect, it } from 'vitest';
import { lastTyped, shortcutKeyFor } from '../src/features/keys/shortcut-letter.js';
import { DOUBLE_TAP_MS, StickyModifiers } from '../src/features/keys/sticky-modifiers.js';

describe('sticky modifiers', () => {
  it('a tap latches a modifier for the next key only, with no hold sent', () => {
    const sticky = new StickyModifiers();
    expect(sticky.tap('ctrl', 0)).toBeUndefined();
    expect(sticky.get().ctrl).toBe('latched');
    expect(sticky.pending()).toEqual(['ctrl']);
    expect(sticky.consume()).toEqual(['ctrl']);
    expect(sticky.get().ctrl).toBe('off');
    expect(sticky.consume()).toEqual([]);
  });

  it('latches several modifiers for one chord (Ctrl+Shift+T)', () => {
    const sticky = new StickyModifiers();
    sticky.tap('ctrl', 0);
    sticky.tap('shift', 1000);
    expect(sticky.consume()).toEqual(['ctrl', 'shift']);
    expect(sticky.get()).toEqual({ ctrl: 'off', shift: 'off', alt: 'off', meta: 'off' });
  });

  it('a double tap locks (hold down), locked survives keys, a tap lets go (hold up)', () => {
    const sticky = new StickyModifiers();
    expect(sticky.tap('alt', 100)).toBeUndefined();
    expect(sticky.tap('alt', 100 + DOUBLE_TAP_MS - 1)).toEqual({ key: 'alt', down: true });
    expect(sticky.get().alt).toBe('locked');
    // Alt+Tab three times: the locked Alt is held on the desktop, not named in each chord.
    for (let i = 0; i < 3; i++) expect(sticky.consume()).toEqual([]);
    expect(sticky.locked()).toEqual(['alt']);
    expect(sticky.tap('alt', 5000)).toEqual({ key: 'alt', down: false });
    expect(sticky.get().alt).toBe('off');
  });

  it('a second tap after the double-tap window turns a latch off instead of locking', () => {
    const sticky = new StickyModifiers();
    sticky.tap('shift', 0);
    expect(sticky.tap('shift', DOUBLE_TAP_MS + 1)).toBeUndefined();
    expect(sticky.get().shift).toBe('off');
  });

  it('forgets locks when the desktop let go (connection ended) but keeps latches', () => {
    const sticky = new StickyModifiers();
    sticky.tap('shift', 0);
    sticky.tap('shift', 10);
    sticky.tap('ctrl', 20);
    sticky.forgetLocks();
    expect(sticky.get()).toMatchObject({ shift: 'off', ctrl: 'latched' });
    sticky.drop('ctrl');
    expect(sticky.get().ctrl).toBe('off');
  });

  it('tells subscribers of each change with a new snapshot', () => {
    const sticky = new StickyModifiers();
    const seen: unknown[] = [];
    const stop = sticky.subscribe(() => seen.push(sticky.get()));
    sticky.tap('meta', 0);
    sticky.consume();
    stop();
    sticky.tap('meta', 0);
    expect(seen).toEqual([
      { ctrl: 'off', shift: 'off', alt: 'off', meta: 'latched' },
      { ctrl: 'off', shift: 'off', alt: 'off', meta: 'off' },
    ]);
    expect(seen[0]).not.toBe(seen[1]);
  });
});

describe('shortcut letters', () => {
  it('names the key that makes a character, with Shift for capitals', () => {
    expect(shortcutKeyFor('c')).toEqual({ key: 'c', shift: false });
    expect(shortcutKeyFor('T')).toEqual({ key: 't', shift: true });
    expect(shortcutKeyFor('7')).toEqual({ key: '7', shift: false });
    expect(shortcutKeyFor('.')).toEqual({ key: '.', shift: false });
    for (const other of ['é', '你', '!', ' ', 'F1', '']) expect(shortcutKeyFor(other)).toBeUndefined();
  });

  it('takes the last character typed, whole (not half of an emoji)', () => {
    expect(lastTyped('ab')).toBe('b');
    expect(lastTyped('a😀')).toBe('😀');
    expect(lastTyped('')).toBeUndefined();
  });
});
