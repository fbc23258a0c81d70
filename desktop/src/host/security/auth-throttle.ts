/**
 * Slows guessing without locking anyone out. Proof evaluations are bounded per second in total (a
 * token bucket no new address can refill), attempts from one address are evaluated one at a time,
 * and each failure from an address adds a wait before its next attempt that doubles up to two
 * seconds, never more: the right credential is accepted within three seconds of the last wrong one.
 * Waiters with a clean record go first; when too many wait, the worst record is turned away.
 */
import { RateLimiter } from './rate-limiter.js';

export interface AuthThrottleOptions {
  globalPerSecond?: number;
  globalBurst?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  forgetAfterMs?: number;
  maxWaitingPerAddress?: number;
  maxWaiting?: number;
  maxAddresses?: number;
  now?: () => number;
}

export type Admission =
  | { granted: true; finish(outcome: 'success' | 'failure'): void }
  | { granted: false; reason: 'busy' | 'aborted' };

interface Record {
  failures: number;
  lastFailureAt: number;
  busy: boolean;
  waiting: number;
}

interface Waiter {
  address: string;
  seq: number;
  resolve: (admission: Admission) => void;
  cleanup: () => void;
}

/** A grant whose finish never comes is released after this long, so an address cannot be wedged. */
const STALE_GRANT_MS = 10_000;

export class AuthThrottle {
  private readonly records = new Map<string, Record>();
  private readonly waiters: Waiter[] = [];
  private readonly bucket: RateLimiter;
  private readonly o: Required<Omit<AuthThrottleOptions, 'now'>>;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private seq = 0;
  readonly stats = { granted: 0, busy: 0 };

  constructor(options: AuthThrottleOptions = {}) {
    this.now = options.now ?? Date.now;
    this.o = {
      globalPerSecond: options.globalPerSecond ?? 20,
      globalBurst: options.globalBurst ?? 20,
      baseDelayMs: options.baseDelayMs ?? 100,
      maxDelayMs: options.maxDelayMs ?? 2000,
      forgetAfterMs: options.forgetAfterMs ?? 10 * 60_000,
      maxWaitingPerAddress: options.maxWaitingPerAddress ?? 2,
      maxWaiting: options.maxWaiting ?? 64,
      maxAddresses: options.maxAddresses ?? 10_000,
    };
    this.bucket = new RateLimiter(this.o.globalPerSecond, this.o.globalBurst, this.now);
  }

  /** Waits for this address's turn to have one proof evaluated. */
  admit(address: string, signal?: AbortSignal): Promise<Admission> {
    if (signal?.aborted) return Promise.resolve({ granted: false, reason: 'aborted' });
    const record = this.record(address);
    if (record.waiting >= this.o.maxWaitingPerAddress + (record.busy ? 0 : 1)) return Promise.resolve(this.refuse());
    if (this.waiters.length >= this.o.maxWaiting) {
      const worst = this.worstWaiter();
      if (!worst || this.failuresOf(worst.address) <= this.failuresOf(address)) return Promise.resolve(this.refuse());
      this.remove(worst);
      worst.resolve(this.refuse());
    }
    return new Promise((resolve) => {
      const onAbort = () => {
        this.remove(waiter);
        resolve({ granted: false, reason: 'aborted' });
      };
      const waiter: Waiter = {
        address,
        seq: this.seq++,
        resolve,
        cleanup: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      record.waiting++;
      this.waiters.push(waiter);
      this.pump();
    });
  }

  private refuse(): Admission {
    this.stats.busy++;
    return { granted: false, reason: 'busy' };
  }

  /** Grants every waiter whose turn has come, then sleeps until the next one's. */
  private pump(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    let wakeIn = Number.POSITIVE_INFINITY;
    const now = this.now();
    const order = [...this.waiters].sort((a, b) => this.failuresOf(a.address) - this.failuresOf(b.address) || a.seq - b.seq);
    const seen = new Set<string>();
    for (const waiter of order) {
      // One at a time per address, in arrival order.
      if (seen.has(waiter.address)) continue;
      seen.add(waiter.address);
      const record = this.record(waiter.address);
      if (record.busy) continue;
      const readyAt = record.failures > 0 ? record.lastFailureAt + this.penalty(record.failures) : now;
      if (readyAt > now) {
        wakeIn = Math.min(wakeIn, readyAt - now);
        continue;
      }
      if (!this.bucket.take()) {
        wakeIn = Math.min(wakeIn, 1000 / this.o.globalPerSecond);
        break;
      }
      this.remove(waiter);
      this.grant(waiter);
    }
    if (this.waiters.length > 0 && Number.isFinite(wakeIn)) {
      this.timer = setTimeout(() => this.pump(), Math.max(1, Math.ceil(wakeIn)));
      this.timer.unref();
    }
  }

  private grant(waiter: Waiter): void {
    const record = this.record(waiter.address);
    record.busy = true;
    this.stats.granted++;
    let finished = false;
    const finish = (outcome: 'success' | 'failure') => {
      if (finished) return;
      finished = true;
      clearTimeout(stale);
      record.busy = false;
      if (outcome === 'success') {
        record.failures = 0;
        if (record.waiting === 0) this.records.delete(waiter.address);
      } else {
        record.failures++;
        record.lastFailureAt = this.now();
      }
      this.pump();
    };
    const stale = setTimeout(() => finish('failure'), STALE_GRANT_MS);
    stale.unref();
    waiter.resolve({ granted: true, finish });
  }

  private remove(waiter: Waiter): void {
    const index = this.waiters.indexOf(waiter);
    if (index < 0) return;
    this.waiters.splice(index, 1);
    waiter.cleanup();
    const record = this.records.get(waiter.address);
    if (record) record.waiting--;
  }

  private worstWaiter(): Waiter | undefined {
    let worst: Waiter | undefined;
    for (const waiter of this.waiters) {
      if (!worst) worst = waiter;
      else {
        const diff = this.failuresOf(waiter.address) - this.failuresOf(worst.address);
        if (diff > 0 || (diff === 0 && waiter.seq > worst.seq)) worst = waiter;
      }
    }
    return worst;
  }

  private penalty(failures: number): number {
    return Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** Math.min(30, failures - 1));
  }

  private failuresOf(address: string): number {
    return this.records.get(address)?.failures ?? 0;
  }

  /** The address's record, refreshed; least recently used addresses are forgotten beyond the limit. */
  private record(address: string): Record {
    let record = this.records.get(address);
    if (record && record.failures > 0 && this.now() - record.lastFailureAt > this.o.forgetAfterMs) {
      record.failures = 0;
    }
    if (!record) {
      record = { failures: 0, lastFailureAt: 0, busy: false, waiting: 0 };
      if (this.records.size >= this.o.maxAddresses) this.forgetOldest();
    } else this.records.delete(address);
    this.records.set(address, record);
    return record;
  }

  private forgetOldest(): void {
    for (const [address, record] of this.records) {
      if (record.busy || record.waiting > 0) continue;
      this.records.delete(address);
      return;
    }
  }
}
