import { describe, expect, it } from 'vitest';
import { fitAspect, fractionOnPad, SCREEN_ASPECT } from '../src/features/presenter/laser/pad-geometry.js';

describe('the laser pad', () => {
  it('keeps the screen’s shape in a tall space and in a wide one', () => {
    expect(fitAspect({ width: 380, height: 500 })).toEqual({ width: 380, height: 213 });
    expect(fitAspect({ width: 500, height: 180 })).toEqual({ width: 320, height: 180 });
    expect(fitAspect({ width: 400, height: 300 }, 4 / 3)).toEqual({ width: 400, height: 300 });
    expect(fitAspect({ width: 0, height: 300 })).toEqual({ width: 0, height: 0 });
    expect(SCREEN_ASPECT).toBeCloseTo(16 / 9);
  });

  it('maps a place on the pad to the same fraction of the screen, clamped to its edges', () => {
    const pad = { left: 10, top: 100, width: 320, height: 180 };
    expect(fractionOnPad({ x: 10, y: 100 }, pad)).toEqual({ x: 0, y: 0 });
    expect(fractionOnPad({ x: 170, y: 190 }, pad)).toEqual({ x: 0.5, y: 0.5 });
    expect(fractionOnPad({ x: 90, y: 235 }, pad)).toEqual({ x: 0.25, y: 0.75 });
    expect(fractionOnPad({ x: -50, y: 900 }, pad)).toEqual({ x: 0, y: 1 });
    expect(fractionOnPad({ x: 5, y: 5 }, { left: 0, top: 0, width: 0, height: 0 })).toEqual({ x: 0.5, y: 0.5 });
  });
});
