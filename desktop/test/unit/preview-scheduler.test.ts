import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EncodedFrame } from '../../src/host/preview/jpeg-encoder.js';
import { PreviewScheduler, type Waiter } from '../../src/host/preview/preview-scheduler.js';

let now = 0;
let screen = 0;
const capture = vi.fn(async (): Promise<EncodedFrame> => ({ width: 480, height: 270, jpeg: new Uint8Array([screen]) }));
const phone = () => {
  const got: number[] = [];
  const key = {};
  return {
    got,
    ask: (scheduler: PreviewScheduler, id = 1): Waiter => {
      const waiter = { key, id, deliver: (f: EncodedFrame) => got.push(f.jpeg[0] ?? -1), fail: () => got.push(-1) };
      scheduler.request(waiter);
      return waiter;
    },
    key,
  };
};
const advance = async (ms: number) => {
  now += ms;
  await vi.advanceTimersByTimeAsync(ms);
};

beforeEach(() => {
  vi.useFakeTimers();
  now = 0;
  screen = 0;
  capture.mockClear();
});
afterEach(() => vi.useRealTimers());

describe('who gets which preview frame', () => {
  it('grabs nothing while no phone asks', async () => {
    const scheduler = new PreviewScheduler(capture, { fps: 5, now: () => now });
    await advance(5000);
    expect(capture).not.toHaveBeenCalled();
    scheduler.stop();
  });

  it('one grab serves every phone waiting, at most five times a second', async () => {
    const scheduler = new PreviewScheduler(capture, { fps: 5, now: () => now });
    const a = phone();
    const b = phone();
    a.ask(scheduler);
    b.ask(scheduler);
    await advance(1);
    expect(capture).toHaveBeenCalledTimes(1);
    expect([a.got, b.got]).toEqual([[0], [0]]);
    for (let i = 0; i < 20; i++) {
      a.ask(scheduler);
      await advance(50);
    }
    expect(capture.mock.calls.length).toBeLessThanOrEqual(1 + 5);
    scheduler.stop();
  });

  it('a slow phone gets the newest frame, not a backlog, and never an older one', async () => {
    const scheduler = new PreviewScheduler(capture, { fps: 5, now: () => now });
    const fast = phone();
    const slow = phone();
    slow.ask(scheduler);
    await advance(1);
    // The slow phone does not ask again for a while; the fast one keeps the screen moving.
    for (let i = 1; i <= 10; i++) {
      screen = i;
      fast.ask(scheduler);
      await advance(200);
    }
    screen = 42;
    slow.ask(scheduler);
    await advance(250);
    expect(slow.got).toHaveLength(2);
    expect(slow.got[1]).toBeGreaterThanOrEqual(10);
    expect(fast.got).toEqual([...fast.got].sort((x, y) => x - y));
    scheduler.stop();
  });

  it('a phone that went away is not sent anything', async () => {
    const scheduler = new PreviewScheduler(capture, { fps: 5, now: () => now });
    const gone = phone();
    gone.ask(scheduler);
    scheduler.forget(gone.key);
    await advance(1000);
    expect(gone.got).toEqual([]);
    expect(capture).not.toHaveBeenCalled();
    scheduler.stop();
  });

  it('a phone that has not read what it was sent keeps its request but gets nothing, and nothing is grabbed for it', async () => {
    const scheduler = new PreviewScheduler(capture, { fps: 5, now: () => now });
    let reading = false;
    const behind = { got: [] as number[], key: {} };
    const ask = (id: number) =>
      scheduler.request({
        key: behind.key,
        id,
        deliver: (f) => behind.got.push(f.jpeg[0] ?? -1),
        fail: () => {},
        ready: () => reading,
      });
    for (let i = 0; i < 25; i++) {
      ask(i);
      await advance(200);
    }
    expect(behind.got).toEqual([]);
    expect(capture).not.toHaveBeenCalled();
    // Another phone that reads is served as before (within a frame's time), and the one behind gets nothing.
    const reader = phone();
    reader.ask(scheduler);
    await advance(200);
    expect([reader.got, behind.got]).toEqual([[0], []]);
    // It read: its waiting request is answered with a fresh grab, within a frame's time.
    screen = 7;
    reading = true;
    await advance(200);
    expect(behind.got).toEqual([7]);
    scheduler.stop();
  });
});

describe('shrinking the screen', () => {
  it('averages blocks, reads X’s B G R order, and ignores the padding byte (never alpha)', async () => {
    const { shrinkBgrx } = await import('../../src/host/preview/jpeg-encoder.js');
    const width = 8;
    const height = 4;
    const pixels = Buffer.alloc(width * height * 4);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const o = (y * width + x) * 4;
        // Left half red, right half blue; the padding byte is 0, as X leaves it.
        pixels.set(x < 4 ? [0, 0, 255, 0] : [255, 0, 0, 0], o);
      }
    }
    const small = shrinkBgrx(pixels, width, height, 2);
    expect([small.width, small.height]).toEqual([2, 1]);
    expect([...small.rgb]).toEqual([255, 0, 0, 0, 0, 255]);
  });
});
