/**
 * What the overlay draws, as pure functions of the points received and the time: where the dot is
 * (smoothed), how bright it still is (the fade after the finger lifts), and what to paint (a red dot
 * with a glow, or a spotlight that dims the rest of the screen). The page only feeds it times and a
 * canvas; the unit tests feed it numbers and a recording canvas.
 */
import { LASER_FADE_MS } from './laser-timing.js';

export type PointerMode = 'dot' | 'spotlight';

/** A point as the overlay receives it: fractions of the screen (0..1), 'off' when the finger lifted. */
export interface LaserInput {
  mode: PointerMode | 'off';
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/** A one-euro filter's memory: the smoothed point, its smoothed speed (px/s), and when it was stepped. */
interface Filter {
  x: number;
  y: number;
  dx: number;
  dy: number;
  at: number;
  /** The raw point of the previous step, for the raw speed. */
  rawX: number;
  rawY: number;
}

export interface LaserState {
  mode: PointerMode;
  /** Where the finger is, in the overlay's pixels; undefined when nothing is shown. */
  target: { x: number; y: number } | undefined;
  filter: Filter | undefined;
  /** When the finger lifted; the pointer fades from then on. */
  releasedAt: number | undefined;
}

export const HIDDEN: LaserState = { mode: 'dot', target: undefined, filter: undefined, releasedAt: undefined };

/**
 * One-euro filter settings (Casiez et al. 2012): at rest the cutoff is low and a trembling finger does
 * not shake the dot; the faster the finger moves, the higher the cutoff and the less the dot lags.
 */
export const SMOOTHING = { minCutoffHz: 3, beta: 0.02, derivativeCutoffHz: 1 } as const;
/** Closer than this (px) to the finger, the dot has arrived and the page stops drawing frames. */
const SETTLED_PX = 0.25;
/** The spotlight dims the rest of the screen to this much black. */
export const SPOTLIGHT_DIM = 0.7;

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/** A new point from the phone. A touch after a lift starts where it lands, not where the last one ended. */
export function receive(state: LaserState, input: LaserInput, now: number, size: Size): LaserState {
  if (!Number.isFinite(input.x) || !Number.isFinite(input.y)) return state;
  if (input.mode === 'off') {
    if (state.target === undefined || state.releasedAt !== undefined) return state;
    return { ...state, releasedAt: now };
  }
  const target = { x: clamp01(input.x) * size.width, y: clamp01(input.y) * size.height };
  const fresh = state.filter === undefined || state.releasedAt !== undefined;
  const filter = fresh ? { x: target.x, y: target.y, dx: 0, dy: 0, at: now, rawX: target.x, rawY: target.y } : state.filter;
  return { mode: input.mode, target, filter, releasedAt: undefined };
}

/** The smoothing factor of a low-pass filter with this cutoff, for a step of dtMs. */
function smoothingFactor(cutoffHz: number, dtMs: number): number {
  const tauMs = 1000 / (2 * Math.PI * cutoffHz);
  return 1 / (1 + tauMs / dtMs);
}

/** Moves the smoothed point towards the finger for the time elapsed; forgets a pointer that has faded. */
export function advance(state: LaserState, now: number): LaserState {
  if (state.releasedAt !== undefined && now - state.releasedAt >= LASER_FADE_MS) return HIDDEN;
  const { filter, target } = state;
  if (!filter || !target || now <= filter.at) return state;
  const dt = now - filter.at;
  const rawDx = ((target.x - filter.rawX) / dt) * 1000;
  const rawDy = ((target.y - filter.rawY) / dt) * 1000;
  const d = smoothingFactor(SMOOTHING.derivativeCutoffHz, dt);
  const dx = filter.dx + d * (rawDx - filter.dx);
  const dy = filter.dy + d * (rawDy - filter.dy);
  const cutoff = SMOOTHING.minCutoffHz + SMOOTHING.beta * Math.hypot(dx, dy);
  const a = smoothingFactor(cutoff, dt);
  return {
    ...state,
    filter: {
      x: filter.x + a * (target.x - filter.x),
      y: filter.y + a * (target.y - filter.y),
      dx,
      dy,
      at: now,
      rawX: target.x,
      rawY: target.y,
    },
  };
}

/** How bright the pointer is: 1 while the finger is down, then a smooth fall to 0 over the fade. */
export function fadeAlpha(releasedAt: number | undefined, now: number): number {
  if (releasedAt === undefined) return 1;
  const progress = (now - releasedAt) / LASER_FADE_MS;
  if (progress <= 0) return 1;
  if (progress >= 1) return 0;
  return 0.5 * (1 + Math.cos(Math.PI * progress));
}

/** Whether another animation frame would change anything: still gliding towards the finger, or fading. */
export function needsFrame(state: LaserState, now: number): boolean {
  if (!state.filter || !state.target) return false;
  if (state.releasedAt !== undefined) return now - state.releasedAt < LASER_FADE_MS;
  return Math.hypot(state.target.x - state.filter.x, state.target.y - state.filter.y) > SETTLED_PX;
}

export type DrawInstruction =
  | { kind: 'dot'; x: number; y: number; coreRadius: number; glowRadius: number; alpha: number }
  | { kind: 'spotlight'; x: number; y: number; clearRadius: number; edgeRadius: number; dim: number };

/** The dot is big enough to see from the back of a room on any screen: about 1 % of its short side. */
export function dotGeometry(size: Size): { coreRadius: number; glowRadius: number } {
  const coreRadius = Math.min(40, Math.max(5, Math.min(size.width, size.height) * 0.011));
  return { coreRadius, glowRadius: coreRadius * 3 };
}

/** A clear circle about a third of the screen's short side across, with a soft edge into the dimmed rest. */
export function spotlightGeometry(size: Size): { clearRadius: number; edgeRadius: number } {
  const edgeRadius = Math.min(size.width, size.height) * 0.17;
  return { clearRadius: edgeRadius * 0.75, edgeRadius };
}

/** What to paint now, or nothing. */
export function drawInstruction(state: LaserState, now: number, size: Size): DrawInstruction | undefined {
  if (!state.filter) return undefined;
  const alpha = fadeAlpha(state.releasedAt, now);
  if (alpha <= 0) return undefined;
  const { x, y } = state.filter;
  if (state.mode === 'spotlight') return { kind: 'spotlight', x, y, ...spotlightGeometry(size), dim: SPOTLIGHT_DIM * alpha };
  return { kind: 'dot', x, y, ...dotGeometry(size), alpha };
}

export interface GradientLike {
  addColorStop(offset: number, color: string): void;
}

/** The part of CanvasRenderingContext2D the drawing needs. */
export interface CanvasLike {
  fillStyle: unknown;
  clearRect(x: number, y: number, width: number, height: number): void;
  fillRect(x: number, y: number, width: number, height: number): void;
  beginPath(): void;
  arc(x: number, y: number, radius: number, startAngle: number, endAngle: number): void;
  fill(): void;
  createRadialGradient(x0: number, y0: number, r0: number, x1: number, y1: number, r1: number): GradientLike;
}

const rgba = (r: number, g: number, b: number, a: number) => `rgba(${r}, ${g}, ${b}, ${Math.round(a * 1000) / 1000})`;

/** Clears the canvas and paints one instruction (nothing when undefined: the canvas stays transparent). */
export function paint(ctx: CanvasLike, instruction: DrawInstruction | undefined, size: Size): void {
  ctx.clearRect(0, 0, size.width, size.height);
  if (!instruction) return;
  const { x, y } = instruction;
  if (instruction.kind === 'spotlight') {
    // One gradient over the whole screen: clear inside clearRadius (padding of the first stop), dim
    // beyond edgeRadius (padding of the last), a soft ramp between.
    const shade = ctx.createRadialGradient(x, y, instruction.clearRadius, x, y, instruction.edgeRadius);
    shade.addColorStop(0, rgba(0, 0, 0, 0));
    shade.addColorStop(1, rgba(0, 0, 0, instruction.dim));
    ctx.fillStyle = shade;
    ctx.fillRect(0, 0, size.width, size.height);
    return;
  }
  const { coreRadius, glowRadius, alpha } = instruction;
  const glow = ctx.createRadialGradient(x, y, coreRadius * 0.5, x, y, glowRadius);
  glow.addColorStop(0, rgba(255, 40, 40, 0.6 * alpha));
  glow.addColorStop(0.4, rgba(255, 20, 20, 0.25 * alpha));
  glow.addColorStop(1, rgba(255, 0, 0, 0));
  ctx.fillStyle = glow;
  ctx.beginPath();
  ctx.arc(x, y, glowRadius, 0, Math.PI * 2);
  ctx.fill();
  const core = ctx.createRadialGradient(x, y, 0, x, y, coreRadius);
  core.addColorStop(0, rgba(255, 60, 50, alpha));
  core.addColorStop(0.7, rgba(255, 20, 20, alpha));
  core.addColorStop(1, rgba(235, 0, 0, alpha));
  ctx.fillStyle = core;
  ctx.beginPath();
  ctx.arc(x, y, coreRadius, 0, Math.PI * 2);
  ctx.fill();
}
