import { describe, expect, it } from 'vitest';
import type { OverlayPoint } from '../../src/common/overlay-contract.js';
import { OVERLAY_HIDDEN, onOverlayPoint, onOverlayTimer, overlayController } from '../../src/electron/overlay-visibility.js';
import { LASER_FADE_MS, OVERLAY_HIDE_MARGIN_MS } from '../../src/overlay/laser-timing.js';

const HIDE_AFTER = LASER_FADE_MS + OVERLAY_HIDE_MARGIN_MS;

describe('when the overlay window shows and hides', () => {
  it('shows when the first point arrives, and only then', () => {
    const first = onOverlayPoint(OVERLAY_HIDDEN, 'dot', 0);
    expect(first).toEqual({ next: { shown: true, hideAt: undefined }, show: true, hide: false });
    expect(onOverlayPoint(first.next, 'spotlight', 10).show).toBe(false);
  });

  it('a lift schedules the hiding after the fade; the timer then hides it', () => {
    const shown = onOverlayPoint(OVERLAY_HIDDEN, 'dot', 0).next;
    const lifted = onOverlayPoint(shown, 'off', 1000);
    expect(lifted.next).toEqual({ shown: true, hideAt: 1000 + HIDE_AFTER });
    expect(lifted.hide).toBe(false);
    expect(onOverlayTimer(lifted.next, 1000 + HIDE_AFTER - 1)).toMatchObject({ hide: false, next: lifted.next });
    expect(onOverlayTimer(lifted.next, 1000 + HIDE_AFTER)).toEqual({ next: OVERLAY_HIDDEN, show: false, hide: true });
  });

  it('a touch during the fade keeps the window up', () => {
    const lifted = onOverlayPoint(onOverlayPoint(OVERLAY_HIDDEN, 'dot', 0).next, 'off', 100).next;
    const again = onOverlayPoint(lifted, 'dot', 200);
    expect(again).toEqual({ next: { shown: true, hideAt: undefined }, show: false, hide: false });
    expect(onOverlayTimer(again.next, 100 + HIDE_AFTER).hide).toBe(false);
  });

  it('a lift while hidden does nothing; a second lift does not delay the hiding', () => {
    expect(onOverlayPoint(OVERLAY_HIDDEN, 'off', 0)).toEqual({ next: OVERLAY_HIDDEN, show: false, hide: false });
    const lifted = onOverlayPoint(onOverlayPoint(OVERLAY_HIDDEN, 'dot', 0).next, 'off', 100).next;
    expect(onOverlayPoint(lifted, 'off', 300).next.hideAt).toBe(100 + HIDE_AFTER);
  });
});

/** The controller with effects that record, and a clock and timers the test moves. */
function rig() {
  let now = 0;
  const timers: Array<{ at: number; fire: () => void; cancelled: boolean }> = [];
  const log: string[] = [];
  const controller = overlayController({
    show: () => log.push('show'),
    hide: () => log.push('hide'),
    send: (point: OverlayPoint) => log.push(`send ${point.mode}`),
    now: () => now,
    setTimer: (ms, fire) => {
      const timer = { at: now + ms, fire, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
  });
  const tick = (ms: number) => {
    now += ms;
    for (const timer of timers.splice(0)) {
      if (timer.cancelled) continue;
      if (timer.at <= now) timer.fire();
      else timers.push(timer);
    }
  };
  const live = () => timers.filter((t) => !t.cancelled).length;
  return { controller, log, tick, live };
}

describe('the overlay controller', () => {
  it('sends every point, shows on the first, hides after the fade that follows a lift', () => {
    const { controller, log, tick, live } = rig();
    controller.point({ mode: 'dot', x: 0.5, y: 0.5 });
    controller.point({ mode: 'dot', x: 0.6, y: 0.5 });
    expect(log).toEqual(['send dot', 'show', 'send dot']);
    expect(live()).toBe(0);
    controller.point({ mode: 'off', x: 0.6, y: 0.5 });
    tick(HIDE_AFTER - 1);
    expect(log.at(-1)).toBe('send off');
    tick(1);
    expect(log.at(-1)).toBe('hide');
    expect(live()).toBe(0);
  });

  it('a touch during the fade cancels the hiding; the next lift hides after its own fade', () => {
    const { controller, log, tick, live } = rig();
    controller.point({ mode: 'spotlight', x: 0.5, y: 0.5 });
    controller.point({ mode: 'off', x: 0.5, y: 0.5 });
    tick(100);
    controller.point({ mode: 'spotlight', x: 0.2, y: 0.2 });
    expect(live()).toBe(0);
    tick(HIDE_AFTER * 2);
    expect(log).not.toContain('hide');
    controller.point({ mode: 'off', x: 0.2, y: 0.2 });
    tick(HIDE_AFTER);
    expect(log.filter((entry) => entry === 'show' || entry === 'hide')).toEqual(['show', 'hide']);
  });

  it('shows again for a touch after it hid', () => {
    const { controller, log, tick } = rig();
    controller.point({ mode: 'dot', x: 0.5, y: 0.5 });
    controller.point({ mode: 'off', x: 0.5, y: 0.5 });
    tick(HIDE_AFTER);
    controller.point({ mode: 'dot', x: 0.1, y: 0.1 });
    expect(log.filter((entry) => entry === 'show' || entry === 'hide')).toEqual(['show', 'hide', 'show']);
  });

  it('dispose cancels a pending hiding', () => {
    const { controller, log, tick, live } = rig();
    controller.point({ mode: 'dot', x: 0.5, y: 0.5 });
    controller.point({ mode: 'off', x: 0.5, y: 0.5 });
    controller.dispose();
    expect(live()).toBe(0);
    tick(HIDE_AFTER);
    expect(log).not.toContain('hide');
  });
});
