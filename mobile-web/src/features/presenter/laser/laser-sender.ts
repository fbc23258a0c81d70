/**
 * The finger's place goes out at most once an animation frame (the newest place, never a backlog), and
 * the lift goes out at once. The schedule and the send are passed in, so the unit test drives frames.
 */
import type { LaserMode } from '@deskremote/shared';

type PointerMode = Exclude<LaserMode, 'off'>;

export interface LaserSenderDeps {
  send(mode: LaserMode, x: number, y: number): void;
  requestFrame(run: () => void): number;
  cancelFrame(id: number): void;
}

export class LaserSender {
  private latest: { mode: PointerMode; x: number; y: number } | undefined;
  private frame: number | undefined;
  private down = false;

  constructor(private readonly deps: LaserSenderDeps) {}

  /** The finger is down at (x, y), fractions of the screen. */
  move(mode: PointerMode, x: number, y: number): void {
    this.down = true;
    this.latest = { mode, x, y };
    if (this.frame === undefined) {
      this.frame = this.deps.requestFrame(() => {
        this.frame = undefined;
        const point = this.latest;
        if (this.down && point) this.deps.send(point.mode, point.x, point.y);
      });
    }
  }

  /** The finger lifted (or the browser took the touch away): the pointer fades on the screen. */
  lift(): void {
    if (!this.down) return;
    this.down = false;
    if (this.frame !== undefined) this.deps.cancelFrame(this.frame);
    this.frame = undefined;
    const point = this.latest;
    if (point) this.deps.send('off', point.x, point.y);
  }
}
