import { afterEach, describe, expect, it, vi } from 'vitest';

const native = Object.hasOwn;

afterEach(() => {
  Object.defineProperty(Object, 'hasOwn', { value: native, configurable: true, writable: true });
  vi.resetModules();
});

describe('polyfills for iOS Safari 14 to 15.3', () => {
  it('Object.hasOwn where the browser has none answers as the real one does', async () => {
    // As on Safari before 15.4.
    Reflect.deleteProperty(Object, 'hasOwn');
    vi.resetModules();
    await import('../src/polyfills.js');
    expect(Object.hasOwn).not.toBe(native);
    expect(Object.hasOwn({ a: 1 }, 'a')).toBe(true);
    expect(Object.hasOwn({ a: 1 }, 'toString')).toBe(false);
    expect(Object.hasOwn(Object.create({ inherited: 1 }), 'inherited')).toBe(false);
  });
});
