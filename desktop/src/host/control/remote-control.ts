/**
 * The person at the computer's say over every phone: the pause switch, which stops all remote input at once,
 * and the mark while a phone is controlling the computer. While paused the phones see the input as 'paused'
 * (so the dispatcher refuses every input command with that code, queued ones included), commands that act on
 * the computer by other ways (the laser, media, volume) are refused at the command door, and held keys and
 * buttons are let go. Resumed, the phones see the backend's own availability again.
 */
import type { InputAvailability } from '@deskremote/shared';
import { CHECKING } from '../input/input-availability.js';
import type { FeatureCommandType } from '../session/feature-router.js';
import { Rejected } from '../session/rejected.js';
import { ControlActivity } from './activity.js';

const PAUSED: InputAvailability = { status: 'unavailable', code: 'paused' };
/** Feature commands that act on the computer: refused while paused (the timer and the preview are not). */
const PAUSED_FEATURES: ReadonlySet<FeatureCommandType> = new Set(['laser', 'media', 'seek', 'volume']);

export interface RemoteControlDeps {
  /** Puts what the phones see (and the dispatcher obeys) in the host's state. */
  publish(input: InputAvailability): void;
  releaseAllInput(): Promise<void>;
  /** A phone wants input: where a permission is needed (the Wayland portal), ask for it. */
  askForInput(): void;
  anyPhoneConnected(): boolean;
  controllingChanged(active: boolean): void;
  log(line: string): void;
}

export class RemoteControl {
  private pausedNow = false;
  private backend: InputAvailability = CHECKING;
  private readonly activity: ControlActivity;

  constructor(private readonly deps: RemoteControlDeps) {
    this.activity = new ControlActivity((active) => deps.controllingChanged(active));
  }

  get paused(): boolean {
    return this.pausedNow;
  }

  get controlling(): boolean {
    return this.activity.controlling;
  }

  /** What the input backend says of itself now. */
  backendSays(availability: InputAvailability): void {
    this.backend = availability;
    this.publish();
  }

  async setPaused(paused: boolean): Promise<void> {
    if (paused === this.pausedNow) return;
    this.pausedNow = paused;
    this.publish();
    this.deps.log(paused ? 'remote control paused' : 'remote control resumed');
    if (paused) await this.deps.releaseAllInput();
    else if (this.deps.anyPhoneConnected()) this.deps.askForInput();
  }

  /** Input was refused as unavailable: a reason to ask for permission, unless it is the pause that refused it. */
  inputWanted(): void {
    if (!this.pausedNow) this.deps.askForInput();
  }

  /** The command door's question before a feature command runs. */
  refusal(type: FeatureCommandType): Rejected | undefined {
    return this.pausedNow && PAUSED_FEATURES.has(type) ? new Rejected('input-unavailable', { issue: 'paused' }) : undefined;
  }

  /** Input was injected just now. */
  injected(): void {
    this.activity.injected();
  }

  stop(): void {
    this.activity.stop();
  }

  private publish(): void {
    this.deps.publish(this.pausedNow ? PAUSED : this.backend);
  }
}
