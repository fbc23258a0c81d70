import { describe, expect, it, vi } from 'vitest';
import { StrangerBudget } from '../../src/host/net/stranger-budget.js';
import { Approvals } from '../../src/host/pairing/approvals.js';
import { describeUserAgent } from '../../src/host/pairing/device-description.js';
import { PairingToken, type TokenEvent } from '../../src/host/pairing/pairing-token.js';

describe('pairing token', () => {
  it('expires by itself and says so, so the screen shows a fresh code', () => {
    vi.useFakeTimers();
    try {
      const token = new PairingToken(60_000);
      const events: TokenEvent[] = [];
      token.onEvent((e) => events.push(e));
      const first = token.current;
      vi.advanceTimersByTime(59_000);
      expect(token.current).toBe(first);
      vi.advanceTimersByTime(2000);
      expect(token.current).not.toBe(first);
      expect(events[0]).toMatchObject({ type: 'rotated', because: 'expired' });
      expect(token.find((t) => t === first)).toEqual({ token: first, retired: 'expired' });
      token.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses both phones when two devices claim one token, and shows a new code', () => {
    const token = new PairingToken(0);
    const code = token.current;
    const conflicts: string[] = [];
    const events: TokenEvent[] = [];
    token.onEvent((e) => events.push(e));
    const first = token.claim(code, { deviceName: 'Phone A', onConflict: () => conflicts.push('a') });
    expect(first.ok).toBe(true);
    const second = token.claim(code, { deviceName: 'Phone B', onConflict: () => conflicts.push('b') });
    expect(second.ok).toBe(false);
    expect(conflicts).toEqual(['a']);
    expect(token.current).not.toBe(code);
    expect(token.spend(code)).toBe(false);
    expect(events).toContainEqual({ type: 'conflict', deviceNames: ['Phone A', 'Phone B'] });
  });

  it('refuses both when a second connection claims it with the same device id and name (both travel in the clear)', () => {
    const token = new PairingToken(0);
    const code = token.current;
    const conflicts: string[] = [];
    const events: TokenEvent[] = [];
    token.onEvent((e) => events.push(e));
    expect(token.claim(code, { deviceName: 'Speaker', onConflict: () => conflicts.push('phone') }).ok).toBe(true);
    expect(token.claim(code, { deviceName: 'Speaker', onConflict: () => conflicts.push('copy') }).ok).toBe(false);
    expect(conflicts).toEqual(['phone']);
    expect(token.current).not.toBe(code);
    expect(events).toContainEqual({ type: 'conflict', deviceNames: ['Speaker', 'Speaker'] });
  });

  it('is spent once, and a claim released leaves it usable', () => {
    const token = new PairingToken(0);
    const code = token.current;
    const claim = token.claim(code, { deviceName: 'A', onConflict: () => {} });
    if (claim.ok) claim.release();
    expect(token.claim(code, { deviceName: 'B', onConflict: () => {} }).ok).toBe(true);
    expect(token.spend(code)).toBe(true);
    expect(token.spend(code)).toBe(false);
  });
});

describe('approvals', () => {
  it('allows at once when approvals are off', async () => {
    const approvals = new Approvals(() => false);
    expect(await approvals.request({ deviceName: 'x', device: {}, address: '1', code: '123456' })).toBe('allow');
    expect(approvals.list()).toEqual([]);
  });

  it('waits for the answer, lists the question meanwhile, and denies by itself after the timeout', async () => {
    const approvals = new Approvals(() => true, 50);
    const changes: number[] = [];
    approvals.onChange((list) => changes.push(list.length));
    const allowed = approvals.request({ deviceName: 'Pixel', device: { model: 'Pixel 7' }, address: '10.0.0.2', code: '000111' });
    const [question] = approvals.list();
    expect(question).toMatchObject({ deviceName: 'Pixel', address: '10.0.0.2', code: '000111' });
    expect(approvals.decide(question?.id ?? '', true)).toBe(true);
    expect(await allowed).toBe('allow');
    expect(await approvals.request({ deviceName: 'Late', device: {}, address: '1', code: '1' })).toBe('timeout');
    const abort = new AbortController();
    const cancelled = approvals.request({ deviceName: 'Gone', device: {}, address: '1', code: '1' }, abort.signal);
    abort.abort();
    expect(await cancelled).toBe('cancelled');
    expect(approvals.list()).toEqual([]);
    expect(changes).toEqual([1, 0, 1, 0, 1, 0]);
  });
});

describe('stranger budget', () => {
  it('makes room by dropping the oldest stranger from the same address, then the oldest overall', () => {
    const budget = new StrangerBudget<string>(4, 2);
    expect(budget.admit('a1', 'A')).toEqual([]);
    expect(budget.admit('a2', 'A')).toEqual([]);
    expect(budget.admit('a3', 'A')).toEqual(['a1']);
    expect(budget.admit('b1', 'B')).toEqual([]);
    expect(budget.admit('c1', 'C')).toEqual([]);
    expect(budget.admit('d1', 'D')).toEqual(['a2']);
    budget.leave('b1');
    expect(budget.admit('e1', 'E')).toEqual([]);
    expect(budget.size).toBe(4);
  });
});

describe('device description', () => {
  it.each([
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
      { model: 'Pixel 7', os: 'Android 14', browser: 'Chrome 131' },
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1',
      { model: 'iPhone', os: 'iOS 17.2', browser: 'Safari 17' },
    ],
    [
      'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
      { os: 'Android 10', browser: 'Chrome 120' },
    ],
    [
      'Mozilla/5.0 (Linux; Android 13; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36',
      { model: 'SM-S918B', os: 'Android 13', browser: 'Samsung Internet 23' },
    ],
    [
      'Mozilla/5.0 (Linux; Android 12; 22081212C Build/SKQ1.220303.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/86.0.4240.99 XWEB/4317 MMWEBSDK/20220903 Mobile Safari/537.36 MMWEBID/5283 MicroMessenger/8.0.28.2240(0x28001C55) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
      { model: '22081212C', os: 'Android 12', browser: 'WeChat 8' },
    ],
    ['curl/8.0', {}],
  ])('reads %s', (ua, expected) => {
    expect(describeUserAgent(ua)).toEqual(expected);
  });
});
