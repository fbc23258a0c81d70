/**
 * Reconnect delays with full jitter: a random wait up to an exponentially growing cap, so that
 * several phones do not all knock at the same moment when the desktop comes back.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random, baseMs = 500, capMs = 15_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(baseMs / 2 + random() * (ceiling - baseMs / 2));
}
