import { describe, expect, it } from 'vitest';
import { ACCESSIBILITY_POLL_MS, accessibilityWatch } from '../../src/electron/accessibility-watch.js';

function harness() {
  let trusted = false;
  let granted = 0;
  const timers: Array<{ ms: number; tick: () => void; cancelled: boolean }> = [];
  const watch = accessibilityWatch({
    isTrusted: () => trusted,
    granted: () => granted++,
    setInterval: (ms, tick) => {
      const timer = { ms, tick, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
  });
  const live = () => timers.filter((t) => !t.cancelled);
  return { watch, timers, live, grant: () => (trusted = true), granted: () => granted };
}

describe('waiting for the macOS Accessibility permission', () => {
  it('polls every 2 s while input waits for it, and reopens input once it is granted', () => {
    const h = harness();
    h.watch.inputCode('mac-permission');
    h.watch.inputCode('mac-permission');
    expect(h.live()).toHaveLength(1);
    expect(h.live()[0]?.ms).toBe(ACCESSIBILITY_POLL_MS);
    h.live()[0]?.tick();
    expect(h.granted()).toBe(0);
    h.grant();
    h.live()[0]?.tick();
    expect(h.granted()).toBe(1);
    expect(h.live()).toHaveLength(0);
  });

  it('never polls for other codes, and stops when input no longer waits or the app quits', () => {
    const h = harness();
    h.watch.inputCode('ok');
    expect(h.timers).toHaveLength(0);
    h.watch.inputCode('mac-permission');
    h.watch.inputCode('driver-failed');
    expect(h.live()).toHaveLength(0);
    h.watch.inputCode('mac-permission');
    h.watch.stop();
    expect(h.live()).toHaveLength(0);
  });
});
