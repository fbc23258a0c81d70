/**
 * Slows proof guessing without ever locking anyone out.
 *
 * What bounds guessing is one token bucket shared by all addresses: a new address brings no new
 * tokens, so cycling through addresses buys an attacker nothing. Per-address memory keeps things fair:
 * attempts from one address are evaluated one at a time, each failure delays that address's next
 * evaluation (doubling, but capped so the right credential still gets in within seconds), and when
 * several addresses wait for a token the best record goes first: an address that proved itself before,
 * then a proof that names a paired device, then a clean stranger, then the failing ones, fewest failures
 * first. So a flood of wrong proofs from fresh addresses cannot keep a paired phone waiting behind it.
 * What is remembered, and why no churn of addresses can reset it, is in address-memory.ts.
 */
import { AddressMemory } from './address-memory.js';
import { RateLimiter } from './rate-limiter.js';

export interface AuthThrottleOptions {
  globalPerSecond?: number; // proof evaluations per second, all addresses together (default 20)
  globalBurst?: number; // default 20
  baseDelayMs?: number; // first penalty after a failure from an address (default 100), doubling per failure...
  maxDelayMs?: number; // ...up to this (default 2000), so the right credential is accepted within 3 s of the last wrong one
  forgetAfterMs?: number; // an address's failures are forgotten after this long without one (default 10 min)
  maxWaitingPerAddress?: number; // attempts waiting per address beyond the one being evaluated (default 1: two in line wait at most two capped penalties, under the 5 s auth timeout)
  maxWaiting?: number; // attempts waiting in total (default 64)
  maxAddresses?: number; // addresses with failures remembered one by one (default 10 000; beyond, a floor: address-memory.ts)
  maxProven?: number; // addresses that proved themselves remembered (default 1 000)
  now?: () => number; // injectable clock (ms)
}

export type Admission =
  | { granted: true; finish(outcome: 'success' | 'failure'): void }
  | { granted: false; reason: 'busy' | 'aborted' };

/** What the attempt says of itself before it is checked: a hint for the order, never a reason to skip a check. */
export interface AttemptHint {
  /** The proof names a paired device (anyone who saw the id can copy it, so it only ranks above strangers). */
  namesPairedDevice?: boolean;
}

/** A grant whose finish never comes is released after this long, so a bug cannot wedge an address. */
const GRANT_TIMEOUT_MS = 10_000;

/** Attempts in flight from one address; dropped as soon as it has none (failures are kept elsewhere). */
interface Activity {
  /** Granted and not finished: at most one per address. */
  evaluating: boolean;
  /** Attempts from this address in the queue. */
  waiting: number;
}

interface Waiter {
  readonly address: string;
  readonly hint: AttemptHint;
  readonly resolve: (admission: Admission) => void;
}

interface Grant {
  readonly address: string;
  readonly releaseAt: number;
}

const BUSY: Admission = { granted: false, reason: 'busy' };
const ABORTED: Admission = { granted: false, reason: 'aborted' };

export class AuthThrottle {
  readonly stats = { granted: 0, busy: 0 };
  private readonly options: Required<AuthThrottleOptions>;
  private readonly bucket: RateLimiter;
  private readonly memory: AddressMemory;
  /** Only addresses with an attempt waiting or being evaluated: at most maxWaiting plus the grants. */
  private readonly activity = new Map<string, Activity>();
  /** Arrival order, so ties go to the oldest; at most `maxWaiting` long, so scanning it is cheap. */
  private readonly queue: Waiter[] = [];
  /** Grant order, which is also release-deadline order. */
  private readonly grants = new Set<Grant>();
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;

  constructor(options: AuthThrottleOptions = {}) {
    this.options = {
      globalPerSecond: 20,
      globalBurst: 20,
      baseDelayMs: 100,
      maxDelayMs: 2000,
      forgetAfterMs: 10 * 60_000,
      maxWaitingPerAddress: 1,
      maxWaiting: 64,
      maxAddresses: 10_000,
      maxProven: 1000,
      now: () => performance.now(),
      ...options,
    };
    this.bucket = new RateLimiter(this.options.globalPerSecond, this.options.globalBurst, this.options.now);
    this.memory = new AddressMemory({
      capacity: this.options.maxAddresses,
      forgetAfterMs: this.options.forgetAfterMs,
      holdMs: this.options.maxDelayMs,
      provenCapacity: this.options.maxProven,
      now: this.options.now,
    });
  }

