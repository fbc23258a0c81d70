/**
 * The talk timer's arithmetic, the same on the host (which fires the warnings) and on every phone and the
 * desktop window (which show the time): elapsed time at a moment on the host's clock, time left, and how
 * many warnings have passed.
 */
import type { TalkTimer } from './presenter.js';

/** Milliseconds of talk at `hostNow` (the host's clock). */
export function elapsedAt(timer: TalkTimer, hostNow: number): number {
  if (timer.status !== 'running' || timer.runningSince === null) return timer.elapsedMs;
  return timer.elapsedMs + Math.max(0, hostNow - timer.runningSince);
}

/** Negative once the talk runs over. */
export function leftAt(timer: TalkTimer, hostNow: number): number {
  return timer.durationMs - elapsedAt(timer, hostNow);
}

/** Warnings whose moment has come at `elapsed`; the list is in firing order (most time left first). */
export function warningsPassed(warningsMs: readonly number[], durationMs: number, elapsed: number): number {
  return warningsMs.filter((left) => durationMs - elapsed <= left).length;
}

/** The warnings a speaker set, made sensible: within the talk, each once, in firing order, at most `max`. */
export function normalizeWarnings(warningsMs: readonly number[], durationMs: number, max: number): number[] {
  return [...new Set(warningsMs.filter((left) => left > 0 && left < durationMs))].sort((a, b) => b - a).slice(0, max);
}

/** The colour a timer shows: calm, after the first warning, after the last one, over time. */
export type TimerLevel = 'calm' | 'warning' | 'final' | 'overtime';

export function levelOf(timer: Pick<TalkTimer, 'warned' | 'overtime' | 'warningsMs'>): TimerLevel {
  if (timer.overtime) return 'overtime';
  if (timer.warned === 0) return 'calm';
  return timer.warned >= timer.warningsMs.length ? 'final' : 'warning';
}

/** "12:05", "1:02:03", and "+0:42" once over time; whole seconds, rounded toward the next warning. */
export function formatClock(leftMs: number): string {
  const over = leftMs < 0;
  const seconds = over ? Math.floor(-leftMs / 1000) : Math.ceil(leftMs / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${over ? '+' : ''}${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}
