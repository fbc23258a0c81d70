/**
 * The one queue between every session and the OS. Discrete commands run in arrival order, one at a
 * time, each reported back. Pointer and scroll deltas that arrive while the driver is busy are summed
 * into the delta waiting at the tail, so a stall is caught up in one step instead of replayed.
 */
import type { CodeParams, DiscreteCommand, HoldableKey, InputAvailability, MouseButton } from '@deskremote/shared';
import { HeldInputs, letGo } from './held-inputs.js';
import type { InputDriver } from './input-driver.js';
import type { SlideProfile } from './slide-profiles.js';

/** Phone pixels per wheel step: a two-finger swipe of a thumb's length scrolls a few steps. */
export const SCROLL_PIXELS_PER_STEP = 24;

export class CommandRejected extends Error {
  constructor(
    readonly code: 'input-unavailable' | 'injection-failed' | 'unsupported-text' | 'session-closed',
    readonly params: CodeParams = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
  }
}

export interface ExecutionTiming {
  kind: 'move' | 'scroll' | DiscreteCommand['t'];
  receivedAt: number;
  doneAt: number;
}

export interface DispatcherOptions {
  /** Undefined while the backend is being opened, or where input cannot be injected at all. */
  driver: () => InputDriver | undefined;
  availability: () => InputAvailability;
  slideProfile: () => SlideProfile;
  /** Observes how long each command took from frame received to injection returned (for npm run bench). */
  onExecuted?: (timing: ExecutionTiming) => void;
  /** How long a key may stay held without being pressed again (HELD_KEY_LIMIT_MS by default). */
  heldKeyLimitMs?: number;
  now?: () => number;
}

type DeltaJob = { kind: 'delta'; t: 'move' | 'scroll'; dx: number; dy: number; receivedAt: number };
type DiscreteJob = {
  kind: 'discrete';
  sessionId: string;
  command: DiscreteCommand;
  receivedAt: number;
  resolve: () => void;
  reject: (error: CommandRejected) => void;
};
type ReleaseJob = { kind: 'release'; sessionId: string; resolve: () => void };
/** A key held past the limit, released in its turn so it never overtakes a command that uses it. */
type OverdueJob = { kind: 'overdue'; sessionId: string; key: HoldableKey };
type Job = DeltaJob | DiscreteJob | ReleaseJob | OverdueJob;

export class Dispatcher {
  private readonly queue: Job[] = [];
  private running = false;
  private readonly held: HeldInputs;
  private scrollCarry = { x: 0, y: 0 };
  private readonly now: () => number;

  constructor(private readonly options: DispatcherOptions) {
    this.now = options.now ?? (() => performance.now());
    this.held = new HeldInputs({
      ...(options.heldKeyLimitMs === undefined ? {} : { limitMs: options.heldKeyLimitMs }),
      now: this.now,
      onOverdue: (sessionId, key) => {
        this.queue.push({ kind: 'overdue', sessionId, key });
        this.pump();
      },
    });
  }

  /** Calls back when a key this session held was released for being held too long; returns the unsubscribe. */
  onHeldTooLong(sessionId: string, listener: (key: HoldableKey) => void): () => void {
    return this.held.watch(sessionId, listener);
  }

  /** Pointer motion or scroll in pixels; may be summed with others, never dropped while input is available. */
  submitDelta(t: 'move' | 'scroll', dx: number, dy: number, receivedAt = this.now()): void {
    if (!this.canInject()) return;
    const tail = this.queue[this.queue.length - 1];
    if (tail?.kind === 'delta' && tail.t === t) {
      tail.dx += dx;
      tail.dy += dy;
      return;
    }
    this.queue.push({ kind: 'delta', t, dx, dy, receivedAt });
    this.pump();
  }

