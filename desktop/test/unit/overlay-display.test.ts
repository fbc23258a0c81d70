import { describe, expect, it } from 'vitest';
import { chooseOverlayDisplay } from '../../src/electron/overlay-display.js';

const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 } };
const projector = { id: 2, bounds: { x: 1440, y: 0, width: 1920, height: 1080 } };
const third = { id: 3, bounds: { x: -1280, y: 0, width: 1280, height: 1024 } };

describe('the screen the laser overlay covers', () => {
  it("is the user's choice while that screen is connected", () => {
    expect(chooseOverlayDisplay({ displays: [laptop, projector], primaryId: 2, chosenDisplayId: 1 })).toBe(laptop);
    const slides = { x: 1500, y: 10, width: 800, height: 600 };
    expect(
      chooseOverlayDisplay({ displays: [laptop, projector], primaryId: 1, chosenDisplayId: 1, focusedWindowBounds: slides }),
    ).toBe(laptop);
  });

  it('falls back when the chosen screen was unplugged, or the choice is auto', () => {
    expect(chooseOverlayDisplay({ displays: [laptop], primaryId: 1, chosenDisplayId: 2 })).toBe(laptop);
    expect(chooseOverlayDisplay({ displays: [laptop, projector], primaryId: 1, chosenDisplayId: 'auto' })).toBe(projector);
  });

  it('is the screen holding the centre of the focused slide window', () => {
    const onLaptop = { x: 100, y: 100, width: 1000, height: 600 };
    expect(chooseOverlayDisplay({ displays: [laptop, projector], primaryId: 1, focusedWindowBounds: onLaptop })).toBe(laptop);
    // Mostly on the projector though it starts on the laptop: its centre decides.
    const straddling = { x: 1000, y: 0, width: 2000, height: 1000 };
    expect(chooseOverlayDisplay({ displays: [laptop, projector], primaryId: 1, focusedWindowBounds: straddling })).toBe(
      projector,
    );
    expect(
      chooseOverlayDisplay({
        displays: [laptop, projector, third],
        primaryId: 1,
        focusedWindowBounds: { x: -900, y: 0, width: 400, height: 300 },
      }),
    ).toBe(third);
  });

  it('without a focused window on any screen, prefers a screen that is not the primary (the projector)', () => {
    expect(chooseOverlayDisplay({ displays: [laptop, projector], primaryId: 1 })).toBe(projector);
    expect(chooseOverlayDisplay({ displays: [laptop, projector], primaryId: 2 })).toBe(laptop);
    const offScreen = { x: 9000, y: 9000, width: 10, height: 10 };
    expect(chooseOverlayDisplay({ displays: [laptop, projector], primaryId: 1, focusedWindowBounds: offScreen })).toBe(projector);
  });

  it('with one screen, is that screen; with none, nothing', () => {
    expect(chooseOverlayDisplay({ displays: [laptop], primaryId: 1 })).toBe(laptop);
    expect(chooseOverlayDisplay({ displays: [], primaryId: 1 })).toBeUndefined();
  });
});
