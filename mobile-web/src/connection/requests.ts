/** Discrete commands waiting for their ack or error, each with a deadline. */
import type { CodeParams, ErrorCode } from '@deskremote/shared';

/** What went wrong with a command: a code the page words, never a sentence from the wire. */
export type ProblemCode =
  | ErrorCode
  | 'not-connected'
  | 'no-answer'
  | 'connection-closed'
  /** The host moved to another port (params.port, from params.from) and this page followed it. */
  | 'host-moved'
  | 'host-moved-unsaved';

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
    { resolve: () => void; reject: (e: CommandFailed) => void; timer: ReturnType<typeof setTimeout> | undefined }
  >();
  private held = false;

  /** A fresh id and the promise its answer settles. */
  track(): { id: number; done: Promise<void> } {
    const id = this.nextId++;
    const done = new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, timer: this.held ? undefined : this.deadline(id, reject) });
    });
    return { id, done };
  }

  /**
   * The host said a command is still running: it is alive and working through its queue, so every
   * command waiting (the running one and those behind it) gets a fresh deadline.
   */
  extend(): void {
    this.held = false;
    for (const [id, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      waiting.timer = this.deadline(id, waiting.reject);
    }
  }

  /**
   * The link went quiet (the computer stopped answering pings): no command times out meanwhile, since
   * its answer may yet come (the host says which came too late). `extend` starts fresh deadlines.
   */
  hold(): void {
    this.held = true;
    for (const waiting of this.pending.values()) clearTimeout(waiting.timer);
  }

  private deadline(id: number, reject: (e: CommandFailed) => void): ReturnType<typeof setTimeout> {
    return setTimeout(() => {
      this.pending.delete(id);
      reject(new CommandFailed('no-answer'));
    }, ACK_TIMEOUT_MS);
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
