/**
 * Slows proof guessing without ever locking anyone out.
 *
 * What bounds guessing is one token bucket shared by all addresses: a new address brings no new
 * tokens, so cycling through addresses buys an attacker nothing. Per-address memory only keeps things
 * fair (and may be forgotten, LRU): attempts from one address are evaluated one at a time, each failure
 * delays that address's next evaluation (doubling, but capped so the right credential still gets in
 * within seconds), and when several addresses wait for a token the cleanest record goes first.
 */
import { RateLimiter } from './rate-limiter.js';

export interface AuthThrottleOptions {
  globalPerSecond?: number; // proof evaluations per second, all addresses together (default 20)
  globalBurst?: number; // default 20
  baseDelayMs?: number; // first penalty after a failure from an address (default 100), doubling per failure...
  maxDelayMs?: number; // ...up to this (default 2000), so the right credential is accepted within 3 s of the last wrong one
  forgetAfterMs?: number; // an address's failures are forgotten after this long without one (default 10 min)
  maxWaitingPerAddress?: number; // attempts waiting per address beyond the one being evaluated (default 1: two in line wait at most two capped penalties, under the 5 s auth timeout)
  maxWaiting?: number; // attempts waiting in total (default 64)
  maxAddresses?: number; // addresses remembered (default 10 000; least recently used dropped)
  now?: () => number; // injectable clock (ms)
}

export type Admission =
  | { granted: true; finish(outcome: 'success' | 'failure'): void }
  | { granted: false; reason: 'busy' | 'aborted' };

/** A grant whose finish never comes is released after this long, so a bug cannot wedge an address. */
const GRANT_TIMEOUT_MS = 10_000;

interface AddressState {
  failures: number;
  lastFailureAt: number;
  /** Granted and not finished: at most one per address. */
  evaluating: boolean;
  /** Attempts from this address in the queue. */
  waiting: number;
}

interface Waiter {
  readonly address: string;
  readonly resolve: (admission: Admission) => void;
}

interface Grant {
  readonly state: AddressState;
  readonly releaseAt: number;
}

const BUSY: Admission = { granted: false, reason: 'busy' };
const ABORTED: Admission = { granted: false, reason: 'aborted' };

export class AuthThrottle {
  readonly stats = { granted: 0, busy: 0 };
  private readonly options: Required<AuthThrottleOptions>;
  private readonly bucket: RateLimiter;
  /** Insertion order is recency: the first entry is the least recently used. */
  private readonly addresses = new Map<string, AddressState>();
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
      now: () => performance.now(),
      ...options,
    };
    this.bucket = new RateLimiter(this.options.globalPerSecond, this.options.globalBurst, this.options.now);
  }

  /** Waits for this address's turn to have one proof evaluated. */
  admit(address: string, signal?: AbortSignal): Promise<Admission> {
    if (signal?.aborted) return Promise.resolve(ABORTED);
    const state = this.touch(address);
    // One attempt being evaluated (or next in line) plus maxWaitingPerAddress behind it.
    const held = (state.evaluating ? 1 : 0) + state.waiting;
    if (held > this.options.maxWaitingPerAddress) return Promise.resolve(this.refuse(address));
    if (this.queue.length >= this.options.maxWaiting) {
      // Full: a cleaner record than the worst waiter takes its place, so guessers cannot crowd phones out.
      const worst = this.worstWaiter();
      if (!worst || this.failures(this.stateOf(worst)) <= this.failures(state)) return Promise.resolve(this.refuse(address));
      this.dequeue(worst);
      worst.resolve(this.refuse(worst.address));
    }
    return new Promise((resolve) => {
      const onAbort = (): void => {
        if (!this.dequeue(waiter)) return;
        waiter.resolve(ABORTED);
        this.pump();
      };
      const waiter: Waiter = {
        address,
        resolve: (admission) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(admission);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      state.waiting++;
      this.pump();
    });
  }

  /** Grants every waiter that may go now, then sleeps until the earliest moment another may. */
  private pump(): void {
    const now = this.options.now();
    for (const grant of this.grants) if (grant.releaseAt <= now) this.release(grant, 'failure');
    let wakeAt = Infinity;
    for (;;) {
      let best: Waiter | undefined;
      let bestFailures = Infinity;
      const seen = new Set<string>();
      for (const waiter of this.queue) {
        // Only the oldest waiter of each address may go: attempts from one address are FIFO.
        if (seen.has(waiter.address)) continue;
        seen.add(waiter.address);
        const state = this.stateOf(waiter);
        if (state.evaluating) continue;
        const readyAt = this.readyAt(state);
        if (readyAt > now) wakeAt = Math.min(wakeAt, readyAt);
        else if (this.failures(state) < bestFailures) [best, bestFailures] = [waiter, this.failures(state)];
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
    const state = this.stateOf(waiter);
    state.evaluating = true;
    this.stats.granted++;
    const grant: Grant = { state, releaseAt: now + GRANT_TIMEOUT_MS };
    this.grants.add(grant);
    const finish = (outcome: 'success' | 'failure'): void => {
      if (this.release(grant, outcome)) this.pump();
    };
    waiter.resolve({ granted: true, finish });
  }

  /** Only the first finish counts, whether the caller's or the timeout's (which counts it as a failure). */
  private release(grant: Grant, outcome: 'success' | 'failure'): boolean {
    if (!this.grants.delete(grant)) return false;
    const { state } = grant;
    state.evaluating = false;
    if (outcome === 'success') state.failures = 0;
    else [state.failures, state.lastFailureAt] = [this.failures(state) + 1, this.options.now()];
    return true;
  }

  private failures(state: AddressState): number {
    return this.options.now() - state.lastFailureAt >= this.options.forgetAfterMs ? 0 : state.failures;
  }

  private readyAt(state: AddressState): number {
    const failures = this.failures(state);
    if (failures === 0) return -Infinity;
    // The exponent is capped only to keep the arithmetic finite; maxDelayMs is the real cap.
    const delay = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** Math.min(failures - 1, 30));
    return state.lastFailureAt + delay;
  }

  private worstWaiter(): Waiter | undefined {
    let worst: Waiter | undefined;
    for (const waiter of this.queue) {
      // `>=`: among equals the newest is evicted, as it has waited least.
      if (!worst || this.failures(this.stateOf(waiter)) >= this.failures(this.stateOf(worst))) worst = waiter;
    }
    return worst;
  }

  private refuse(address: string): Admission {
    this.stats.busy++;
    const state = this.addresses.get(address);
    if (state && !state.evaluating && state.waiting === 0 && this.failures(state) === 0) this.addresses.delete(address);
    return BUSY;
  }

  private dequeue(waiter: Waiter): boolean {
    const index = this.queue.indexOf(waiter);
    if (index < 0) return false;
    this.queue.splice(index, 1);
    this.stateOf(waiter).waiting--;
    return true;
  }

  /** An address with a waiter or a grant is never dropped, so this lookup cannot miss. */
  private stateOf(waiter: Waiter): AddressState {
    return this.addresses.get(waiter.address)!;
  }

  /** Marks the address most recently used; drops the least recently used idle ones beyond the bound. */
  private touch(address: string): AddressState {
    const state = this.addresses.get(address) ?? { failures: 0, lastFailureAt: 0, evaluating: false, waiting: 0 };
    this.addresses.delete(address);
    this.addresses.set(address, state);
    for (const [key, other] of this.addresses) {
      if (this.addresses.size <= this.options.maxAddresses) break;
      if (!other.evaluating && other.waiting === 0 && other !== state) this.addresses.delete(key);
    }
    return state;
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
