/**
 * Slows down guessing: each failed proof from an address doubles the wait before that address is
 * answered again, up to a minute, and is forgotten after a quiet spell.
 */
export class AuthThrottle {
  private readonly failures = new Map<string, { count: number; last: number }>();

  constructor(
    private readonly baseMs = 250,
    private readonly maxMs = 60_000,
    private readonly forgetMs = 10 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** How long this address must wait before its next attempt is considered. */
  delayFor(address: string): number {
    const entry = this.failures.get(address);
    if (!entry) return 0;
    if (this.now() - entry.last > this.forgetMs) {
      this.failures.delete(address);
      return 0;
    }
    return Math.min(this.maxMs, this.baseMs * 2 ** (entry.count - 1));
  }

  fail(address: string): void {
    const entry = this.failures.get(address);
    this.failures.set(address, { count: (entry?.count ?? 0) + 1, last: this.now() });
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value as string);
  }

  succeed(address: string): void {
    this.failures.delete(address);
  }
}
