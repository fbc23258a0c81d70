/** Times as the desktop window words them: "5 min ago", a countdown, the talk clock as the phones show it. */
import { say } from './words.js';

export function timeAgo(at: number): string {
  const seconds = Math.round((Date.now() - at) / 1000);
  if (seconds < 60) return say('justNow');
  if (seconds < 3600) return say('minutesAgo', { n: Math.round(seconds / 60) });
  if (seconds < 86_400) return say('hoursAgo', { n: Math.round(seconds / 3600) });
  return new Date(at).toLocaleDateString();
}

export function countdown(until: number): string {
  const seconds = Math.max(0, Math.round((until - Date.now()) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** "12:05", "1:02:03", "+0:42" over time: as the phones show it. */
export function talkClock(leftMs: number): string {
  const over = leftMs < 0;
  const seconds = over ? Math.floor(-leftMs / 1000) : Math.ceil(leftMs / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${over ? '+' : ''}${h > 0 ? `${h}:` : ''}${mm}:${String(seconds % 60).padStart(2, '0')}`;
}
