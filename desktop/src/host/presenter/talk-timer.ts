/**
 * The talk timer, owned by the host so that every phone and the desktop window show the same time and a
 * phone that reconnects finds it where it is. The host fires the warnings itself (a timeout set for the
 * next one), so every screen changes colour at the same moment.
 */
import { elapsedAt, MAX_TIMER_WARNINGS, normalizeWarnings, type TalkTimer, warningsPassed } from '@deskremote/shared';
import type { FeatureDeps } from './feature-deps.js';

/** A new host's timer: not started, a 20-minute talk, warned at 5 minutes and at 1 minute left. */
export const IDLE_TALK_TIMER: TalkTimer = {
  status: 'idle',
  elapsedMs: 0,
  runningSince: null,
  durationMs: 20 * 60_000,
  warningsMs: [5 * 60_000, 60_000],
  warned: 0,
  overtime: false,
};

export class TalkTimerFeature {
  private alarm: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly deps: Pick<FeatureDeps, 'state'>,
    private readonly now: () => number = Date.now,
  ) {}

  private get timer(): TalkTimer {
    return this.deps.state.state.timer;
  }

  start(): void {
    if (this.timer.status === 'running') return;
    this.set({ ...this.timer, status: 'running', runningSince: this.now() });
  }

  pause(): void {
    if (this.timer.status !== 'running') return;
    this.set({ ...this.timer, status: 'paused', elapsedMs: elapsedAt(this.timer, this.now()), runningSince: null });
  }

  /** Back to the whole planned length; the plan stays. */
  reset(): void {
    this.set({ ...this.timer, status: 'idle', elapsedMs: 0, runningSince: null });
  }

  plan(durationMs: number, warningsMs: readonly number[]): void {
    this.set({ ...this.timer, durationMs, warningsMs: normalizeWarnings(warningsMs, durationMs, MAX_TIMER_WARNINGS) });
  }

  stop(): void {
    clearTimeout(this.alarm);
  }

  /** Stores the timer with its warnings counted now, and sets the alarm for the next one. */
  private set(next: TalkTimer): void {
    clearTimeout(this.alarm);
    const elapsed = elapsedAt(next, this.now());
    const counted: TalkTimer = {
      ...next,
      warned: warningsPassed(next.warningsMs, next.durationMs, elapsed),
      overtime: elapsed >= next.durationMs,
    };
    this.deps.state.update({ timer: counted });
    if (counted.status !== 'running') return;
    const moments = [...counted.warningsMs.map((left) => counted.durationMs - left), counted.durationMs];
    const next_ = moments.filter((at) => at > elapsed).sort((a, b) => a - b)[0];
    if (next_ === undefined) return;
    // A few ms late rather than early: at the alarm the warning must already count as passed.
    this.alarm = setTimeout(() => this.set(this.timer), next_ - elapsed + 5);
  }
}

export function installTalkTimer(deps: FeatureDeps): TalkTimerFeature {
  const timer = new TalkTimerFeature(deps);
  deps.features.on('timer', (_session, command) => {
    if (command.op === 'start') timer.start();
    else if (command.op === 'pause') timer.pause();
    else timer.reset();
    return 'ack';
  });
  deps.features.on('timerPlan', (_session, command) => {
    timer.plan(command.durationMs, command.warningsMs);
    return 'ack';
  });
  deps.onStop(() => timer.stop());
  return timer;
}
