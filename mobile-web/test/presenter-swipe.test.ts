import { describe, expect, it } from 'vitest';
import { isTap, SWIPE_MAX_MS, SWIPE_MIN_PX, swipeOf } from '../src/features/presenter/swipe.js';

describe('a swipe on the presenter panel', () => {
  it('right to left is the next slide, left to right the previous one', () => {
    expect(swipeOf({ dx: -120, dy: 10, ms: 200 })).toBe('next');
    expect(swipeOf({ dx: 120, dy: -10, ms: 200 })).toBe('previous');
  });

  it('is not a twitch, a mostly vertical stroke or a slow drag', () => {
    expect(swipeOf({ dx: -(SWIPE_MIN_PX - 1), dy: 0, ms: 100 })).toBeUndefined();
    expect(swipeOf({ dx: -100, dy: 80, ms: 200 })).toBeUndefined();
    expect(swipeOf({ dx: -200, dy: 0, ms: SWIPE_MAX_MS + 1 })).toBeUndefined();
  });

  it('a tap is a finger that lifts where it landed, quickly', () => {
    expect(isTap({ dx: 3, dy: -4, ms: 80 })).toBe(true);
    expect(isTap({ dx: 30, dy: 0, ms: 80 })).toBe(false);
    expect(isTap({ dx: 0, dy: 0, ms: 900 })).toBe(false);
  });
});
