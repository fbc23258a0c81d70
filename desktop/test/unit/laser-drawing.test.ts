import { describe, expect, it } from 'vitest';
import {
  advance,
  type CanvasLike,
  dotGeometry,
  drawInstruction,
  fadeAlpha,
  HIDDEN,
  type LaserState,
  needsFrame,
  paint,
  receive,
  SPOTLIGHT_DIM,
  spotlightGeometry,
} from '../../src/overlay/laser-drawing.js';
import { LASER_FADE_MS } from '../../src/overlay/laser-timing.js';

const SCREEN = { width: 1920, height: 1080 };
const FRAME_MS = 1000 / 60;

/** Runs animation frames from `from` for `ms`, as the page's loop would. */
function frames(state: LaserState, from: number, ms: number): { state: LaserState; now: number } {
  let now = from;
  let current = state;
  for (let i = 0; i < Math.ceil(ms / FRAME_MS); i++) {
    now += FRAME_MS;
    current = advance(current, now);
  }
  return { state: current, now };
}

function at(state: LaserState): { x: number; y: number } {
  if (!state.filter) throw new Error('nothing shown');
  return { x: state.filter.x, y: state.filter.y };
}

describe('where the dot is', () => {
  it('starts exactly where the finger lands, in screen pixels', () => {
    const state = receive(HIDDEN, { mode: 'dot', x: 0.25, y: 0.5 }, 1000, SCREEN);
    expect(at(state)).toEqual({ x: 480, y: 540 });
    expect(drawInstruction(state, 1000, SCREEN)).toMatchObject({ kind: 'dot', x: 480, y: 540, alpha: 1 });
  });

  it('glides to a new place and settles on it, then needs no more frames', () => {
    let state = receive(HIDDEN, { mode: 'dot', x: 0.25, y: 0.5 }, 0, SCREEN);
    state = receive(state, { mode: 'dot', x: 0.75, y: 0.5 }, 10, SCREEN);
    const early = frames(state, 10, 20);
    expect(at(early.state).x).toBeGreaterThan(480);
    expect(at(early.state).x).toBeLessThan(1440);
    expect(needsFrame(early.state, early.now)).toBe(true);
    const late = frames(early.state, early.now, 1500);
    expect(at(late.state).x).toBeCloseTo(1440, 0);
    expect(needsFrame(late.state, late.now)).toBe(false);
  });

  it('smooths a trembling finger: the dot shakes much less than the finger', () => {
    let state = receive(HIDDEN, { mode: 'dot', x: 0.5, y: 0.5 }, 0, SCREEN);
    let now = 0;
    const xs: number[] = [];
    for (let i = 1; i <= 120; i++) {
      now += FRAME_MS;
      // ±4 px of tremor around the middle.
      state = receive(state, { mode: 'dot', x: 0.5 + ((i % 2 ? 1 : -1) * 4) / SCREEN.width, y: 0.5 }, now, SCREEN);
      state = advance(state, now);
      if (i > 30) xs.push(at(state).x);
    }
    const spread = Math.max(...xs) - Math.min(...xs);
    expect(spread).toBeLessThan(2);
    expect(spread).toBeGreaterThan(0);
  });

  it('follows a fast stroke closely (the faster, the less it lags)', () => {
    let state = receive(HIDDEN, { mode: 'dot', x: 0, y: 0.5 }, 0, SCREEN);
    let now = 0;
    // Across the screen in half a second.
    for (let i = 1; i <= 30; i++) {
      now += FRAME_MS;
      state = receive(state, { mode: 'dot', x: i / 30, y: 0.5 }, now, SCREEN);
      state = advance(state, now);
    }
    const lag = SCREEN.width - at(state).x;
    // A fixed 3 Hz low-pass would trail by about 200 px at this speed.
    expect(lag).toBeLessThan(120);
  });

  it('clamps points off the screen to its edge and ignores points that are not numbers', () => {
    const state = receive(HIDDEN, { mode: 'dot', x: 1.5, y: -2 }, 0, SCREEN);
    expect(at(state)).toEqual({ x: 1920, y: 0 });
    expect(receive(state, { mode: 'dot', x: Number.NaN, y: 0.5 }, 5, SCREEN)).toBe(state);
    expect(receive(HIDDEN, { mode: 'dot', x: 0.5, y: Number.POSITIVE_INFINITY }, 5, SCREEN)).toBe(HIDDEN);
  });

  it('a touch after a lift starts where it lands, not where the last one ended', () => {
    let state = receive(HIDDEN, { mode: 'dot', x: 0.1, y: 0.1 }, 0, SCREEN);
    state = receive(state, { mode: 'off', x: 0.1, y: 0.1 }, 100, SCREEN);
    state = receive(state, { mode: 'dot', x: 0.9, y: 0.9 }, 200, SCREEN);
    expect(at(state)).toEqual({ x: 1728, y: 972 });
    expect(drawInstruction(state, 200, SCREEN)).toMatchObject({ alpha: 1 });
  });
});

