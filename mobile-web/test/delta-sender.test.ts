import { describe, expect, it } from 'vitest';
import { BACKLOG_LIMIT_BYTES, type DeltaKind, DeltaSender } from '../src/connection/delta-sender.js';

function harness(backlog = 0) {
  const sent: Array<[DeltaKind, number, number]> = [];
  const frames: Array<() => void> = [];
  const transport = { backlog: () => backlog, sendDelta: (k: DeltaKind, dx: number, dy: number) => sent.push([k, dx, dy]) };
  const sender = new DeltaSender(transport, (flush) => frames.push(flush));
  const frame = () => {
    for (const flush of frames.splice(0)) flush();
  };
  return { sender, sent, frame, setBacklog: (b: number) => (backlog = b), pendingFrames: () => frames.length };
}

describe('delta sender', () => {
  it('sums every delta of a frame into one message', () => {
    const { sender, sent, frame } = harness();
    sender.add('move', 1.5, 2);
    sender.add('move', 2.25, -1);
    sender.add('scroll', 0, 10);
    frame();
    expect(sent).toEqual([
      ['move', 3, 1],
      ['scroll', 0, 10],
    ]);
  });

  it('carries fractions to the next frame instead of dropping them', () => {
    const { sender, sent, frame } = harness();
    for (let i = 0; i < 10; i++) {
      sender.add('move', 0.3, -0.3);
      frame();
    }
    const total = sent.reduce((acc, [, dx, dy]) => ({ x: acc.x + dx, y: acc.y + dy }), { x: 0, y: 0 });
    expect(total).toEqual({ x: 3, y: -3 });
  });

  it('queues nothing behind a slow network; the sum goes out in one message once it drains', () => {
    const h = harness(BACKLOG_LIMIT_BYTES + 1);
    for (let i = 0; i < 30; i++) {
      h.sender.add('move', 2, 1);
      h.frame();
    }
    expect(h.sent).toEqual([]);
    h.setBacklog(0);
    h.frame();
    expect(h.sent).toEqual([['move', 60, 30]]);
  });

  it('splits a sum larger than a frame can carry over following frames', () => {
    const { sender, sent, frame } = harness();
    sender.add('move', 70000, 0);
    frame();
    frame();
    frame();
    expect(sent.map(([, dx]) => dx)).toEqual([32767, 32767, 4466]);
  });

  it('forgets unsent motion after a reconnect', () => {
    const { sender, sent, frame } = harness();
    sender.add('move', 0.9, 0);
    sender.reset();
    sender.add('move', 0.5, 0);
    frame();
    expect(sent).toEqual([]);
  });
});