  /** Resolves once the command has been injected; rejects with the reason it was not. */
  submit(sessionId: string, command: DiscreteCommand, receivedAt = this.now()): Promise<void> {
    if (command.t === 'release') return this.releaseSession(sessionId);
    const availability = this.options.availability();
    if (!this.canInject()) return Promise.reject(new CommandRejected('input-unavailable', { issue: availability.code }));
    if (command.t === 'text') {
      const problem = this.options.driver()?.textProblem(command.text);
      if (problem) return Promise.reject(new CommandRejected('unsupported-text', { ...problem }));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ kind: 'discrete', sessionId, command, receivedAt, resolve, reject });
      this.pump();
    });
  }

  /**
   * Drops the session's commands that have not started and releases what it holds. Called when its
   * socket closes, times out or is revoked, and when the phone page goes to the background.
   */
  releaseSession(sessionId: string): Promise<void> {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const job = this.queue[i];
      if (job?.kind === 'discrete' && job.sessionId === sessionId) {
        this.queue.splice(i, 1);
        job.reject(new CommandRejected('session-closed'));
      }
    }
    return new Promise((resolve) => {
      this.queue.push({ kind: 'release', sessionId, resolve });
      this.pump();
    });
  }

  /** Releases everything every session holds (the host is stopping). */
  async releaseAll(): Promise<void> {
    await Promise.all(this.held.sessions().map((id) => this.releaseSession(id)));
  }

  heldButtons(sessionId: string): MouseButton[] {
    return this.held.heldButtons(sessionId);
  }

  heldKeys(sessionId: string): HoldableKey[] {
    return this.held.heldKeys(sessionId);
  }

  private canInject(): boolean {
    return this.options.driver() !== undefined && this.options.availability().status !== 'unavailable';
  }

  private pump(): void {
    if (this.running) return;
    this.running = true;
    void this.drain();
  }

  private async drain(): Promise<void> {
    try {
      for (let job = this.queue.shift(); job; job = this.queue.shift()) await this.run(job);
    } finally {
      this.running = false;
    }
  }

  private async run(job: Job): Promise<void> {
    const driver = this.options.driver();
    if (job.kind === 'release') {
      await this.releaseHeld(job.sessionId);
      job.resolve();
      return;
    }
    if (job.kind === 'overdue') return this.releaseOverdue(driver, job);
    if (!driver) {
      if (job.kind === 'discrete')
        job.reject(new CommandRejected('input-unavailable', { issue: this.options.availability().code }));
      return;
    }
    try {
      if (job.kind === 'delta') await this.runDelta(driver, job);
      else await this.runDiscrete(driver, job);
      this.options.onExecuted?.({
        kind: job.kind === 'delta' ? job.t : job.command.t,
        receivedAt: job.receivedAt,
        doneAt: this.now(),
      });
      if (job.kind === 'discrete') job.resolve();
    } catch (error) {
      if (job.kind === 'discrete') {
        const message = error instanceof Error ? error.message : String(error);
        job.reject(new CommandRejected('injection-failed', { error: message.slice(0, 200) }));
      }
    }
  }

  private async runDelta(driver: InputDriver, job: DeltaJob): Promise<void> {
    if (job.t === 'move') {
      if (job.dx !== 0 || job.dy !== 0) await driver.moveBy(job.dx, job.dy);
      return;
    }
    // Wheel steps are whole; the remainder waits for the next scroll so slow swipes still scroll.
    const x = this.scrollCarry.x + job.dx / SCROLL_PIXELS_PER_STEP;
    const y = this.scrollCarry.y + job.dy / SCROLL_PIXELS_PER_STEP;
    const stepsX = Math.trunc(x);
    const stepsY = Math.trunc(y);
    this.scrollCarry = { x: x - stepsX, y: y - stepsY };
    if (stepsX !== 0 || stepsY !== 0) await driver.scrollSteps(stepsX, stepsY);
  }

  private async runDiscrete(driver: InputDriver, job: DiscreteJob): Promise<void> {
    const { command } = job;
    switch (command.t) {
      case 'click':
        return driver.click(command.button, command.double ?? false);
      case 'button':
        await driver.setButton(command.button, command.down);
        this.held.setButton(job.sessionId, command.button, command.down);
        return;
      case 'key':
        return driver.tapKey(command.key, command.mods ?? []);
      case 'hold':
        return this.hold(driver, job.sessionId, command.key, command.down);
      case 'text':
        return driver.typeText(command.text);
      case 'media':
        return driver.tapMediaKey(command.action);
      case 'slide': {
        const stroke = this.options.slideProfile().keys[command.action];
        return driver.tapKey(stroke.key, stroke.mods);
      }
      case 'release':
        return this.releaseHeld(job.sessionId);
    }
  }

  private async hold(driver: InputDriver, sessionId: string, key: HoldableKey, down: boolean): Promise<void> {
    if (!down) {
      if (this.held.releaseKey(sessionId, key)) await driver.setKey(key, false);
      return;
    }
    // Pressed again by the same session: a renewal of the time limit, not a second press.
    if (!this.held.pressKey(sessionId, key)) return;
    try {
      await driver.setKey(key, true);
    } catch (error) {
      this.held.releaseKey(sessionId, key);
      throw error;
    }
  }

  private async releaseOverdue(driver: InputDriver | undefined, job: OverdueJob): Promise<void> {
    if (!this.held.isOverdue(job.sessionId, job.key)) return;
    const release = this.held.releaseKey(job.sessionId, job.key);
    if (release && driver) await letGo({ keys: [job.key], buttons: [] }, driver);
    this.held.tellReleased(job.sessionId, job.key);
  }

  private async releaseHeld(sessionId: string): Promise<void> {
    const released = this.held.takeSession(sessionId);
    const driver = this.options.driver();
    if (driver) await letGo(released, driver);
  }
}