  /** Waits for this address's turn to have one proof evaluated. */
  admit(address: string, signal?: AbortSignal, hint: AttemptHint = {}): Promise<Admission> {
    if (signal?.aborted) return Promise.resolve(ABORTED);
    const active = this.activity.get(address);
    // One attempt being evaluated (or next in line) plus maxWaitingPerAddress behind it.
    const held = active ? (active.evaluating ? 1 : 0) + active.waiting : 0;
    if (held > this.options.maxWaitingPerAddress) return Promise.resolve(this.refuse());
    const rank = this.rank(address, hint);
    if (this.queue.length >= this.options.maxWaiting) {
      // Full: a better record than the worst waiter takes its place, so guessers cannot crowd phones out.
      const worst = this.worstWaiter();
      if (!worst || this.rank(worst.address, worst.hint) <= rank) return Promise.resolve(this.refuse());
      this.dequeue(worst);
      worst.resolve(this.refuse());
    }
    return new Promise((resolve) => {
      const onAbort = (): void => {
        if (!this.dequeue(waiter)) return;
        waiter.resolve(ABORTED);
        this.pump();
      };
      const waiter: Waiter = {
        address,
        hint,
        resolve: (admission) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(admission);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      this.activityOf(address).waiting++;
      this.pump();
    });
  }

  /** How much the throttle remembers now (for tests: bounded whatever the addresses). */
  get remembered(): { failed: number; proven: number; active: number } {
    return { ...this.memory.size, active: this.activity.size };
  }

  /** Grants every waiter that may go now, then sleeps until the earliest moment another may. */
  private pump(): void {
    const now = this.options.now();
    for (const grant of this.grants) if (grant.releaseAt <= now) this.release(grant, 'failure');
    let wakeAt = Infinity;
    for (;;) {
      let best: Waiter | undefined;
      let bestRank = Infinity;
      const seen = new Set<string>();
      for (const waiter of this.queue) {
        // Only the oldest waiter of each address may go: attempts from one address are FIFO.
        if (seen.has(waiter.address)) continue;
        seen.add(waiter.address);
        if (this.activity.get(waiter.address)?.evaluating) continue;
        const readyAt = this.readyAt(waiter.address);
        if (readyAt > now) wakeAt = Math.min(wakeAt, readyAt);
        else {
          const rank = this.rank(waiter.address, waiter.hint);
          if (rank < bestRank) [best, bestRank] = [waiter, rank];
        }
      }
      if (!best) break;
      if (!this.bucket.take()) {
        wakeAt = Math.min(wakeAt, now + this.bucket.msUntilToken());
        break;
      }
      this.grant(best, now);
    }
    const oldest = this.grants.values().next().value;
    this.schedule(Math.min(wakeAt, oldest?.releaseAt ?? Infinity));
  }

  private grant(waiter: Waiter, now: number): void {
    this.dequeue(waiter);
    this.activityOf(waiter.address).evaluating = true;
    this.stats.granted++;
    const grant: Grant = { address: waiter.address, releaseAt: now + GRANT_TIMEOUT_MS };
    this.grants.add(grant);
    const finish = (outcome: 'success' | 'failure'): void => {
      if (this.release(grant, outcome)) this.pump();
    };
    waiter.resolve({ granted: true, finish });
  }

  /** Only the first finish counts, whether the caller's or the timeout's (which counts it as a failure). */
  private release(grant: Grant, outcome: 'success' | 'failure'): boolean {
    if (!this.grants.delete(grant)) return false;
    const active = this.activityOf(grant.address);
    active.evaluating = false;
    this.forgetIfIdle(grant.address, active);
    if (outcome === 'success') this.memory.succeed(grant.address);
    else this.memory.fail(grant.address);
    return true;
  }

  /** Lower goes first. Failures count against; among clean records, a proven address, then a paired device's proof. */
  private rank(address: string, hint: AttemptHint): number {
    const failures = this.memory.failures(address);
    if (failures > 0) return failures;
    if (this.memory.hasProven(address)) return -2;
    return hint.namesPairedDevice ? -1 : 0;
  }

  private readyAt(address: string): number {
    const failures = this.memory.failures(address);
    const lastAt = this.memory.lastFailureAt(address);
    if (failures === 0 || lastAt === undefined) return -Infinity;
    // The exponent is capped only to keep the arithmetic finite; maxDelayMs is the real cap.
    const delay = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** Math.min(failures - 1, 30));
    return lastAt + delay;
  }

  private worstWaiter(): Waiter | undefined {
    let worst: Waiter | undefined;
    let worstRank = -Infinity;
    for (const waiter of this.queue) {
      const rank = this.rank(waiter.address, waiter.hint);
      // `>=`: among equals the newest is evicted, as it has waited least.
      if (rank >= worstRank) [worst, worstRank] = [waiter, rank];
    }
    return worst;
  }

  private refuse(): Admission {
    this.stats.busy++;
    return BUSY;
  }

  private dequeue(waiter: Waiter): boolean {
    const index = this.queue.indexOf(waiter);
    if (index < 0) return false;
    this.queue.splice(index, 1);
    const active = this.activityOf(waiter.address);
    active.waiting--;
    this.forgetIfIdle(waiter.address, active);
    return true;
  }

  private activityOf(address: string): Activity {
    let active = this.activity.get(address);
    if (!active) {
      active = { evaluating: false, waiting: 0 };
      this.activity.set(address, active);
    }
    return active;
  }

  /** An address with nothing in flight needs no entry here: whatever counts against it is in the memory. */
  private forgetIfIdle(address: string, active: Activity): void {
    if (!active.evaluating && active.waiting === 0) this.activity.delete(address);
  }

  /** One timer for everything (penalties, tokens, stale grants); unref'd so it never keeps a process alive. */
  private schedule(at: number): void {
    if (at === this.timerAt) return;
    clearTimeout(this.timer);
    this.timerAt = at;
    if (at < Infinity) this.timer = setTimeout(this.wake, Math.max(0, Math.ceil(at - this.options.now()))).unref();
  }

  private readonly wake = (): void => {
    this.timerAt = Infinity;
    this.pump();
  };
}
