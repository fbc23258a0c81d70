import { describe, expect, it } from 'vitest';
import { reconnectDelay } from '../src/connection/backoff.js';
import { deviceNameFrom } from '../src/connection/device-name.js';
import { BASE_GAIN, pointerGain } from '../src/gestures/pointer-gain.js';

describe('reconnect backoff', () => {
  it('grows with each attempt up to a cap, with jitter below it', () => {
    expect(reconnectDelay(0, () => 0)).toBe(250);
    expect(reconnectDelay(0, () => 1)).toBe(500);
    expect(reconnectDelay(3, () => 1)).toBe(4000);
    expect(reconnectDelay(30, () => 1)).toBe(15_000);
    const spread = new Set(Array.from({ length: 50 }, () => reconnectDelay(5)));
    expect(spread.size).toBeGreaterThan(10);
    for (const delay of spread) expect(delay).toBeLessThanOrEqual(15_000);
  });
});

describe('pointer gain', () => {
  it('is precise when slow and faster when quick, never less than the base', () => {
    expect(pointerGain(3, 16)).toBe(BASE_GAIN);
    const medium = pointerGain(20, 16);
    const fast = pointerGain(60, 16);
    expect(medium).toBeGreaterThan(BASE_GAIN);
    expect(fast).toBeGreaterThan(medium);
    expect(pointerGain(500, 16)).toBe(pointerGain(1000, 16));
    expect(pointerGain(3, 16, 2)).toBe(BASE_GAIN * 2);
  });
});

describe('device name', () => {
  it('names the phone from its browser', () => {
    expect(deviceNameFrom('Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36')).toBe('Pixel 7');
    expect(deviceNameFrom('Mozilla/5.0 (Linux; Android 13; SM-S911B Build/TP1A.220624.014) AppleWebKit')).toBe('SM-S911B');
    expect(deviceNameFrom('Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36')).toBe('Android phone');
    expect(deviceNameFrom('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)')).toBe('iPhone');
    expect(deviceNameFrom('curl/8')).toBe('Browser');
  });
});
