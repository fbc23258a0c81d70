/**
 * Whether anything answers at an origin: a GET of an empty answer (ALIVE_PATH). A visible page knocks
 * often while the computer is away, so it is back within a second of the host listening again.
 */
import { ALIVE_PATH } from '@deskremote/shared';

export async function knock(origin: string, timeoutMs = 1500): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    // 'no-cors': an answer from another port of this computer (a host that moved) counts without CORS.
    await fetch(`${origin}${ALIVE_PATH}`, { mode: 'no-cors', cache: 'no-store', credentials: 'omit', signal: controller.signal });
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** How long to wait before the next knock: quick at first, slower once the computer has been away a while. */
export function knockDelay(awayMs: number, random: () => number = Math.random): number {
  const base = awayMs < 60_000 ? 400 : 2000;
  return Math.round(base + random() * base * 0.5);
}