describe('the fade after the finger lifts', () => {
  it('falls smoothly from 1 to 0 over the fade time', () => {
    expect(fadeAlpha(undefined, 5000)).toBe(1);
    expect(fadeAlpha(1000, 1000)).toBe(1);
    expect(fadeAlpha(1000, 1000 + LASER_FADE_MS / 2)).toBeCloseTo(0.5, 5);
    expect(fadeAlpha(1000, 1000 + LASER_FADE_MS)).toBe(0);
    let previous = 1;
    for (let t = 0; t <= LASER_FADE_MS; t += 10) {
      const alpha = fadeAlpha(0, t);
      expect(alpha).toBeLessThanOrEqual(previous);
      previous = alpha;
    }
    expect(LASER_FADE_MS).toBeGreaterThanOrEqual(200);
    expect(LASER_FADE_MS).toBeLessThanOrEqual(800);
  });

  it('dims the dot, then draws nothing and stops asking for frames', () => {
    let state = receive(HIDDEN, { mode: 'dot', x: 0.5, y: 0.5 }, 0, SCREEN);
    state = receive(state, { mode: 'off', x: 0.5, y: 0.5 }, 1000, SCREEN);
    const half = advance(state, 1000 + LASER_FADE_MS / 2);
    expect(drawInstruction(half, 1000 + LASER_FADE_MS / 2, SCREEN)).toMatchObject({ kind: 'dot', alpha: 0.5 });
    expect(needsFrame(half, 1000 + LASER_FADE_MS / 2)).toBe(true);
    const gone = advance(half, 1000 + LASER_FADE_MS);
    expect(gone).toBe(HIDDEN);
    expect(drawInstruction(gone, 1000 + LASER_FADE_MS, SCREEN)).toBeUndefined();
    expect(needsFrame(gone, 1000 + LASER_FADE_MS)).toBe(false);
  });

  it('a second lift does not restart the fade, and a lift with nothing shown shows nothing', () => {
    let state = receive(HIDDEN, { mode: 'dot', x: 0.5, y: 0.5 }, 0, SCREEN);
    state = receive(state, { mode: 'off', x: 0.5, y: 0.5 }, 100, SCREEN);
    expect(receive(state, { mode: 'off', x: 0.5, y: 0.5 }, 300, SCREEN).releasedAt).toBe(100);
    expect(receive(HIDDEN, { mode: 'off', x: 0.5, y: 0.5 }, 0, SCREEN)).toBe(HIDDEN);
  });

  it('the spotlight fades too: the dimming lifts', () => {
    let state = receive(HIDDEN, { mode: 'spotlight', x: 0.5, y: 0.5 }, 0, SCREEN);
    expect(drawInstruction(state, 0, SCREEN)).toMatchObject({ kind: 'spotlight', dim: SPOTLIGHT_DIM });
    state = receive(state, { mode: 'off', x: 0.5, y: 0.5 }, 0, SCREEN);
    const instruction = drawInstruction(state, LASER_FADE_MS / 2, SCREEN);
    expect(instruction).toMatchObject({ kind: 'spotlight', dim: SPOTLIGHT_DIM / 2 });
  });
});

