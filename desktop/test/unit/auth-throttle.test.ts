import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type Admission,
  type AttemptHint,
  AuthThrottle,
  type AuthThrottleOptions,
} from '../../src/host/security/auth-throttle.js';
import { RateLimiter } from '../../src/host/security/rate-limiter.js';

type Granted = Extract<Admission, { granted: true }>;

/** The simulated clock is the fake timers' own, so `now` and setTimeout agree. */
function throttle(options: AuthThrottleOptions = {}): AuthThrottle {
  return new AuthThrottle({ now: () => Date.now(), ...options });
}

/** An attempt whose outcome can be inspected without awaiting it. */
function attempt(t: AuthThrottle, address: string, signal?: AbortSignal, hint?: AttemptHint) {
  const state: { admission: Admission | undefined } = { admission: undefined };
  void t.admit(address, signal, hint).then((admission) => {
    state.admission = admission;
  });
  return {
    get admission() {
      return state.admission;
    },
    get granted(): Granted | undefined {
      return state.admission?.granted ? state.admission : undefined;
    },
  };
}

const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);
const settle = () => vi.advanceTimersByTimeAsync(0);

/** Fails `count` times in a row from one address, each attempt granted as soon as the throttle allows. */
async function failRepeatedly(t: AuthThrottle, address: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const a = attempt(t, address);
    await settle();
    // Bounded: a throttle that never grants fails here instead of spinning.
    for (let step = 0; step < 5 && !a.admission; step++) await vi.advanceTimersToNextTimerAsync();
    if (!a.granted) throw new Error(`attempt ${i} refused`);
    a.granted.finish('failure');
  }
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('auth throttle', () => {
  it('serialises attempts from one address: the second is granted only once the first finishes', async () => {
    const t = throttle();
    const first = attempt(t, 'a');
    const second = attempt(t, 'a');
    await settle();
    expect(first.granted).toBeDefined();
    expect(second.admission).toBeUndefined();
    await advance(5000);
    expect(second.admission).toBeUndefined();
    // Another address is not held up by it.
    const other = attempt(t, 'b');
    await settle();
    expect(other.granted).toBeDefined();
    first.granted?.finish('success');
    await settle();
    expect(second.granted).toBeDefined();
    second.granted?.finish('success');
    other.granted?.finish('success');
    // Idle: nothing is left scheduled.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('refuses as busy beyond the per-address queue, without counting a failure', async () => {
    const t = throttle({ maxWaitingPerAddress: 2 });
    const attempts = Array.from({ length: 4 }, () => attempt(t, 'a'));
    await settle();
    expect(attempts.map((a) => a.admission?.granted)).toEqual([true, undefined, undefined, false]);
    expect(attempts[3]?.admission).toEqual({ granted: false, reason: 'busy' });
    expect(t.stats).toEqual({ granted: 1, busy: 1 });
    attempts[0]?.granted?.finish('failure');
    // One failure, not two: the busy refusal was not evaluated, so the next wait is the first penalty.
    await advance(99);
    expect(attempts[1]?.admission).toBeUndefined();
    await advance(1);
    expect(attempts[1]?.granted).toBeDefined();
  });

  it('delays the next grant after each failure, doubling up to maxDelayMs, and success clears it', async () => {
    const t = throttle({ baseDelayMs: 100, maxDelayMs: 2000, globalPerSecond: 1000, globalBurst: 1000 });
    const waits: number[] = [];
    let previous = attempt(t, 'a');
    await settle();
    for (let i = 0; i < 7; i++) {
      previous.granted?.finish('failure');
      const started = Date.now();
      const next = attempt(t, 'a');
      await settle();
      for (let ms = 0; ms < 5000 && !next.admission; ms++) await advance(1);
      waits.push(Date.now() - started);
      previous = next;
    }
    expect(waits).toEqual([100, 200, 400, 800, 1600, 2000, 2000]);
    previous.granted?.finish('success');
    const clean = attempt(t, 'a');
    await settle();
    expect(clean.granted).toBeDefined();
    // Cleared, not just waited out: the next failure starts the doubling afresh.
    clean.granted?.finish('failure');
    const afterClean = attempt(t, 'a');
    await advance(99);
    expect(afterClean.admission).toBeUndefined();
    await advance(1);
    expect(afterClean.granted).toBeDefined();
  });

  it('still grants within maxDelayMs after 10,000 failures from one address', async () => {
    const t = throttle({ globalPerSecond: 1e6, globalBurst: 1e6 });
    await failRepeatedly(t, 'a', 10_000);
    const next = attempt(t, 'a');
    await advance(1999);
    expect(next.admission).toBeUndefined();
    await advance(1);
    expect(next.granted).toBeDefined();
  });

  it('forgets failures after forgetAfterMs without one', async () => {
    const t = throttle({ forgetAfterMs: 60_000 });
    await failRepeatedly(t, 'a', 5);
    await advance(59_000);
    // Still remembered: a sixth failure brings the capped 2 s wait, not the first 100 ms.
    await failRepeatedly(t, 'a', 1);
    const remembered = attempt(t, 'a');
    await advance(1999);
    expect(remembered.admission).toBeUndefined();
    await advance(1);
    remembered.granted?.finish('failure');
    await advance(60_000);
    // Forgotten: the next attempt goes at once, and a failure now starts the doubling afresh.
    await failRepeatedly(t, 'a', 1);
    const afresh = attempt(t, 'a');
    await advance(99);
    expect(afresh.admission).toBeUndefined();
    await advance(1);
    expect(afresh.granted).toBeDefined();
  });

  /** The wait before the address's next attempt is granted, after one more failure from it (bounded: 5 s). */
  async function nextWaitAfterAFailure(t: AuthThrottle, address: string): Promise<number> {
    await failRepeatedly(t, address, 1);
    const started = Date.now();
    const next = attempt(t, address);
    await settle();
    for (let ms = 0; ms < 5000 && !next.admission; ms += 10) await advance(10);
    next.granted?.finish('success');
    return Date.now() - started;
  }

  it('addresses that only queued and left, or succeeded, take no room: any number of them resets no penalty', async () => {
    const t = throttle({ maxAddresses: 50, globalPerSecond: 20, globalBurst: 1 });
    await failRepeatedly(t, 'guesser', 5);
    await advance(2000);
    // Ten times what it remembers, twice over: before, each one pushed a record out, and after 50 of
    // them the guesser was clean. First 500 that queue (the one token is taken) and leave...
    const holder = attempt(t, 'holder');
    await settle();
    for (let i = 0; i < 500; i++) {
      const left = new AbortController();
      const queued = attempt(t, `left-${i}`, left.signal);
      await settle();
      left.abort();
      await settle();
      expect(queued.admission).toEqual({ granted: false, reason: 'aborted' });
    }
    holder.granted?.finish('success');
    // ...then 500 that prove themselves.
    for (let i = 0; i < 500; i++) {
      await advance(50);
      const ok = attempt(t, `ok-${i}`);
      await settle();
      ok.granted?.finish('success');
    }
    expect(t.remembered).toEqual({ failed: 1, proven: 501, active: 0 });
    // Still six failures' worth: the capped 2 s, not the 100 ms of a first failure.
    expect(await nextWaitAfterAFailure(t, 'guesser')).toBe(2000);
  });

  it('more failing addresses than it remembers fold into a floor: no penalty reset within its lifetime, memory bounded', async () => {
    const t = throttle({ maxAddresses: 50, globalPerSecond: 1e6, globalBurst: 1e6, forgetAfterMs: 60_000 });
    await failRepeatedly(t, 'guesser', 5);
    // 400 other addresses fail once each, 20 a second (the default global rate): the guesser's record is
    // pushed out of the table long before its ten minutes are up.
    for (let i = 0; i < 400; i++) {
      await failRepeatedly(t, `churn-${i}`, 1);
      await advance(50);
    }
    // Bounded: the table plus what failed within the longest delay (2 s at 20 a second).
    expect(t.remembered.failed).toBeLessThanOrEqual(50 + 41);
    expect(await nextWaitAfterAFailure(t, 'guesser')).toBe(2000);
    // The floor lasts only as long as what was folded into it would have: once that is forgotten, a
    // never-seen address starts afresh.
    await advance(60_000);
    expect(await nextWaitAfterAFailure(t, 'stranger')).toBe(100);
  });

  it('an address that proved itself goes ahead of a full queue of clean strangers; a paired id, of clean strangers only', async () => {
    const t = throttle({ globalPerSecond: 1, globalBurst: 1, maxWaiting: 3 });
    const before = attempt(t, 'phone');
    await settle();
    before.granted?.finish('success');
    // The bucket is empty now; three strangers fill the queue.
    const strangers = ['s1', 's2', 's3'].map((address) => attempt(t, address));
    const moved = attempt(t, 'moved-phone', undefined, { namesPairedDevice: true });
    const phone = attempt(t, 'phone');
    await settle();
    // Each took the newest stranger's place.
    expect(strangers.map((s) => s.admission?.granted)).toEqual([undefined, false, false]);
    await advance(1000);
    expect(phone.granted).toBeDefined();
    phone.granted?.finish('success');
    await advance(1000);
    expect(moved.granted).toBeDefined();
    expect(strangers[0]?.admission).toBeUndefined();
  });

  it('bounds grants per second across many addresses', async () => {
    const t = throttle({ globalPerSecond: 20, globalBurst: 20, maxWaiting: 500 });
    const grantTimes: number[] = [];
    const start = Date.now();
    const attempts = Array.from({ length: 500 }, (_, i) =>
      t.admit(`10.0.${i >> 8}.${i & 255}`).then((admission) => {
        grantTimes.push(Date.now() - start);
        if (admission.granted) admission.finish('failure');
      }),
    );
    await advance(10_000);
    for (let from = 0; from <= 9000; from += 100) {
      const inWindow = grantTimes.filter((at) => at >= from && at < from + 1000).length;
      expect(inWindow, `grants in [${from}, ${from + 1000})`).toBeLessThanOrEqual(20 + 20);
    }
    // The bound is a rate, not a lockout: grants keep flowing at it.
    expect(grantTimes.filter((at) => at >= 5000 && at < 10_000).length).toBeGreaterThanOrEqual(5 * 20 - 1);
    await advance(20_000);
    await Promise.all(attempts);
    expect(t.stats).toEqual({ granted: 500, busy: 0 });
  });

  it('cannot be reset by churning through new addresses', async () => {
    const t = throttle({ globalPerSecond: 20, globalBurst: 20, maxAddresses: 50 });
    // Every 10 ms, ten never-seen addresses each try once, for 10 s: 10,000 addresses in all.
    let n = 0;
    for (let tick = 0; tick < 1000; tick++) {
      for (let i = 0; i < 10; i++) {
        void t.admit(`addr-${n++}`).then((admission) => {
          if (admission.granted) admission.finish('failure');
        });
      }
      await advance(10);
    }
    expect(t.stats.granted).toBeLessThanOrEqual(20 + 10 * 20);
    expect(t.stats.granted).toBeGreaterThanOrEqual(10 * 20);
    expect(t.stats.granted + t.stats.busy).toBeLessThanOrEqual(10_000);
    expect(t.stats.busy).toBeGreaterThan(9000);
    // And what it remembers stays bounded: the failures, and nothing of the addresses turned away.
    expect(t.remembered.failed).toBeLessThanOrEqual(50 + 41);
    expect(t.remembered.active).toBeLessThanOrEqual(64 + 1);
  });

  it('grants a clean address before a failing one when both wait for a token', async () => {
    const t = throttle({ globalPerSecond: 1, globalBurst: 1 });
    const first = attempt(t, 'guesser');
    await settle();
    first.granted?.finish('failure');
    // The bucket is empty now; the guesser's penalty (100 ms) ends long before the next token (1 s).
    const guesser = attempt(t, 'guesser');
    await advance(200);
    const phone = attempt(t, 'phone');
    await advance(800);
    expect(phone.granted).toBeDefined();
    expect(guesser.admission).toBeUndefined();
    await advance(1000);
    expect(guesser.granted).toBeDefined();
  });

  it('when the queue is full, a cleaner newcomer evicts the worst waiter; an equal one is refused', async () => {
    const t = throttle({ globalPerSecond: 1, globalBurst: 1, maxWaiting: 2 });
    const first = attempt(t, 'guesser');
    await settle();
    first.granted?.finish('failure');
    const guesser = attempt(t, 'guesser');
    const phone1 = attempt(t, 'phone1');
    const phone2 = attempt(t, 'phone2');
    const phone3 = attempt(t, 'phone3');
    await settle();
    expect(guesser.admission).toEqual({ granted: false, reason: 'busy' });
    expect(phone3.admission).toEqual({ granted: false, reason: 'busy' });
    expect(phone1.admission).toBeUndefined();
    expect(phone2.admission).toBeUndefined();
    expect(t.stats.busy).toBe(2);
    await advance(1000);
    expect(phone1.granted).toBeDefined();
    await advance(1000);
    expect(phone2.granted).toBeDefined();
  });

  it('an aborted signal removes the waiter and resolves aborted', async () => {
    const t = throttle({ maxWaitingPerAddress: 1 });
    expect(await t.admit('a', AbortSignal.abort())).toEqual({ granted: false, reason: 'aborted' });
    const first = attempt(t, 'a');
    const controller = new AbortController();
    const waiting = attempt(t, 'a', controller.signal);
    await settle();
    expect(waiting.admission).toBeUndefined();
    controller.abort();
    await settle();
    expect(waiting.admission).toEqual({ granted: false, reason: 'aborted' });
    // Its place in the per-address queue is free again: another attempt waits instead of being busy.
    const next = attempt(t, 'a');
    await settle();
    expect(next.admission).toBeUndefined();
    first.granted?.finish('success');
    await settle();
    expect(next.granted).toBeDefined();
    expect(t.stats).toEqual({ granted: 2, busy: 0 });
  });

  it('releases a grant that is never finished after 10 s, and ignores a late finish', async () => {
    const t = throttle({ baseDelayMs: 100, maxWaitingPerAddress: 2 });
    const forgotten = attempt(t, 'a');
    const second = attempt(t, 'a');
    const third = attempt(t, 'a');
    await advance(9999);
    expect(forgotten.granted).toBeDefined();
    expect(second.admission).toBeUndefined();
    // Released at 10 s and counted as a failure (an unaccounted evaluation is not a free guess), so the
    // next grant comes after the first penalty.
    await advance(1 + 99);
    expect(second.admission).toBeUndefined();
    await advance(1);
    expect(second.granted).toBeDefined();
    forgotten.granted?.finish('success');
    await advance(5000);
    expect(third.admission).toBeUndefined();
  });
});

describe('rate limiter', () => {
  it('says how long until the next token', () => {
    let now = 0;
    const limiter = new RateLimiter(4, 1, () => now);
    expect(limiter.msUntilToken()).toBe(0);
    expect(limiter.take()).toBe(true);
    expect(limiter.msUntilToken()).toBe(250);
    now = 100;
    expect(limiter.msUntilToken()).toBe(150);
    now = 250;
    expect(limiter.take()).toBe(true);
  });
});
