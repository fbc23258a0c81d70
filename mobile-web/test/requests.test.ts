import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type CommandFailed, Requests } from '../src/connection/requests.js';

describe('commands waiting for their answer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fail as unanswered after 5 s of silence', async () => {
    const requests = new Requests();
    const { done } = requests.track();
    const failed = done.catch((e: CommandFailed) => e.code);
    vi.advanceTimersByTime(5000);
    expect(await failed).toBe('no-answer');
  });

  it('wait on, each of them, while the host says a command is still running', async () => {
    const requests = new Requests();
    const typing = requests.track();
    const behind = requests.track();
    let settled = 0;
    void typing.done.then(() => settled++);
    void behind.done.then(() => settled++);
    for (let second = 0; second < 12; second++) {
      vi.advanceTimersByTime(1000);
      requests.extend();
    }
    requests.settle(typing.id);
    requests.settle(behind.id);
    await Promise.resolve();
    await Promise.resolve();
    expect(settled).toBe(2);
  });
});
