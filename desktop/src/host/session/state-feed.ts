/**
 * State changes to one phone, bounded by what it has read. While the phone is behind (unread-limits.ts),
 * changes are not queued for it: it is marked as having missed some, and once it has read what it had
 * (looked at every quarter second, only while behind) one snapshot of the whole current state replaces
 * everything it missed. The phone takes a snapshot at any time as the whole state.
 */
import type { HostMessage, HostState } from '@deskremote/shared';
import { isBehind } from './unread-limits.js';

const RECHECK_MS = 250;

export interface FeedPort {
  readonly bufferedBytes: number;
  send(message: HostMessage): void;
}

export class StateFeed {
  private missed: NodeJS.Timeout | undefined;

  constructor(
    private readonly phone: FeedPort,
    private readonly state: () => HostState,
  ) {}

  changed(changes: Partial<HostState>): void {
    if (this.missed) return;
    if (!isBehind(this.phone)) {
      this.phone.send({ t: 'changes', changes, now: Date.now() });
      return;
    }
    this.missed = setInterval(() => {
      if (isBehind(this.phone)) return;
      this.stop();
      this.phone.send({ t: 'snapshot', state: this.state(), now: Date.now() });
    }, RECHECK_MS);
  }

  stop(): void {
    clearInterval(this.missed);
    this.missed = undefined;
  }
}
