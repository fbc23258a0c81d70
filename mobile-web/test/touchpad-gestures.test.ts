import { describe, expect, it } from 'vitest';
import { GESTURE_TIMING, type GestureAction, TouchpadGestures } from '../src/gestures/touchpad-gestures.js';

const finger = (id: number, x: number, y: number) => ({ id, x, y });
const sum = (actions: GestureAction[], type: 'move' | 'scroll') =>
  actions.reduce((acc, a) => (a.type === type ? { dx: acc.dx + a.dx, dy: acc.dy + a.dy } : acc), { dx: 0, dy: 0 });

function run(steps: Array<[number, ReturnType<typeof finger>[]]>, gestures = new TouchpadGestures()): GestureAction[] {
  return steps.flatMap(([time, touches]) => gestures.update(touches, time));
}

describe('touchpad gestures', () => {
  it('a one-finger tap is a left click', () => {
    expect(
      run([
        [0, [finger(1, 50, 50)]],
        [80, []],
      ]),
    ).toEqual([{ type: 'click', button: 'left' }]);
  });

  it('a two-finger tap is a right click, even when the fingers land and lift apart', () => {
    const actions = run([
      [0, [finger(1, 50, 50)]],
      [30, [finger(1, 50, 50), finger(2, 90, 50)]],
      [110, [finger(2, 91, 51)]],
      [130, []],
    ]);
    expect(actions).toEqual([{ type: 'click', button: 'right' }]);
  });

  it('a three-finger tap is a middle click', () => {
    const three = [finger(1, 10, 10), finger(2, 40, 10), finger(3, 70, 10)];
    expect(
      run([
        [0, three],
        [90, []],
      ]),
    ).toEqual([{ type: 'click', button: 'middle' }]);
  });

  it('a touch held too long, or moved too far, is no tap', () => {
    expect(
      run([
        [0, [finger(1, 50, 50)]],
        [GESTURE_TIMING.tapMaxMs + 50, []],
      ]),
    ).toEqual([]);
    const moved = run([
      [0, [finger(1, 50, 50)]],
      [40, [finger(1, 70, 50)]],
      [80, []],
    ]);
    expect(moved.some((a) => a.type === 'click')).toBe(false);
  });

  it('one finger moving moves the pointer by the finger motion', () => {
    const actions = run([
      [0, [finger(1, 100, 100)]],
      [16, [finger(1, 106, 97)]],
      [32, [finger(1, 120, 90)]],
      [48, [finger(1, 130, 80)]],
      [64, []],
    ]);
    expect(sum(actions, 'move')).toEqual({ dx: 30, dy: -20 });
    expect(actions.some((a) => a.type === 'click' || a.type === 'scroll')).toBe(false);
  });

  it('two fingers moving scroll with the content following the fingers, and never move the pointer', () => {
    const actions = run([
      [0, [finger(1, 100, 200), finger(2, 140, 200)]],
      [16, [finger(1, 100, 180), finger(2, 140, 180)]],
      [32, [finger(1, 100, 150), finger(2, 140, 150)]],
      // One finger lifts first: the one left must not turn into pointer motion.
      [48, [finger(2, 140, 120)]],
      [64, []],
    ]);
    expect(sum(actions, 'scroll').dy).toBe(80);
    expect(Math.abs(sum(actions, 'scroll').dx)).toBe(0);
    expect(actions.some((a) => a.type === 'move' || a.type === 'click')).toBe(false);
  });

  it('traditional scrolling reverses the direction', () => {
    const gestures = new TouchpadGestures({ naturalScroll: false });
    const actions = run(
      [
        [0, [finger(1, 100, 200), finger(2, 140, 200)]],
        [16, [finger(1, 100, 170), finger(2, 140, 170)]],
      ],
      gestures,
    );
    expect(sum(actions, 'scroll').dy).toBe(-30);
  });

  it('holding one finger still presses the button; moving drags; lifting releases', () => {
    const gestures = new TouchpadGestures();
    expect(gestures.update([finger(1, 50, 50)], 0)).toEqual([]);
    expect(gestures.hold(GESTURE_TIMING.holdMs - 10)).toEqual([]);
    expect(gestures.hold(GESTURE_TIMING.holdMs)).toEqual([{ type: 'press' }]);
    const moved = gestures.update([finger(1, 80, 60)], GESTURE_TIMING.holdMs + 16);
    expect(sum(moved, 'move')).toEqual({ dx: 30, dy: 10 });
    expect(gestures.update([], GESTURE_TIMING.holdMs + 40)).toEqual([{ type: 'release' }]);
  });

  it('a hold after the finger moved is no drag, and a cancelled drag is released', () => {
    const moving = new TouchpadGestures();
    moving.update([finger(1, 50, 50)], 0);
    moving.update([finger(1, 90, 50)], 20);
    expect(moving.hold(GESTURE_TIMING.holdMs)).toEqual([]);

    const dragging = new TouchpadGestures();
    dragging.update([finger(1, 50, 50)], 0);
    dragging.hold(GESTURE_TIMING.holdMs);
    expect(dragging.cancel()).toEqual([{ type: 'release' }]);
    expect(dragging.cancel()).toEqual([]);
  });

  it('two fingers moving apart is a pinch that zooms in, together zooms out, and never scrolls', () => {
    const apart = run([
      [0, [finger(1, 100, 200), finger(2, 160, 200)]],
      [16, [finger(1, 90, 200), finger(2, 170, 200)]],
      [32, [finger(1, 70, 200), finger(2, 190, 200)]],
      [48, []],
    ]);
    const spread = apart.filter((a) => a.type === 'zoom').reduce((total, a) => total + (a.type === 'zoom' ? a.spread : 0), 0);
    expect(spread).toBe(60);
    expect(apart.some((a) => a.type === 'scroll' || a.type === 'click')).toBe(false);
    const together = run([
      [0, [finger(1, 70, 200), finger(2, 190, 200)]],
      [16, [finger(1, 90, 200), finger(2, 170, 200)]],
      [32, []],
    ]);
    expect(together.find((a) => a.type === 'zoom')).toEqual({ type: 'zoom', spread: -40 });
  });

  it('with tap-to-click off, taps do nothing; a held finger still drags', () => {
    const gestures = new TouchpadGestures({ tapToClick: false });
    expect(
      run(
        [
          [0, [finger(1, 50, 50)]],
          [60, []],
        ],
        gestures,
      ),
    ).toEqual([]);
    expect(
      run(
        [
          [0, [finger(1, 50, 50), finger(2, 90, 50)]],
          [60, []],
        ],
        gestures,
      ),
    ).toEqual([]);
    gestures.update([finger(1, 50, 50)], 1000);
    expect(gestures.hold(1000 + GESTURE_TIMING.holdMs)).toEqual([{ type: 'press' }]);
  });
});
