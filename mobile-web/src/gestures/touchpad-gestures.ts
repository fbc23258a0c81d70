/**
 * Touches on the touchpad -> pointer commands. Pure: it sees touch positions and times and returns
 * what to do, so every gesture is unit-tested without a browser. Where a two-finger tap becomes a
 * right click.
 *
 * - one finger moving: pointer motion
 * - one finger tap: left click; two-finger tap: right click; three-finger tap: middle click
 * - two fingers moving together: scroll, both axes (never pointer motion until every finger has lifted)
 * - two fingers moving apart or together: pinch, which zooms (Ctrl + wheel on the computer)
 * - one finger held still, then moved: drag with the left button held
 */
import type { MouseButton } from '@deskremote/shared';

export interface TouchPoint {
  id: number;
  x: number;
  y: number;
}

export type GestureAction =
  | { type: 'move'; dx: number; dy: number; dt: number }
  | { type: 'scroll'; dx: number; dy: number }
  /** The fingers' spread changed by `spread` px (positive: apart, zoom in). */
  | { type: 'zoom'; spread: number }
  | { type: 'click'; button: MouseButton }
  | { type: 'press' }
  | { type: 'release' };

export const GESTURE_TIMING = {
  /** A touch shorter than this that barely moved is a tap. */
  tapMaxMs: 300,
  /** Movement (px) under which a touch still counts as a tap or a hold. */
  slopPx: 10,
  /** Holding one finger still this long presses the button for a drag. */
  holdMs: 550,
};

type Mode = 'idle' | 'undecided' | 'pointing' | 'scrolling' | 'pinching' | 'dragging' | 'done';

export interface GestureSettings {
  /** Content follows the fingers (as on a phone); false: as a mouse wheel. */
  naturalScroll: boolean;
  /** A tap clicks; off, only the edge buttons (or a held finger's drag) press. */
  tapToClick: boolean;
}

export class TouchpadGestures {
  private mode: Mode = 'idle';
  private startedAt = 0;
  private maxFingers = 0;
  private travel = 0;
  /** Motion while it is not yet clear what the gesture is; delivered once it is, so no motion is lost. */
  private held = { dx: 0, dy: 0 };
  private readonly last = new Map<number, TouchPoint>();
  private lastTime = 0;
  /** Distance between two fingers at the last event, and how much it changed since they landed. */
  private spread: number | undefined;
  private spreadChange = 0;
  private settings: GestureSettings;

  constructor(settings: Partial<GestureSettings> = {}) {
    this.settings = { naturalScroll: true, tapToClick: true, ...settings };
  }

  /** New settings apply from the next gesture on. */
  configure(settings: Partial<GestureSettings>): void {
    this.settings = { ...this.settings, ...settings };
  }

