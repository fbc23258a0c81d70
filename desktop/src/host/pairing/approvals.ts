/**
 * A new phone's first pairing waits for the person at the computer: "Allow ‹name› to control this
 * computer?" with its model, browser, address and the six digits the phone shows too. Denied by
 * itself after a while. Turned off in the settings, every proven pairing is allowed at once.
 */
import { APPROVAL_TIMEOUT_MS } from '@deskremote/shared';
import type { DeviceDescription } from './device-description.js';

export interface ApprovalRequest {
  id: string;
  deviceName: string;
  device: DeviceDescription;
  address: string;
  /** The six digits the phone shows: the person checks they match. */
  code: string;
  requestedAt: number;
  expiresAt: number;
}

export type ApprovalDecision = 'allow' | 'deny' | 'timeout' | 'cancelled';

interface Pending {
  request: ApprovalRequest;
  settle: (decision: ApprovalDecision) => void;
  timer: NodeJS.Timeout;
}

let nextId = 1;

export class Approvals {
  private readonly pending = new Map<string, Pending>();
  private readonly listeners = new Set<(requests: ApprovalRequest[]) => void>();
  private readonly timedOut = new Set<(request: ApprovalRequest) => void>();

  constructor(
    private readonly required: () => boolean,
    private readonly timeoutMs = APPROVAL_TIMEOUT_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Resolves with the decision; `allow` at once when approvals are off. Abort cancels the question. */
  /** `asking` is called when the person is actually asked (not where approvals are off). */
  request(
    details: Omit<ApprovalRequest, 'id' | 'requestedAt' | 'expiresAt'>,
    signal?: AbortSignal,
    asking?: () => void,
  ): Promise<ApprovalDecision> {
    if (!this.required()) return Promise.resolve('allow');
    if (signal?.aborted) return Promise.resolve('cancelled');
    asking?.();
    const at = this.now();
    const request: ApprovalRequest = { ...details, id: `a${nextId++}`, requestedAt: at, expiresAt: at + this.timeoutMs };
    return new Promise((resolve) => {
      const settle = (decision: ApprovalDecision) => {
        if (!this.pending.delete(request.id)) return;
        clearTimeout(pending.timer);
        signal?.removeEventListener('abort', onAbort);
        resolve(decision);
        this.changed();
      };
      const onAbort = () => settle('cancelled');
      const expire = () => {
        settle('timeout');
        for (const listener of this.timedOut) listener(request);
      };
      const pending: Pending = { request, settle, timer: setTimeout(expire, this.timeoutMs) };
      pending.timer.unref();
      this.pending.set(request.id, pending);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.changed();
    });
  }

  /** The person's answer; false when the question is no longer open. */
  decide(id: string, allow: boolean): boolean {
    const pending = this.pending.get(id);
    if (!pending) return false;
    pending.settle(allow ? 'allow' : 'deny');
    return true;
  }

  list(): ApprovalRequest[] {
    return [...this.pending.values()].map((p) => p.request);
  }

  /** A question nobody answered in time (the phone was refused): the window says so instead of it just vanishing. */
  onTimedOut(listener: (request: ApprovalRequest) => void): void {
    this.timedOut.add(listener);
  }

  onChange(listener: (requests: ApprovalRequest[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every open question is cancelled (the host is stopping). */
  cancelAll(): void {
    for (const pending of [...this.pending.values()]) pending.settle('cancelled');
  }

  private changed(): void {
    const list = this.list();
    for (const listener of this.listeners) listener(list);
  }
}
