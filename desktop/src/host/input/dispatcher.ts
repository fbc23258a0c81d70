/**
 * The one queue between every session and the OS. Discrete commands run in arrival order, one at a
 * time, each reported back. Pointer and scroll deltas that arrive while the driver is busy are summed
 * into the delta waiting at the tail, so a stall is caught up in one step instead of replayed. What each
 * command means for the driver is command-meaning.ts; what is held down, held-inputs.ts.
 */
import type { DiscreteCommand, HoldableKey, InputAvailability, MouseButton, SlideProfileId } from '@deskremote/shared';
import type { SlideProfile } from '../presenter/slide-profiles.js';
import { Rejected } from '../session/rejected.js';
import { CommandMeaning, type DeltaKind, type SlideByApp } from './command-meaning.js';
import { HeldInputs } from './held-inputs.js';
import { InjectionBlocked, type InputDriver, type TextProgress } from './input-driver.js';

export { type DeltaKind, SCROLL_PIXELS_PER_STEP } from './command-meaning.js';

export interface ExecutionTiming {
  kind: DeltaKind | DiscreteCommand['t'];
  receivedAt: number;
  doneAt: number;
}

export interface DispatcherOptions {
  /** Undefined while the backend is being opened, or where input cannot be injected at all. */
  driver: () => InputDriver | undefined;
  availability: () => InputAvailability;
  slideProfile: (requested: SlideProfileId | undefined) => SlideProfile;
  /** Carries out a slide command through the slide app's remote control instead of keys, where it can. */
  slideByApp?: SlideByApp;
  /** Told when input was wanted but could not be injected (the portal backend asks for permission again). */
  onUnavailable?: () => void;
  /** Observes how long each command took from frame received to injection returned (for npm run bench). */
  onExecuted?: (timing: ExecutionTiming) => void;
  /** How long a key may stay held without being pressed again (HELD_KEY_LIMIT_MS by default). */
  heldKeyLimitMs?: number;
  now?: () => number;
}

type DeltaJob = { kind: 'delta'; t: DeltaKind; dx: number; dy: number; receivedAt: number };
type DiscreteJob = {
  kind: 'discrete';
  sessionId: string;
  command: DiscreteCommand;
  receivedAt: number;
  resolve: () => void;
  reject: (error: Rejected) => void;
  progress: TextProgress | undefined;
};
type ReleaseJob = { kind: 'release'; sessionId: string; resolve: () => void };
/** A key held past the limit, released in its turn so it never overtakes a command that uses it. */
type OverdueJob = { kind: 'overdue'; sessionId: string; key: HoldableKey };
type Job = DeltaJob | DiscreteJob | ReleaseJob | OverdueJob;

export class Dispatcher {
  private readonly queue: Job[] = [];
  private running = false;
  private readonly held: HeldInputs;
  private readonly meaning: CommandMeaning;
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
    this.meaning = new CommandMeaning(this.held, options.slideProfile, options.slideByApp);
  }

  /** Calls back when a key this session held was released for being held too long; returns the unsubscribe. */
  onHeldTooLong(sessionId: string, listener: (key: HoldableKey) => void): () => void {
    return this.held.watch(sessionId, listener);
  }

  /** Pointer motion or scroll in pixels; may be summed with others, never dropped while input is available. */
  submitDelta(t: DeltaKind, dx: number, dy: number, receivedAt = this.now()): void {
    if (!this.canInject()) {
      this.options.onUnavailable?.();
      return;
    }
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
  submit(sessionId: string, command: DiscreteCommand, receivedAt = this.now(), progress?: TextProgress): Promise<void> {
    if (command.t === 'release') return this.releaseSession(sessionId);
    const availability = this.options.availability();
    if (!this.canInject()) {
      this.options.onUnavailable?.();
      return Promise.reject(new Rejected('input-unavailable', { issue: availability.code }));
    }
    if (command.t === 'text') {
      const problem = this.options.driver()?.textProblem(command.text);
      if (problem) return Promise.reject(new Rejected('unsupported-text', { ...problem }));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ kind: 'discrete', sessionId, command, receivedAt, resolve, reject, progress });
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
        job.reject(new Rejected('session-closed'));
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
    // 'checking' is not yet known (the portal's dialog may be on screen): nothing is sent until it is.
    const { status } = this.options.availability();
    return this.options.driver() !== undefined && (status === 'ready' || status === 'limited');
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
      await this.meaning.releaseSession(driver, job.sessionId);
      job.resolve();
      return;
    }
    if (job.kind === 'overdue') return this.meaning.releaseOverdue(driver, job.sessionId, job.key);
    if (!driver) {
      if (job.kind === 'discrete') job.reject(new Rejected('input-unavailable', { issue: this.options.availability().code }));
      return;
    }
    try {
      if (job.kind === 'delta') await this.meaning.runDelta(driver, job.t, job.dx, job.dy);
      else await this.meaning.runDiscrete(driver, job.sessionId, job.command, job.progress);
      this.options.onExecuted?.({
        kind: job.kind === 'delta' ? job.t : job.command.t,
        receivedAt: job.receivedAt,
        doneAt: this.now(),
      });
      if (job.kind === 'discrete') job.resolve();
    } catch (error) {
      if (job.kind === 'discrete') {
        // A refusal that means something (the app has no such action) keeps its code.
        if (error instanceof Rejected) return job.reject(error);
        if (error instanceof InjectionBlocked) return job.reject(new Rejected('injection-failed', { why: error.why }));
        const message = error instanceof Error ? error.message : String(error);
        job.reject(new Rejected('injection-failed', { error: message.slice(0, 200) }));
      }
    }
  }
}
