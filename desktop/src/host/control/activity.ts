/**
 * Whether a phone is controlling the computer right now (input injected within the last few seconds): the
 * desktop window and the tray show a mark while it is, next to the pause switch. It changes state only at the
 * edges, so the window is told twice per burst of input, not per move.
 */
export const CONTROLLING_FOR_MS = 4000;

export class ControlActivity {
  private active = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly changed: (active: boolean) => void,
    private readonly holdMs = CONTROLLING_FOR_MS,
  ) {}

  get controlling(): boolean {
    return this.active;
  }

  /** Input was injected just now. */
  injected(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.set(false), this.holdMs);
    this.timer.unref?.();
    this.set(true);
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private set(active: boolean): void {
    if (active === this.active) return;
    this.active = active;
    this.changed(active);
  }
}
