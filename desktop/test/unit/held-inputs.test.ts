import type { HoldableKey } from '@deskremote/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dispatcher } from '../../src/host/input/dispatcher.js';
import { HELD_KEY_LIMIT_MS, HeldInputs } from '../../src/host/input/held-inputs.js';
import { READY } from '../../src/host/input/input-availability.js';
import { CLICKER_PROFILE } from '../../src/host/presenter/slide-profiles.js';
import { MemoryDriver } from '../support/memory-driver.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('held inputs', () => {
  it('calls a key overdue after the limit, unless renewed by the same session', () => {
    vi.useFakeTimers();
    let now = 0;
    const overdue: string[] = [];
    const held = new HeldInputs({ limitMs: 1000, now: () => now, onOverdue: (s, k) => overdue.push(`${s}:${k}`) });
    expect(held.pressKey('a', 'shift')).toBe(true);
    now = 600;
    vi.advanceTimersByTime(600);
    // Pressed again: a renewal only, the OS must not see a second press.
    expect(held.pressKey('a', 'shift')).toBe(false);
    now = 1500;
    vi.advanceTimersByTime(900);
    expect(overdue).toEqual([]);
    expect(held.isOverdue('a', 'shift')).toBe(false);
    now = 1600;
    vi.advanceTimersByTime(100);
    expect(overdue).toEqual(['a:shift']);
    expect(held.isOverdue('a', 'shift')).toBe(true);
  });

  it('a timer that fires before the clock reaches the limit waits out the rest (the key is never left held)', () => {
    vi.useFakeTimers();
    let now = 0;
    const overdue: string[] = [];
    const held = new HeldInputs({ limitMs: 1000, now: () => now, onOverdue: (_, k) => overdue.push(k) });
    held.pressKey('a', 'ctrl');
    now = 999.4;
    vi.advanceTimersByTime(1000);
    expect(overdue).toEqual([]);
    now = 1000;
    vi.advanceTimersByTime(1);
    expect(overdue).toEqual(['ctrl']);
  });

  it('a key released in time is never overdue', () => {
    vi.useFakeTimers();
    const overdue: string[] = [];
    const held = new HeldInputs({ limitMs: 1000, onOverdue: (_, k) => overdue.push(k) });
    held.pressKey('a', 'alt');
    expect(held.releaseKey('a', 'alt')).toBe(true);
    vi.advanceTimersByTime(5000);
    expect(overdue).toEqual([]);
    expect(held.sessions()).toEqual([]);
  });

  it('lets go at the OS only of what no other session holds', () => {
    const held = new HeldInputs({ onOverdue: () => {} });
    held.pressKey('a', 'alt');
    held.pressKey('b', 'alt');
    held.pressKey('a', 'F5');
    held.setButton('a', 'left', true);
    held.setButton('b', 'right', true);
    expect(held.limitMs).toBe(HELD_KEY_LIMIT_MS);
    expect(held.takeSession('a')).toEqual({ keys: ['F5'], buttons: ['left'] });
    expect(held.releaseKey('b', 'alt')).toBe(true);
    expect(held.takeSession('b')).toEqual({ keys: [], buttons: ['right'] });
  });
});

describe('dispatcher and the held-key limit', () => {
  function setup(limitMs: number) {
    const driver = new MemoryDriver();
    const dispatcher = new Dispatcher({
      driver: () => driver,
      availability: () => READY,
      slideProfile: () => CLICKER_PROFILE,
      heldKeyLimitMs: limitMs,
    });
    return { driver, dispatcher };
  }

  it('releases a key held too long, tells its session, and leaves other keys and sessions alone', async () => {
    const { driver, dispatcher } = setup(80);
    const told: HoldableKey[] = [];
    dispatcher.onHeldTooLong('a', (key) => told.push(key));
    await dispatcher.submit('a', { t: 'hold', id: 1, key: 'shift', down: true });
    await dispatcher.submit('b', { t: 'hold', id: 2, key: 'ctrl', down: true });
    await vi.waitFor(() => expect(told).toEqual(['shift']), { timeout: 2000, interval: 10 });
    expect(driver.calls).toContainEqual(['setKey', 'shift', false]);
    expect(dispatcher.heldKeys('a')).toEqual([]);
    // Session b never subscribed; its key is released for it too, it is just not told.
    await vi.waitFor(() => expect(driver.calls).toContainEqual(['setKey', 'ctrl', false]), { timeout: 2000 });
  });

  it('a renewed key stays down past the first deadline, and a second press is not injected', async () => {
    const { driver, dispatcher } = setup(400);
    await dispatcher.submit('a', { t: 'hold', id: 1, key: 'alt', down: true });
    await new Promise((r) => setTimeout(r, 250));
    await dispatcher.submit('a', { t: 'hold', id: 2, key: 'alt', down: true });
    // Past the first deadline, well before the renewed one.
    await new Promise((r) => setTimeout(r, 250));
    expect(driver.calls).toEqual([['setKey', 'alt', true]]);
    await vi.waitFor(() => expect(driver.calls.at(-1)).toEqual(['setKey', 'alt', false]), { timeout: 2000 });
  });

  it('a key the OS refused to press is not counted as held', async () => {
    const { driver, dispatcher } = setup(100);
    driver.failNext = 'XTest is gone';
    await expect(dispatcher.submit('a', { t: 'hold', id: 1, key: 'shift', down: true })).rejects.toMatchObject({
      code: 'injection-failed',
    });
    expect(dispatcher.heldKeys('a')).toEqual([]);
  });

  it('a key another session still holds is not released at the OS when one session overruns', async () => {
    const { driver, dispatcher } = setup(100);
    await dispatcher.submit('a', { t: 'hold', id: 1, key: 'alt', down: true });
    await new Promise((r) => setTimeout(r, 60));
    await dispatcher.submit('b', { t: 'hold', id: 2, key: 'alt', down: true });
    await vi.waitFor(() => expect(dispatcher.heldKeys('a')).toEqual([]), { timeout: 2000 });
    expect(driver.calls.filter((c) => c[0] === 'setKey' && c[2] === false)).toEqual([]);
    await dispatcher.releaseSession('b');
    expect(driver.calls.at(-1)).toEqual(['setKey', 'alt', false]);
  });
});
