/**
 * When the overlay window is up: shown (without focus) when the finger lands, hidden once the pointer
 * has faded after the finger lifts, so an idle overlay never sits over the screen. The decision is pure;
 * the controller below applies it through effects that main passes in (a BrowserWindow there, fakes in
 * the unit test). No Electron import here.
 */
import type { LaserMode } from '@deskremote/shared';
import type { OverlayPoint } from '../common/overlay-contract.js';
import { LASER_FADE_MS, OVERLAY_HIDE_MARGIN_MS } from '../overlay/laser-timing.js';

export interface OverlayVisibility {
  shown: boolean;
  /** When the window is to hide (the pointer has faded by then); undefined while the finger is down. */
  hideAt: number | undefined;
}

export const OVERLAY_HIDDEN: OverlayVisibility = { shown: false, hideAt: undefined };

export interface VisibilityDecision {
  next: OverlayVisibility;
  show: boolean;
  hide: boolean;
}

/** A point arrived from the phone. */
export function onOverlayPoint(state: OverlayVisibility, mode: LaserMode, now: number): VisibilityDecision {
  if (mode !== 'off') return { next: { shown: true, hideAt: undefined }, show: !state.shown, hide: false };
  // A lift while hidden changes nothing; a second lift does not push the hiding further away.
  if (!state.shown) return { next: state, show: false, hide: false };
  return {
    next: { shown: true, hideAt: state.hideAt ?? now + LASER_FADE_MS + OVERLAY_HIDE_MARGIN_MS },
    show: false,
    hide: false,
  };
}

/** The timer set for `hideAt` went off (perhaps late, perhaps for a hiding since cancelled). */
export function onOverlayTimer(state: OverlayVisibility, now: number): VisibilityDecision {
  if (!state.shown || state.hideAt === undefined || now < state.hideAt) return { next: state, show: false, hide: false };
  return { next: OVERLAY_HIDDEN, show: false, hide: true };
}

export interface OverlayEffects {
  /** Shows the window without taking the focus (showInactive). */
  show(): void;
  hide(): void;
  /** Hands the point to the overlay page. */
  send(point: OverlayPoint): void;
  now(): number;
  /** Runs `fire` after `ms`; the returned function cancels it. */
  setTimer(ms: number, fire: () => void): () => void;
}

/** Applies the decisions: every point goes to the page; the window shows and hides as decided. */
export function overlayController(effects: OverlayEffects): { point(point: OverlayPoint): void; dispose(): void } {
  let state = OVERLAY_HIDDEN;
  let cancelTimer: (() => void) | undefined;

  const rearm = () => {
    cancelTimer?.();
    cancelTimer = undefined;
    const { hideAt } = state;
    if (hideAt === undefined) return;
    cancelTimer = effects.setTimer(Math.max(0, hideAt - effects.now()), () => {
      cancelTimer = undefined;
      const decision = onOverlayTimer(state, effects.now());
      state = decision.next;
      if (decision.hide) effects.hide();
      else rearm();
    });
  };

  return {
    point(point) {
      const before = state.hideAt;
      const decision = onOverlayPoint(state, point.mode, effects.now());
      state = decision.next;
      effects.send(point);
      if (decision.show) effects.show();
      if (state.hideAt !== before) rearm();
    },
    dispose() {
      cancelTimer?.();
      cancelTimer = undefined;
    },
  };
}
