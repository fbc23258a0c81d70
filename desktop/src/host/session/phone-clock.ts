/**
 * How late a phone's message reached the host, from the phone's own clock (`at`, milliseconds since
 * its connection opened) and the host's when the frame was read. The clocks never agree, so the host
 * learns their offset from the messages that arrived fastest: the smallest (read time - sent time)
 * seen lately is the offset plus the quickest trip, and a message's lateness is how far it is above
 * that. Pings several times a second keep the estimate fresh.
 *
 * "Lately", not "ever": two clocks drift apart by up to about a hundred parts per million, a third of
 * a second an hour, so the smallest is kept per window and only the last few windows count.
 */
const WINDOW_MS = 15_000;
const WINDOWS_KEPT = 4;

export class PhoneClock {
  /** Newest last: [start of the window on the host's clock, smallest gap seen in it]. */
  private readonly windows: Array<[number, number]> = [];

  /** How late a message with a full `at` is (0 for the fastest); learns from it. */
  lateness(at: number, readAt: number): number {
    const gap = readAt - at;
    this.learn(gap, readAt);
    return Math.max(0, gap - this.offset());
  }

  /**
   * How late a binary delta or laser frame is, which carries only the low 16 bits of `at`: the phone's
   * time now is estimated from the offset, and the frame is taken as sent within the last 65 s before
   * it (a frame that looks a little from the future, by the estimate's noise, is not late).
   */
  latenessOfShort(at16: number, readAt: number): number {
    if (this.windows.length === 0) return 0;
    const phoneNow = Math.round(readAt - this.offset());
    const behind = (phoneNow - at16) & 0xffff;
    return behind > 0x8000 ? 0 : behind;
  }

  private offset(): number {
    let smallest = Number.POSITIVE_INFINITY;
    for (const [, gap] of this.windows) smallest = Math.min(smallest, gap);
    return smallest;
  }

  private learn(gap: number, readAt: number): void {
    const newest = this.windows[this.windows.length - 1];
    if (newest && readAt - newest[0] < WINDOW_MS) {
      newest[1] = Math.min(newest[1], gap);
      return;
    }
    this.windows.push([readAt, gap]);
    if (this.windows.length > WINDOWS_KEPT) this.windows.shift();
  }
}
