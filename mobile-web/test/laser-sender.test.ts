import type { LaserMode } from '@deskremote/shared';
import { describe, expect, it } from 'vitest';
import { LaserSender } from '../src/features/presenter/laser/laser-sender.js';

function rig() {
  const sent: Array<[LaserMode, number, number]> = [];
  const frames = new Map<number, () => void>();
  let next = 1;
  const sender = new LaserSender({
    send: (mode, x, y) => sent.push([mode, x, y]),
    requestFrame: (run) => {
      frames.set(next, run);
      return next++;
    },
    cancelFrame: (id) => frames.delete(id),
  });
  const frame = () => {
    const runs = [...frames.values()];
    frames.clear();
    for (const run of runs) run();
  };
  return { sender, sent, frame, pending: () => frames.size };
}

describe('sending the finger’s place', () => {
  it('one send per animation frame, with the newest place and mode', () => {
    const { sender, sent, frame, pending } = rig();
    sender.move('dot', 0.1, 0.1);
    sender.move('dot', 0.2, 0.2);
    sender.move('spotlight', 0.3, 0.3);
    expect(sent).toEqual([]);
    expect(pending()).toBe(1);
    frame();
    expect(sent).toEqual([['spotlight', 0.3, 0.3]]);
    frame();
    expect(sent).toHaveLength(1);
  });

  it('the lift goes at once, where the finger was, and cancels an unsent move', () => {
    const { sender, sent, frame, pending } = rig();
    sender.move('dot', 0.5, 0.5);
    frame();
    sender.move('dot', 0.6, 0.5);
    sender.lift();
    expect(pending()).toBe(0);
    expect(sent).toEqual([
      ['dot', 0.5, 0.5],
      ['off', 0.6, 0.5],
    ]);
  });

  it('a lift without a touch sends nothing, and only one lift per touch', () => {
    const { sender, sent, frame } = rig();
    sender.lift();
    sender.move('dot', 0.5, 0.5);
    frame();
    sender.lift();
    sender.lift();
    expect(sent.map(([mode]) => mode)).toEqual(['dot', 'off']);
  });
});