describe('sizes', () => {
  it('the dot grows with the screen and stays visible on a small one', () => {
    const small = dotGeometry({ width: 800, height: 600 });
    const hd = dotGeometry({ width: 1920, height: 1080 });
    const uhd = dotGeometry({ width: 3840, height: 2160 });
    expect(small.coreRadius).toBeGreaterThanOrEqual(5);
    expect(hd.coreRadius).toBeGreaterThan(small.coreRadius);
    expect(uhd.coreRadius).toBeCloseTo(hd.coreRadius * 2, 5);
    expect(hd.glowRadius).toBeGreaterThan(hd.coreRadius * 2);
  });

  it('the spotlight is a clear circle with a soft edge, a fraction of the short side', () => {
    const { clearRadius, edgeRadius } = spotlightGeometry(SCREEN);
    expect(clearRadius).toBeLessThan(edgeRadius);
    expect(edgeRadius).toBeGreaterThan(SCREEN.height * 0.1);
    expect(edgeRadius).toBeLessThan(SCREEN.height * 0.3);
  });
});

/** A canvas that records what is done to it. */
function recordingCanvas() {
  const calls: string[] = [];
  const gradients: Array<{ args: number[]; stops: Array<[number, string]> }> = [];
  const canvas: CanvasLike = {
    fillStyle: '',
    clearRect: (...args) => calls.push(`clearRect ${args.join(' ')}`),
    fillRect: (...args) => calls.push(`fillRect ${args.join(' ')}`),
    beginPath: () => calls.push('beginPath'),
    arc: (x, y, r) => calls.push(`arc ${x} ${y} ${r}`),
    fill: () => calls.push('fill'),
    createRadialGradient: (...args) => {
      const gradient = { args, stops: [] as Array<[number, string]> };
      gradients.push(gradient);
      return { addColorStop: (offset, color) => gradient.stops.push([offset, color]) };
    },
  };
  return { canvas, calls, gradients };
}

describe('painting', () => {
  it('nothing to draw: the canvas is cleared and left transparent', () => {
    const { canvas, calls } = recordingCanvas();
    paint(canvas, undefined, SCREEN);
    expect(calls).toEqual(['clearRect 0 0 1920 1080']);
  });

  it('the dot: a glow and a bright red core, both centred on the point', () => {
    const { canvas, calls, gradients } = recordingCanvas();
    const instruction = { kind: 'dot', x: 300, y: 200, coreRadius: 12, glowRadius: 36, alpha: 1 } as const;
    paint(canvas, instruction, SCREEN);
    expect(calls).toEqual([
      'clearRect 0 0 1920 1080',
      'beginPath',
      'arc 300 200 36',
      'fill',
      'beginPath',
      'arc 300 200 12',
      'fill',
    ]);
    const core = gradients[1]!;
    expect(core.args).toEqual([300, 200, 0, 300, 200, 12]);
    for (const [, color] of core.stops) {
      const [r, g, b, a] = color.match(/[\d.]+/g)!.map(Number);
      expect(r).toBeGreaterThanOrEqual(230);
      expect(g).toBeLessThan(80);
      expect(b).toBeLessThan(80);
      expect(a).toBe(1);
    }
    expect(gradients[0]!.stops.at(-1)![1]).toBe('rgba(255, 0, 0, 0)');
  });

  it('a fading dot is painted with its alpha', () => {
    const { canvas, gradients } = recordingCanvas();
    paint(canvas, { kind: 'dot', x: 10, y: 10, coreRadius: 6, glowRadius: 18, alpha: 0.25 }, SCREEN);
    expect(gradients[1]!.stops.map(([, color]) => color.split(', ').at(-1))).toEqual(['0.25)', '0.25)', '0.25)']);
  });

  it('the spotlight: the whole screen dimmed, clear inside the circle, a ramp to its edge', () => {
    const { canvas, calls, gradients } = recordingCanvas();
    paint(canvas, { kind: 'spotlight', x: 500, y: 400, clearRadius: 120, edgeRadius: 160, dim: 0.7 }, SCREEN);
    expect(calls).toEqual(['clearRect 0 0 1920 1080', 'fillRect 0 0 1920 1080']);
    expect(gradients).toEqual([
      {
        args: [500, 400, 120, 500, 400, 160],
        stops: [
          [0, 'rgba(0, 0, 0, 0)'],
          [1, 'rgba(0, 0, 0, 0.7)'],
        ],
      },
    ]);
  });
});
