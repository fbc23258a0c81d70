import { describe, expect, it } from 'vitest';
import { windowRequestRefusal } from '../../src/host/desktop-window/window-server.js';
import { RequestGuard } from '../../src/host/security/request-guard.js';

const guard = new RequestGuard(
  () => ['127.0.0.1', 'localhost'],
  () => 4100,
);
const SECRET = 'k'.repeat(43);
const fine = { remoteAddress: '127.0.0.1', host: '127.0.0.1:4100', origin: 'http://127.0.0.1:4100', key: SECRET };

describe('who the headless host’s desktop window answers', () => {
  it('its own page on this computer, with the key', () => {
    expect(windowRequestRefusal(fine, guard, SECRET, true)).toBeUndefined();
    expect(windowRequestRefusal({ ...fine, host: 'localhost:4100', origin: undefined }, guard, SECRET, true)).toBeUndefined();
    expect(windowRequestRefusal({ ...fine, remoteAddress: '::ffff:127.0.0.1' }, guard, SECRET, true)).toBeUndefined();
  });

  it('nothing from another address than loopback, key or not', () => {
    expect(windowRequestRefusal({ ...fine, remoteAddress: '192.168.1.31' }, guard, SECRET, true)).toBe(403);
    expect(windowRequestRefusal({ ...fine, remoteAddress: '::ffff:10.0.0.2' }, guard, SECRET, false)).toBe(403);
    expect(windowRequestRefusal({ ...fine, remoteAddress: undefined }, guard, SECRET, false)).toBe(403);
  });

  it('no call without the key, or with a wrong one', () => {
    expect(windowRequestRefusal({ ...fine, key: undefined }, guard, SECRET, true)).toBe(401);
    expect(windowRequestRefusal({ ...fine, key: `${SECRET.slice(1)}x` }, guard, SECRET, true)).toBe(401);
    expect(windowRequestRefusal({ ...fine, key: 'short' }, guard, SECRET, true)).toBe(401);
    // The page's files hold nothing secret: they load without it, and then say where the key comes from.
    expect(windowRequestRefusal({ ...fine, key: undefined }, guard, SECRET, false)).toBeUndefined();
  });

  it('nothing for another site’s page, nor under another name (DNS rebinding)', () => {
    expect(windowRequestRefusal({ ...fine, origin: 'http://evil.example' }, guard, SECRET, true)).toBe(403);
    expect(windowRequestRefusal({ ...fine, origin: 'null' }, guard, SECRET, true)).toBe(403);
    expect(windowRequestRefusal({ ...fine, origin: 'http://127.0.0.1:4101' }, guard, SECRET, true)).toBe(403);
    expect(windowRequestRefusal({ ...fine, host: 'evil.example:4100' }, guard, SECRET, true)).toBe(421);
    expect(windowRequestRefusal({ ...fine, host: undefined }, guard, SECRET, false)).toBe(421);
  });
});
