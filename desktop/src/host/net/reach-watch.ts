/**
 * Whether any phone has reached this computer since the code was shown. When none has a minute later, the
 * desktop window says what usually stands in the way (a firewall, a guest network that keeps devices apart,
 * a VPN) and shows the address to type. A request from this computer itself does not count, unless the host
 * serves this computer only.
 */
export const REACH_HINT_AFTER_MS = 60_000;

export class ReachWatch {
  private reached = false;
  private since: number;

  constructor(
    private readonly changed: () => void,
    private readonly loopbackOnly: boolean,
    private readonly hintAfterMs = REACH_HINT_AFTER_MS,
    private readonly now: () => number = Date.now,
  ) {
    this.since = now();
  }

  /** A request arrived from `address`. */
  visited(address: string | undefined): void {
    if (this.reached) return;
    if (!this.loopbackOnly && (address === undefined || /^(127\.|::1$|::ffff:127\.)/.test(address))) return;
    this.reached = true;
    this.changed();
  }

  /** The code now shows another address (the person chose another network): wait a minute again. */
  restart(): void {
    if (this.reached) return;
    this.since = this.now();
  }

  /** When the window shows the hint (ms since the epoch); undefined once a phone got through. */
  get hintAt(): number | undefined {
    return this.reached ? undefined : this.since + this.hintAfterMs;
  }
}
