/** Discrete commands waiting for their ack or error, each with a deadline. */
import type { CodeParams, ErrorCode } from '@deskremote/shared';

/** What went wrong with a command: a code the page words, never a sentence from the wire. */
export type ProblemCode = ErrorCode | 'not-connected' | 'no-answer' | 'connection-closed';

export class CommandFailed extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly params: CodeParams = {},
  ) {
    super(code);
  }
}

const ACK_TIMEOUT_MS = 5000;

export class Requests {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: () => void; reject: (e: CommandFailed) => void; timer: ReturnType<typeof setTimeout> }
  >();

  /** A fresh id and the promise its answer settles. */
  track(): { id: number; done: Promise<void> } {
    const id = this.nextId++;
    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new CommandFailed('no-answer'));
      }, ACK_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
    });
    return { id, done };
  }

  /** An id nobody waits for (pings). */
  untracked(): number {
    return this.nextId++;
  }

  settle(id: number, failure?: CommandFailed): void {
    const waiting = this.pending.get(id);
    if (!waiting) return;
    this.pending.delete(id);
    clearTimeout(waiting.timer);
    if (failure) waiting.reject(failure);
    else waiting.resolve();
  }

  failAll(code: ProblemCode): void {
    for (const id of [...this.pending.keys()]) this.settle(id, new CommandFailed(code));
  }
}
