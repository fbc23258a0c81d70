import { elapsedAt, formatClock, levelOf, normalizeWarnings, type TalkTimer, warningsPassed } from '@deskremote/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDLE_TALK_TIMER, TalkTimerFeature } from '../../src/host/presenter/talk-timer.js';
import { HostStateStore } from '../../src/host/session/host-state.js';

const IDLE: TalkTimer = IDLE_TALK_TIMER;

describe('the talk clock', () => {
  it('counts from when it started plus what was banked, and only while running', () => {
    const running = { ...IDLE, status: 'running', elapsedMs: 1000, runningSince: 10_000 } as const;
    expect(elapsedAt(running, 12_500)).toBe(3500);
    expect(elapsedAt({ ...running, status: 'paused', runningSince: null }, 99_999)).toBe(1000);
  });

  it('counts warnings by the time left, and knows its colour', () => {
    expect(warningsPassed(IDLE.warningsMs, IDLE.durationMs, 14 * 60_000)).toBe(0);
    expect(warningsPassed(IDLE.warningsMs, IDLE.durationMs, 15 * 60_000)).toBe(1);
    expect(warningsPassed(IDLE.warningsMs, IDLE.durationMs, 19.5 * 60_000)).toBe(2);
    expect(levelOf({ ...IDLE, warned: 1 })).toBe('warning');
    expect(levelOf({ ...IDLE, warned: 2 })).toBe('final');
    expect(levelOf({ ...IDLE, warned: 2, overtime: true })).toBe('overtime');
    expect(levelOf({ ...IDLE, warningsMs: [] })).toBe('calm');
  });

  it('keeps only warnings within the talk, each once, most time left first', () => {
    expect(normalizeWarnings([60_000, 300_000, 60_000, 0, 99 * 60_000], 20 * 60_000, 4)).toEqual([300_000, 60_000]);
  });

  it('shows minutes and seconds, hours when needed, and overtime with a plus', () => {
    expect(formatClock(20 * 60_000)).toBe('20:00');
    expect(formatClock(59_001)).toBe('1:00');
    expect(formatClock(3_723_000)).toBe('1:02:03');
    expect(formatClock(-42_500)).toBe('+0:42');
  });
});

describe('the host’s talk timer', () => {
  let now = 1_000_000;
  beforeEach(() => {
    vi.useFakeTimers();
    now = 1_000_000;
  });
  afterEach(() => vi.useRealTimers());
  const advance = (ms: number) => {
    now += ms;
    vi.advanceTimersByTime(ms);
  };

  it('fires each warning and then overtime by itself, at the right moment', () => {
    const state = new HostStateStore({ timer: IDLE } as never);
    const timer = new TalkTimerFeature({ state }, () => now);
    timer.plan(60_000, [30_000, 10_000]);
    timer.start();
    advance(29_000);
    expect(state.state.timer.warned).toBe(0);
    advance(1_100);
    expect(state.state.timer.warned).toBe(1);
    advance(20_000);
    expect(state.state.timer.warned).toBe(2);
    expect(state.state.timer.overtime).toBe(false);
    advance(10_000);
    expect(state.state.timer.overtime).toBe(true);
    timer.stop();
  });

  it('pauses with the time banked, resumes from there, and resets to the whole plan', () => {
    const state = new HostStateStore({ timer: IDLE } as never);
    const timer = new TalkTimerFeature({ state }, () => now);
    timer.start();
    advance(5000);
    timer.pause();
    expect(state.state.timer).toMatchObject({ status: 'paused', elapsedMs: 5000, runningSince: null });
    advance(60_000);
    timer.start();
    advance(1000);
    expect(elapsedAt(state.state.timer, now)).toBe(6000);
    timer.reset();
    expect(state.state.timer).toMatchObject({ status: 'idle', elapsedMs: 0, durationMs: IDLE.durationMs, warned: 0 });
    timer.stop();
  });
});
