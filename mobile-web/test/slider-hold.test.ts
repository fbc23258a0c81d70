import { describe, expect, it } from 'vitest';
import {
  NOT_HELD,
  onComputerLevel,
  onFingerDown,
  onFingerUp,
  onLevelSent,
  onSettled,
  onSliderInput,
} from '../src/features/volume/slider-hold.js';

const dragged = (...levels: number[]) => {
  let hold = onFingerDown(NOT_HELD);
  for (const level of levels) hold = onLevelSent(onSliderInput(hold, level), level);
  return hold;
};

describe('which level the volume slider shows', () => {
  it('keeps the finger’s value while the finger is down, whatever the computer says', () => {
    const hold = dragged(20, 30);
    expect(onComputerLevel(hold, 65).held).toBe(30);
    expect(onSettled(hold).held).toBe(30);
  });

  it('after the finger lifts, ignores echoes of values sent earlier in the drag', () => {
    const hold = onFingerUp(dragged(20, 25, 30));
    expect(onComputerLevel(hold, 20).held).toBe(30);
    expect(onComputerLevel(hold, 25).held).toBe(30);
  });

  it('ends the hold when the phone’s last value arrives', () => {
    expect(onComputerLevel(onFingerUp(dragged(20, 30)), 30)).toEqual(NOT_HELD);
  });

  it('ends the hold at once on a change made elsewhere (a value the phone never sent)', () => {
    expect(onComputerLevel(onFingerUp(dragged(20, 30)), 65)).toEqual(NOT_HELD);
  });

  it('a slider moved without a finger (keyboard, assistive technology) follows the computer', () => {
    const hold = onLevelSent(onSliderInput(NOT_HELD, 30), 30);
    expect(onComputerLevel(hold, 30)).toEqual(NOT_HELD);
    expect(onComputerLevel(onComputerLevel(hold, 30), 65)).toEqual(NOT_HELD);
  });

  it('the settle time ends a hold the computer never echoed, once the finger is up', () => {
    expect(onSettled(onFingerUp(dragged(40)))).toEqual(NOT_HELD);
  });

  it('remembers only recent values, so a long drag stays small', () => {
    const hold = dragged(...Array.from({ length: 100 }, (_, i) => i));
    expect(hold.sent.length).toBeLessThanOrEqual(16);
    expect(hold.sent.at(-1)).toBe(99);
  });
});
