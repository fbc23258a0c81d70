import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/host/security/rate-limiter.js';
import { RequestGuard } from '../../src/host/security/request-guard.js';

describe('request guard', () => {
  const guard = new RequestGuard(
    () => ['127.0.0.1', 'localhost', '[::1]', '192.168.1.20', 'desk', 'desk.local'],
    () => 7531,
  );

  it('accepts the host by its own names and addresses on its port', () => {
    for (const host of ['127.0.0.1:7531', 'localhost:7531', '[::1]:7531', '192.168.1.20:7531', 'DESK.local:7531']) {
      expect(guard.hostAllowed(host), host).toBe(true);
    }
  });

  it('refuses other names, ports and malformed values (DNS rebinding)', () => {
    for (const host of [
      undefined,
      '',
      'evil.example:7531',
      '192.168.1.20:80',
      '192.168.1.20',
      'a@127.0.0.1:7531',
      '127.0.0.1:7531/x',
      '127.0.0.1:7531 ',
    ]) {
      expect(guard.hostAllowed(host), String(host)).toBe(false);
    }
  });

  it('accepts only the exact origins the host serves (cross-site WebSocket hijacking)', () => {
    expect(guard.originAllowed('http://192.168.1.20:7531')).toBe(true);
    for (const origin of [
      undefined,
      'null',
      'http://evil.example',
      'https://192.168.1.20:7531',
      'http://192.168.1.20:7532',
      'http://192.168.1.20:7531/path',
      'file://',
    ]) {
      expect(guard.originAllowed(origin), String(origin)).toBe(false);
    }
  });

  it('after moving off a taken port, also accepts its own pages on the ports it passed over, and no others', () => {
    const moved = new RequestGuard(
      () => ['192.168.1.20', 'desk.local'],
      () => 7533,
      () => 7531,
    );
    for (const origin of ['http://192.168.1.20:7531', 'http://192.168.1.20:7532', 'http://desk.local:7533']) {
      expect(moved.originAllowed(origin), origin).toBe(true);
    }
    for (const origin of [
      'http://192.168.1.20:7530',
      'http://192.168.1.20:7534',
      'http://evil.example:7531',
      'https://192.168.1.20:7531',
    ]) {
      expect(moved.originAllowed(origin), origin).toBe(false);
    }
    // The Host header still names the port it has: a page elsewhere opens its socket here, by this port.
    expect(moved.hostAllowed('192.168.1.20:7531')).toBe(false);
    // Its pages on any port may knock; another site's page may not read the answer.
    expect(moved.sameComputer('http://desk.local:9000')).toBe(true);
    expect(moved.sameComputer('http://evil.example:7533')).toBe(false);
    expect(moved.sameComputer(undefined)).toBe(false);
  });
});

describe('rate limiter', () => {
  it('allows a burst, then the sustained rate', () => {
    let now = 0;
    const limiter = new RateLimiter(10, 5, () => now);
    expect(Array.from({ length: 7 }, () => limiter.take())).toEqual([true, true, true, true, true, false, false]);
    now = 250;
    expect(Array.from({ length: 3 }, () => limiter.take())).toEqual([true, true, false]);
  });
});
