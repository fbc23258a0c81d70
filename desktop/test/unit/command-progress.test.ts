import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { commandProgress } from '../../src/host/session/command-progress.js';

describe('a running command tells the phone it is still running', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says nothing for a command that ends within a second', () => {
    const sent: unknown[] = [];
    const running = commandProgress(
      7,
      (m) => sent.push(m),
      () => Date.now(),
    );
    running.progress(50, 100);
    vi.advanceTimersByTime(900);
    running.stop();
    vi.advanceTimersByTime(5000);
    expect(sent).toEqual([]);
  });

  it('then the newest count, at most every 250 ms, and every second while nothing changes', () => {
    const sent: Array<{ done: number; total: number }> = [];
    const running = commandProgress(
      7,
      (m) => sent.push(m),
      () => Date.now(),
    );
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([{ t: 'progress', id: 7, done: 0, total: 0 }]);
    running.progress(100, 500);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(300);
    running.progress(200, 500);
    running.progress(300, 500);
    expect(sent.slice(1)).toEqual([{ t: 'progress', id: 7, done: 200, total: 500 }]);
    // Stalled (the application is stopped): the same count again each second, so the phone keeps waiting.
    vi.advanceTimersByTime(3000);
    expect(sent.slice(-1)).toEqual([{ t: 'progress', id: 7, done: 300, total: 500 }]);
    const count = sent.length;
    running.stop();
    vi.advanceTimersByTime(5000);
    expect(sent).toHaveLength(count);
  });
});
