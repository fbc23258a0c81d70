/**
 * Pointer and scroll deltas, summed per animation frame and sent as whole pixels with the fractions
 * carried to the next frame. While the socket still has unsent data, nothing new is queued behind
 * it: the sum keeps growing and goes out in one frame once the network catches up.
 */
export type DeltaKind = 'move' | 'scroll' | 'zoom';
const KINDS: readonly DeltaKind[] = ['move', 'scroll', 'zoom'];

export interface DeltaTransport {
  /** Bytes the socket has not sent yet. */
  backlog(): number;
  sendDelta(kind: DeltaKind, dx: number, dy: number): void;
}

/** More unsent bytes than this (a few dozen deltas) means the network is behind. */
export const BACKLOG_LIMIT_BYTES = 256;
const INT16_MAX = 32767;

export class DeltaSender {
  private readonly pending: Record<DeltaKind, { x: number; y: number }> = {
    move: { x: 0, y: 0 },
    scroll: { x: 0, y: 0 },
    zoom: { x: 0, y: 0 },
  };
  private scheduled = false;

  constructor(
    private readonly transport: DeltaTransport,
    private readonly schedule: (flush: () => void) => void = (flush) => requestAnimationFrame(flush),
  ) {}

  add(kind: DeltaKind, dx: number, dy: number): void {
    const sum = this.pending[kind];
    sum.x += dx;
    sum.y += dy;
    if (!this.scheduled) {
      this.scheduled = true;
      this.schedule(() => this.flush());
    }
  }

  /** Forgets unsent motion: after a reconnect, old motion would only surprise the user. */
  reset(): void {
    for (const kind of KINDS) this.pending[kind] = { x: 0, y: 0 };
  }

  flush(): void {
    this.scheduled = false;
    if (this.transport.backlog() > BACKLOG_LIMIT_BYTES) {
      this.scheduled = true;
      this.schedule(() => this.flush());
      return;
    }
    for (const kind of KINDS) {
      const sum = this.pending[kind];
      const dx = clamp(whole(sum.x));
      const dy = clamp(whole(sum.y));
      if (dx === 0 && dy === 0) continue;
      sum.x -= dx;
      sum.y -= dy;
      this.transport.sendDelta(kind, dx, dy);
    }
    const left = KINDS.map((kind) => this.pending[kind]).some((s) => Math.abs(s.x) >= 1 || Math.abs(s.y) >= 1);
    if (left) {
      this.scheduled = true;
      this.schedule(() => this.flush());
    }
  }
}

/** Whole pixels in a sum, so that 0.3 added ten times is 3 and not 2.9999999999999996 truncated to 2. */
function whole(value: number): number {
  return Math.trunc(Math.round(value * 1e6) / 1e6);
}

function clamp(value: number): number {
  return Math.max(-INT16_MAX, Math.min(INT16_MAX, value));
}