  /** Called with every touch still on the pad after any touchstart, touchmove, touchend or touchcancel. */
  update(touches: readonly TouchPoint[], time: number): GestureAction[] {
    const actions: GestureAction[] = [];
    if (this.mode === 'idle' && touches.length > 0) {
      this.mode = 'undecided';
      this.startedAt = time;
      this.maxFingers = 0;
      this.travel = 0;
      this.held = { dx: 0, dy: 0 };
      this.lastTime = time;
      this.spread = undefined;
      this.spreadChange = 0;
    }
    if (this.mode === 'idle') return actions;

    const spreadDelta = this.spreadMotion(touches);
    const moved = this.averageMotion(touches);
    this.maxFingers = Math.max(this.maxFingers, touches.length);
    this.travel += Math.hypot(moved.dx, moved.dy);
    const dt = Math.max(1, time - this.lastTime);
    this.lastTime = time;

    if (touches.length === 0) {
      if (this.mode === 'dragging') actions.push({ type: 'release' });
      else if (
        this.settings.tapToClick &&
        this.mode === 'undecided' &&
        time - this.startedAt <= GESTURE_TIMING.tapMaxMs &&
        this.travel < GESTURE_TIMING.slopPx
      ) {
        const button: MouseButton = this.maxFingers >= 3 ? 'middle' : this.maxFingers === 2 ? 'right' : 'left';
        actions.push({ type: 'click', button });
      }
      this.mode = 'idle';
      this.last.clear();
      return actions;
    }

    const wasUndecided = this.mode === 'undecided';
    // The fingers moved apart or together more than they moved along: a pinch.
    const spreadOut = Math.abs(this.spreadChange);
    if (this.maxFingers === 2 && wasUndecided && spreadOut >= GESTURE_TIMING.slopPx && spreadOut > this.travel * 0.6) {
      this.mode = 'pinching';
    }
    if (this.mode === 'pinching') {
      // On deciding, the spread so far is delivered too, so no zoom is lost.
      const spread = wasUndecided ? this.spreadChange : spreadDelta;
      if (spread !== 0 && touches.length >= 2) actions.push({ type: 'zoom', spread });
      return actions;
    }
    if (this.maxFingers >= 2 && (this.mode === 'undecided' || this.mode === 'pointing')) {
      if (this.travel >= GESTURE_TIMING.slopPx) this.mode = 'scrolling';
    } else if (this.mode === 'undecided' && this.travel >= GESTURE_TIMING.slopPx) {
      this.mode = 'pointing';
    }
    if (this.mode === 'undecided') {
      this.held.dx += moved.dx;
      this.held.dy += moved.dy;
      return actions;
    }
    if (wasUndecided) {
      moved.dx += this.held.dx;
      moved.dy += this.held.dy;
      moved.count = Math.max(1, moved.count);
    }

    if (moved.count > 0 && (moved.dx !== 0 || moved.dy !== 0)) {
      if (this.mode === 'pointing' || this.mode === 'dragging') {
        if (touches.length === 1) actions.push({ type: 'move', dx: moved.dx, dy: moved.dy, dt });
      } else if (this.mode === 'scrolling') {
        // Natural scrolling: the content follows the fingers, as it does on the phone itself.
        const sign = this.settings.naturalScroll ? -1 : 1;
        actions.push({ type: 'scroll', dx: sign * moved.dx, dy: sign * moved.dy });
      }
    }
    return actions;
  }

  /** Called when the hold timer fires: a still single finger starts a drag. */
  hold(time: number): GestureAction[] {
    const still = this.travel < GESTURE_TIMING.slopPx && this.last.size === 1 && this.maxFingers === 1;
    if (this.mode === 'undecided' && still && time - this.startedAt >= GESTURE_TIMING.holdMs) {
      this.mode = 'dragging';
      return [{ type: 'press' }];
    }
    return [];
  }

  /** The gesture was interrupted (touchcancel with no touches left, page hidden). */
  cancel(): GestureAction[] {
    const actions: GestureAction[] = this.mode === 'dragging' ? [{ type: 'release' }] : [];
    this.mode = 'idle';
    this.last.clear();
    return actions;
  }

  /** How much the distance between two fingers changed since the last event (0 with any other count). */
  private spreadMotion(touches: readonly TouchPoint[]): number {
    const [a, b] = touches;
    if (touches.length !== 2 || !a || !b) {
      this.spread = undefined;
      return 0;
    }
    const distance = Math.hypot(a.x - b.x, a.y - b.y);
    const delta = this.spread === undefined ? 0 : distance - this.spread;
    this.spread = distance;
    this.spreadChange += delta;
    return delta;
  }

  /** Mean motion of the fingers present both now and at the previous event; new and lifted fingers do not jump. */
  private averageMotion(touches: readonly TouchPoint[]): { dx: number; dy: number; count: number } {
    let dx = 0;
    let dy = 0;
    let count = 0;
    for (const touch of touches) {
      const before = this.last.get(touch.id);
      if (before) {
        dx += touch.x - before.x;
        dy += touch.y - before.y;
        count++;
      }
    }
    this.last.clear();
    for (const touch of touches) this.last.set(touch.id, touch);
    return count === 0 ? { dx: 0, dy: 0, count } : { dx: dx / count, dy: dy / count, count };
  }
}
