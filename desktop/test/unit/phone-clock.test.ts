import { lateLimitMs, MOTION_LATE_MS, SLOW_LATE_MS, TAP_LATE_MS } from '@deskremote/shared';
import { describe, expect, it } from 'vitest';
import { PhoneClock } from '../../src/host/session/phone-clock.js';

describe('PhoneClock', () => {
  it('measures lateness against the fastest trip, whatever the two clocks say', () => {
    const clock = new PhoneClock();
    // The phone's clock started 1,000,000 ms "before" the host's: only differences matter.
    expect(clock.lateness(0, 1_000_020)).toBe(0);
    expect(clock.lateness(400, 1_000_410)).toBe(0); // a faster trip lowers the offset
    expect(clock.lateness(800, 1_000_830)).toBe(20);
    // Frozen for 5 s: three taps sent during the freeze are read at once afterwards.
    expect(clock.lateness(1200, 1_006_000)).toBe(4790);
    expect(clock.lateness(2800, 1_006_001)).toBe(3191);
  });

  it('reads the 16-bit time of a delta frame as within the last minute', () => {
    const clock = new PhoneClock();
    expect(clock.latenessOfShort(5, 100)).toBe(0); // nothing learned yet: never called late
    clock.lateness(70_000, 70_010);
    expect(clock.latenessOfShort(70_000 & 0xffff, 70_010)).toBe(0);
    expect(clock.latenessOfShort(68_000 & 0xffff, 70_010)).toBe(2000);
    // A frame a little "from the future" (the estimate's noise) is not late.
    expect(clock.latenessOfShort(70_003 & 0xffff, 70_010)).toBe(0);
  });

  it('forgets old trips, so clocks drifting apart over an hour do not make every message late', () => {
    const clock = new PhoneClock();
    // The phone's clock runs 200 ppm slow: after an hour it is 720 ms behind.
    const phoneAt = (host: number) => Math.round(host * (1 - 0.0002));
    for (let host = 0; host <= 3_600_000; host += 5000) clock.lateness(phoneAt(host), host + 10);
    expect(clock.lateness(phoneAt(3_600_400), 3_600_410)).toBeLessThan(20);
  });
});

describe('lateness limits', () => {
  it('refuses late taps, drops late motion, and never refuses letting go or a request for data', () => {
    expect(lateLimitMs({ t: 'slide', id: 1, action: 'next' })).toBe(TAP_LATE_MS);
    expect(lateLimitMs({ t: 'key', id: 1, key: 'Enter' })).toBe(TAP_LATE_MS);
    expect(lateLimitMs({ t: 'move', dx: 1, dy: 1 })).toBe(MOTION_LATE_MS);
    expect(lateLimitMs({ t: 'text', id: 1, text: 'x' })).toBe(SLOW_LATE_MS);
    expect(lateLimitMs({ t: 'button', id: 1, button: 'left', down: false })).toBeUndefined();
    expect(lateLimitMs({ t: 'hold', id: 1, key: 'ctrl', down: false })).toBeUndefined();
    expect(lateLimitMs({ t: 'laser', mode: 'off', x: 0, y: 0 })).toBeUndefined();
    expect(lateLimitMs({ t: 'release', id: 1 })).toBeUndefined();
    expect(lateLimitMs({ t: 'preview', id: 1 })).toBeUndefined();
    expect(TAP_LATE_MS).toBeGreaterThanOrEqual(500);
    expect(TAP_LATE_MS).toBeLessThan(3000);
  });
});
