/**
 * Whether DeskRemote answers at an origin: a GET of an empty answer (ALIVE_PATH, 204), far cheaper for
 * the host than a WebSocket. A visible page knocks often while the computer is away, so it is back
 * within a second of the host listening again; and it knocks on the next ports too, where a host whose
 * port was taken moved (the host lets its own pages on other ports read the answer).
 */
import { ALIVE_PATH } from '@deskremote/shared';

export async function knock(origin: string, timeoutMs = 1500): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(`${origin}${ALIVE_PATH}`, { cache: 'no-store', credentials: 'omit', signal: controller.signal });
    // Another program on that port answers too, but not 204 to this path.
    return response.status === 204;
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

/** How many ports above the page's own a host that had to move may be on (it takes the next free one). */
export const MOVED_PORTS = 9;

/** The same computer's origins on the next ports, where a host whose port was taken may be now. */
export function movedOrigins(origin: string, count = MOVED_PORTS): string[] {
  const url = new URL(origin);
  const port = Number(url.port || 80);
  const origins: string[] = [];
  for (let next = port + 1; next <= Math.min(65535, port + count); next++) {
    url.port = String(next);
    origins.push(url.origin);
  }
  return origins;
}

/** The first of the origins that answers (all knocked at once), or undefined. */
export async function firstAnswering(origins: readonly string[]): Promise<string | undefined> {
  const answers = await Promise.all(origins.map((origin) => knock(origin)));
  return origins[answers.indexOf(true)];
}
