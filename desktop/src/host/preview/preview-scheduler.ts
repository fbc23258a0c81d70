/**
 * Who gets which frame. Phones pull: each asks for its next frame only after showing the last, so at
 * most one frame is on its way to any phone and a slow phone gets the newest frame, never a backlog.
 * The screen is grabbed only while some phone is waiting, at most `fps` times a second, and one grab
 * serves every phone waiting then. A phone never gets a frame older than the one it already has.
 * Asking is not reading: a phone that is not `ready` (it left too much unread, unread-limits.ts) keeps
 * its request but gets nothing, and no grab is made for it, until it has read.
 */
import type { EncodedFrame } from './jpeg-encoder.js';

export interface Waiter {
  /** Says which phone (one request per phone at a time; a new one replaces the old). */
  key: object;
  id: number;
  deliver(frame: EncodedFrame): void;
  fail(why: string): void;
  /** False while the phone has not read what it was sent: its frame waits (true when absent). */
  ready?(): boolean;
}

interface Stamped extends EncodedFrame {
  seq: number;
  at: number;
}

export class PreviewScheduler {
  private readonly waiting = new Map<object, Waiter>();
  private readonly lastSeq = new WeakMap<object, number>();
  private latest: Stamped | undefined;
  private seq = 0;
  private busy = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastGrabAt = Number.NEGATIVE_INFINITY;
  readonly stats = { grabs: 0, framesSent: 0 };

  constructor(
    private readonly capture: () => Promise<EncodedFrame>,
    private readonly options: { fps: number; now?: () => number; onActive?: (active: boolean) => void },
  ) {}

  private now(): number {
    return this.options.now?.() ?? performance.now();
  }

  get watching(): number {
    return this.waiting.size;
  }

  request(waiter: Waiter): void {
    const wasIdle = this.waiting.size === 0 && !this.busy;
    this.waiting.set(waiter.key, waiter);
    const latest = this.latest;
    // A frame newer than this phone's, and still fresh: no need to wait for the next grab.
    if (latest && latest.seq > (this.lastSeq.get(waiter.key) ?? 0) && this.now() - latest.at < this.interval && isReady(waiter)) {
      this.send(waiter, latest);
    }
    if (wasIdle && this.waiting.size > 0) this.options.onActive?.(true);
    this.schedule();
  }

  forget(key: object): void {
    this.waiting.delete(key);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.waiting.clear();
  }

  private get interval(): number {
    return 1000 / this.options.fps;
  }

  private schedule(): void {
    if (this.busy || this.timer || this.waiting.size === 0) return;
    const wait = Math.max(0, this.lastGrabAt + this.interval - this.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.grab();
    }, wait);
  }

  private async grab(): Promise<void> {
    if (this.waiting.size === 0) return;
    if (![...this.waiting.values()].some(isReady)) {
      // Everyone waiting is behind: look again in a frame's time, without grabbing for nobody.
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.grab();
      }, this.interval);
      return;
    }
    this.busy = true;
    this.lastGrabAt = this.now();
    this.stats.grabs++;
    try {
      const frame = await this.capture();
      this.latest = { ...frame, seq: ++this.seq, at: this.now() };
      for (const waiter of [...this.waiting.values()]) if (isReady(waiter)) this.send(waiter, this.latest);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      for (const waiter of this.waiting.values()) waiter.fail(why);
      this.waiting.clear();
    } finally {
      this.busy = false;
    }
    if (this.waiting.size === 0) this.options.onActive?.(false);
    this.schedule();
  }

  private send(waiter: Waiter, frame: Stamped): void {
    this.waiting.delete(waiter.key);
    this.lastSeq.set(waiter.key, frame.seq);
    this.stats.framesSent++;
    waiter.deliver(frame);
  }
}

function isReady(waiter: Waiter): boolean {
  return waiter.ready?.() ?? true;
}
