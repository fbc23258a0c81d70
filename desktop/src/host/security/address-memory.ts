/**
 * What the proof throttle remembers of addresses, bounded whatever an attacker does.
 *
 * Only two things are worth remembering. Failures, because they slow an address down: an address that
 * merely queued and left, or was turned away as busy, takes no room at all, so no number of such
 * addresses can push a real record out (before, 10,000 of them did, and a penalised address was clean
 * again). And successes, because an address that proved itself before goes ahead of strangers; only the
 * right credential makes one, so an attacker cannot churn them either.
 *
 * Failure records are kept in the order of their last failure, which is also the order they expire in.
 * When more addresses failed within `forgetAfterMs` than there is room for, the oldest record is folded
 * into a floor that every address without a record carries until that record would have expired: an
 * address pushed out comes back with at least the failures it had, so no churn resets a penalty within its
 * lifetime. A record still inside its delay (`holdMs` after its failure) is never folded: the table may
 * hold that many more for a moment, and the global rate bounds how many that can be.
 */

export interface MemoryOptions {
  /** Addresses with failures remembered one by one; beyond this the oldest fold into the floor. */
  capacity: number;
  /** Failures are forgotten this long after an address's last one. */
  forgetAfterMs: number;
  /** A failure this recent is never folded (the longest delay it can impose). */
  holdMs: number;
  /** Addresses that proved themselves, remembered (least recently proven dropped). */
  provenCapacity: number;
  now: () => number;
}

interface Failures {
  count: number;
  lastAt: number;
}

export class AddressMemory {
  /** Oldest failure first. */
  private readonly failed = new Map<string, Failures>();
  /** Least recently proven first. */
  private readonly proven = new Set<string>();
  private floor = { count: 0, until: -Infinity };

  constructor(private readonly options: MemoryOptions) {}

  /** Failures that count now: the address's own, or for an address with no record, the floor. */
  failures(address: string): number {
    const record = this.record(address);
    if (record) return record.count;
    if (this.proven.has(address)) return 0;
    return this.options.now() < this.floor.until ? this.floor.count : 0;
  }

  /** When the address last failed, or undefined when it has no record (no delay is running for it). */
  lastFailureAt(address: string): number | undefined {
    return this.record(address)?.lastAt;
  }

  /** Whether the right credential came from this address, and nothing wrong since. */
  hasProven(address: string): boolean {
    return this.proven.has(address) && !this.record(address);
  }

  fail(address: string): void {
    const count = this.failures(address) + 1;
    this.proven.delete(address);
    this.failed.delete(address);
    this.failed.set(address, { count, lastAt: this.options.now() });
    this.prune();
  }

  succeed(address: string): void {
    this.failed.delete(address);
    this.proven.delete(address);
    this.proven.add(address);
    for (const old of this.proven) {
      if (this.proven.size <= this.options.provenCapacity) break;
      this.proven.delete(old);
    }
  }

  /** How much is remembered (for tests: it stays bounded). */
  get size(): { failed: number; proven: number } {
    return { failed: this.failed.size, proven: this.proven.size };
  }

  private record(address: string): Failures | undefined {
    const record = this.failed.get(address);
    return record && this.options.now() - record.lastAt < this.options.forgetAfterMs ? record : undefined;
  }

  /** Drops what expired and folds the oldest records beyond the capacity into the floor. */
  private prune(): void {
    const now = this.options.now();
    for (const [address, record] of this.failed) {
      const expired = now - record.lastAt >= this.options.forgetAfterMs;
      if (!expired) {
        if (this.failed.size <= this.options.capacity || now - record.lastAt < this.options.holdMs) break;
        const live = now < this.floor.until;
        this.floor = {
          count: Math.max(live ? this.floor.count : 0, record.count),
          until: Math.max(live ? this.floor.until : -Infinity, record.lastAt + this.options.forgetAfterMs),
        };
      }
      this.failed.delete(address);
    }
  }
}
