/**
 * The phone's connection to the desktop as the page sees it: one status, the desktop's state and the
 * last problem, as an immutable snapshot for useSyncExternalStore (so nothing that arrives before the
 * first render is lost). Underneath, a new Link per attempt, a heartbeat that notices a silent computer
 * within a second, quick knocks while the computer is away (a growing randomised delay where it is
 * busy), and the close policy.
 */
import {
  type ClientMessage,
  CloseCode,
  type CodeParams,
  type DiscreteCommandInput,
  HEARTBEAT_CHECK_MS,
  HEARTBEAT_INTERVAL_MS,
  HEARTBEAT_TIMEOUT_MS,
  type HostMessage,
  type HostState,
  type LaserMode,
  type PhoneSettingsMessage,
  type PreviewFrame,
  QUIET_AFTER_MS,
} from '@deskremote/shared';
import { reconnectDelay } from './backoff';
import { closeAction, type LinkEnd, type RetryReason, type StopReason } from './close-policy';
import { credentialStore, newDeviceId } from './credentials';
import { type DeltaKind, DeltaSender } from './delta-sender';
import { handOver, MOVED_FROM_PARAM } from './handover';
import { firstAnswering, knock, knockDelay, movedOrigins } from './knock';
import { Link } from './link';
import { CommandFailed, type ProblemCode, Requests } from './requests';

export type LinkStatus =
  | { kind: 'connecting'; attempt: number }
  /** The desktop is asking its person to allow this phone; both show this code. */
  | { kind: 'approving'; code: string }
  | { kind: 'open'; deviceId: string }
  /**
   * Between attempts: `retryInMs` until the next (a busy computer, or one that keeps refusing), or
   * undefined while the page knocks every half second for the computer to be back.
   */
  | { kind: 'waiting'; attempt: number; retryInMs: number | undefined; reason: RetryReason; awaySince: number }
  /** Cannot control the computer until the person scans a code (or, for some reasons, it comes back by itself). */
  | { kind: 'unpaired'; reason: StopReason }
  | { kind: 'paused' }
  /** Another tab of this phone took over. */
  | { kind: 'replaced' }
  | { kind: 'reloading' };

export interface Problem {
  code: ProblemCode | StopReason;
  params: CodeParams;
  at: number;
}

export interface ConnectionSnapshot {
  status: LinkStatus;
  state: HostState | undefined;
  problem: Problem | undefined;
  /** The host's clock minus this phone's, from the last state message (the talk timer counts in host time). */
  clockOffsetMs: number;
  /** A long command the host says is still running (a text being typed): characters done of total. */
  progress: { id: number; done: number; total: number } | undefined;
  /** What the host keeps for this phone (touchpad settings, deck of buttons); undefined until it says. */
  phoneSettings: Omit<PhoneSettingsMessage, 't'> | undefined;
  /** Open, but the computer has not answered for over QUIET_AFTER_MS (frozen, or the Wi-Fi stalled). */
  quiet: boolean;
}

const RELOAD_GUARD_KEY = 'deskremote.reloadedAt';

export class Connection {
  private link: Link | undefined;
  private snapshot: ConnectionSnapshot = {
    status: { kind: 'connecting', attempt: 0 },
    state: undefined,
    problem: undefined,
    progress: undefined,
    clockOffsetMs: 0,
    phoneSettings: undefined,
    quiet: false,
  };
  /** Preview frames that arrived, until the request that asked for them is settled. */
  private readonly frames = new Map<number, PreviewFrame>();
  /** A slide's notes that arrived, likewise. */
  private readonly notes = new Map<number, string>();
  private readonly listeners = new Set<() => void>();
  private readonly requests = new Requests();
  private readonly deltas: DeltaSender;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeatTimer: ReturnType<typeof setInterval> | undefined;
  /** Since when the computer has been out of reach (knocks get slower after a minute). */
  private awaySince: number | undefined;
  /** Attempts that failed right after a knock was answered: past a few, back off instead. */
  private failedAfterKnock = 0;
  private knockedBeforeConnect = false;
  private awayReason: RetryReason | undefined;
  /** Knocks in a row that nobody answered at the page's own origin. */
  private missedKnocks = 0;
  /** Where the host is: the page's own origin, or the same computer on another port (it had to move). */
  private target: string;
  private stopped = false;

  constructor(
    private readonly origin: string,
    private pairingToken: string | undefined,
    private readonly deviceName: string,
  ) {
    this.target = origin;
    this.deltas = new DeltaSender({
      backlog: () => this.link?.backlog ?? 0,
      sendDelta: (kind, dx, dy) => this.link?.send({ t: kind, dx, dy }),
    });
  }

  // ---- the store React reads

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ConnectionSnapshot => this.snapshot;

  get status(): LinkStatus {
    return this.snapshot.status;
  }

  private update(changes: Partial<ConnectionSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...changes };
    for (const listener of this.listeners) listener();
  }

  private setStatus(status: LinkStatus): void {
    this.update({ status });
  }

  /** Shows a problem for a few seconds (the page words its code). */
  report(code: ProblemCode | StopReason, params: CodeParams = {}): void {
    this.update({ problem: { code, params, at: Date.now() } });
  }

  // ---- lifecycle

  start(): void {
    this.stopped = false;
    if (!this.pairingToken && !credentialStore.load()) {
      this.setStatus({ kind: 'unpaired', reason: 'no-pairing' });
      return;
    }
    this.connect();
  }

  /** A QR code was opened in this tab while the page was open: pair again with its token, now. */
  pairWith(token: string): void {
    this.pairingToken = token;
    this.stopped = false;
    this.attempt = 0;
    this.drop();
    this.connect();
  }

  /** Closes the socket on purpose (page hidden): the desktop releases whatever this phone held. */
  pause(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.link?.open) this.sendDiscrete({ t: 'release' }).catch(() => {});
    this.drop();
    this.setStatus({ kind: 'paused' });
  }

  /** Connects now, skipping any backoff wait (page visible again, network back, "connect here"). */
  resume(): void {
    const kind = this.snapshot.status.kind;
    if (kind === 'reloading' || kind === 'open' || kind === 'connecting' || kind === 'approving') return;
    if (kind === 'unpaired' && !credentialStore.load() && !this.pairingToken) return;
    this.stopped = false;
    this.connect();
  }

  /** Motion while the computer is not answering is dropped: it would arrive too late to mean anything. */
  addDelta(kind: DeltaKind, dx: number, dy: number): void {
    if (this.snapshot.status.kind === 'open' && !this.snapshot.quiet) this.deltas.add(kind, dx, dy);
  }

  /**
   * Resolves when the desktop has injected the command; rejects (and shows) what went wrong. `onId` hears
   * the command's id, for matching the progress the host reports for it.
   */
  send(command: DiscreteCommandInput, onId?: (id: number) => void): Promise<void> {
    return this.sendDiscrete(command, onId).catch((error: unknown) => {
      if (error instanceof CommandFailed && error.code === 'too-late') this.reportLate(command.t, error.params);
      else if (error instanceof CommandFailed) this.report(error.code, error.params);
      throw error;
    });
  }

  /**
   * Sends and lets it go: a tap whose outcome nothing waits for. What goes wrong is shown all the same
   * (send reports it), so no caller swallows an error on its own.
   */
  fire(command: DiscreteCommandInput): void {
    this.send(command).catch(() => {});
  }

  /**
   * Says which taps did not happen because they reached the computer too late. Taps refused together
   * (three Nexts during a stall) are counted in one message, with the latest lateness.
   */
  private reportLate(what: string, params: CodeParams): void {
    const last = this.snapshot.problem;
    const together = last?.code === 'too-late' && Date.now() - last.at < 3000;
    const count = together ? Number(last.params.count ?? 1) + 1 : 1;
    const lateMs = Math.max(Number(params.lateMs ?? 0), together ? Number(last.params.lateMs ?? 0) : 0);
    this.report('too-late', { what, count, lateMs });
  }

  /** Asks for the next preview frame: one in flight, so a slow network gets the newest frame, not a backlog. */
  requestFrame(): Promise<PreviewFrame> {
    return this.requestImage({ t: 'preview' });
  }

  /** A player's album art, as a JPEG image frame. */
  requestArt(player: string): Promise<PreviewFrame> {
    return this.requestImage({ t: 'art', player });
  }

  /** The picture of slide `slide` of the running show, as the slide app made it. */
  requestSlidePicture(slide: number): Promise<PreviewFrame> {
    return this.requestImage({ t: 'showPicture', slide });
  }

  /** The notes of slide `slide` of the running show, as plain text. */
  async requestNotes(slide: number): Promise<string> {
    let asked = -1;
    try {
      await this.sendDiscrete({ t: 'showNotes', slide }, (id) => {
        asked = id;
      });
      return this.notes.get(asked) ?? '';
    } finally {
      this.notes.delete(asked);
    }
  }

  private requestImage(
    command: { t: 'preview' } | { t: 'art'; player: string } | { t: 'showPicture'; slide: number },
  ): Promise<PreviewFrame> {
    if (!this.link?.open) return Promise.reject(new CommandFailed('not-connected'));
    const { id, done } = this.requests.track();
    this.link.send({ ...command, id });
    return done.then(
      () => {
        const frame = this.frames.get(id);
        this.frames.delete(id);
        if (!frame) throw new CommandFailed('bad-message');
        return frame;
      },
      (error: unknown) => {
        this.frames.delete(id);
        throw error;
      },
    );
  }

  /** Where the laser dot is, as fractions of the screen (0..1); unanswered, like pointer moves. */
  sendLaser(mode: LaserMode, x: number, y: number): void {
    if (this.snapshot.status.kind !== 'open') return;
    const unit = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 65535);
    this.link?.send({ t: 'laser', mode, x: unit(x), y: unit(y) });
  }

  private sendDiscrete(command: DiscreteCommandInput, onId?: (id: number) => void): Promise<void> {
    if (!this.link?.open) return Promise.reject(new CommandFailed('not-connected'));
    const { id, done } = this.requests.track();
    onId?.(id);
    this.link.send({ ...command, id } as ClientMessage);
    return done;
  }

  // ---- one attempt after another

  private connect(): void {
    clearTimeout(this.retryTimer);
    this.drop();
    this.setStatus({ kind: 'connecting', attempt: this.attempt });
    let confirmCode: string | undefined;
    const link = new Link(
      this.target,
      () => ({ pairingToken: this.pairingToken, saved: credentialStore.load(), deviceName: this.deviceName, newDeviceId }),
      {
        sentPairing: (code) => {
          confirmCode = code;
        },
        approving: () => {
          if (this.link === link && !link.open && confirmCode) this.setStatus({ kind: 'approving', code: confirmCode });
        },
        paired: (deviceId, secret) => {
          credentialStore.save({ deviceId, secret });
          this.pairingToken = undefined;
        },
        open: (deviceId) => {
          this.attempt = 0;
          this.failedAfterKnock = 0;
          this.awaySince = undefined;
          this.awayReason = undefined;
          this.deltas.reset();
          this.requests.extend();
          this.startHeartbeat(link);
          this.missedKnocks = 0;
          this.update({ status: { kind: 'open', deviceId }, quiet: false });
          if (this.target !== this.origin) void this.moveTo(this.target);
        },
        message: (message) => this.onMessage(message),
        nothingToProve: () => {
          this.link = undefined;
          this.setStatus({ kind: 'unpaired', reason: 'no-pairing' });
        },
        outdated: () => {
          this.link = undefined;
          this.reloadPage();
        },
        end: (end) => {
          if (this.link !== link) return;
          this.link = undefined;
          // Another port that did not work out (not this computer's host after all, or gone again):
          // back to the page's own origin. An encrypted goodbye still counts: only the host can send it.
          const elsewhere = this.target !== this.origin;
          this.target = this.origin;
          this.afterEnd(elsewhere && !end.bye ? { code: CloseCode.normal, pairing: false } : end);
        },
      },
    );
    this.link = link;
  }

  /** Detaches and closes the current link without reacting to its end. */
  private drop(): void {
    clearTimeout(this.retryTimer);
    this.stopHeartbeat();
    const old = this.link;
    this.link = undefined;
    old?.close(CloseCode.normal);
    this.requests.failAll('connection-closed');
    if (this.snapshot.progress) this.update({ progress: undefined });
  }

  private onMessage(message: HostMessage) {
    switch (message.t) {
      case 'snapshot':
        return this.update({ state: message.state, clockOffsetMs: message.now - Date.now() });
      case 'changes':
        if (this.snapshot.state)
          this.update({
            state: { ...this.snapshot.state, ...message.changes } as HostState,
            clockOffsetMs: message.now - Date.now(),
          });
        return;
      case 'frame':
        this.frames.set(message.id, message);
        return this.requests.settle(message.id);
      case 'showNotes':
        this.notes.set(message.id, message.text);
        return this.requests.settle(message.id);
      case 'phoneSettings':
        return this.update({ phoneSettings: { touchpad: message.touchpad, deck: message.deck } });
      case 'progress':
        this.requests.extend();
        return this.update({ progress: { id: message.id, done: message.done, total: message.total } });
      case 'ack':
        this.endProgress(message.id);
        return this.requests.settle(message.id);
      case 'error':
        if (message.id === undefined) return this.report(message.code, message.params ?? {});
        this.endProgress(message.id);
        return this.requests.settle(message.id, new CommandFailed(message.code, message.params ?? {}));
      default:
        return;
    }
  }

  private endProgress(id: number): void {
    if (this.snapshot.progress?.id === id) this.update({ progress: undefined });
  }

  private afterEnd(end: LinkEnd) {
    this.stopHeartbeat();
    this.requests.failAll('connection-closed');
    const action = closeAction(end);
    switch (action.kind) {
      case 'forget':
        credentialStore.clear();
        return this.setStatus({ kind: 'unpaired', reason: action.reason });
      case 'reload':
        return this.reloadPage();
      case 'replaced':
        this.stopped = true;
        return this.setStatus({ kind: 'replaced' });
      case 'pairing-failed':
        this.pairingToken = undefined;
        if (!credentialStore.load()) return this.setStatus({ kind: 'unpaired', reason: action.reason });
        // Paired before: say why the new code failed, and come back as the phone it already is.
        this.report(action.reason);
        return this.retry('lost');
      case 'unrecognized':
        // Shown, but the saved pairing stays and the phone keeps trying slowly: a forged close code or
        // a stranger's computer at this address must not strand it.
        this.setStatus({ kind: 'unpaired', reason: action.reason });
        return this.schedule(reconnectDelay(this.attempt++ + 4));
      case 'retry':
        return this.retry(action.reason);
    }
  }

  /**
   * Tries again. A computer that went away (closed, restarted, out of reach) is knocked for every half
   * second, so the phone is back within a second of it listening; one that answered but refused (busy
   * with other phones, or failing right after each knock) gets the growing randomised delay, so many
   * phones do not knock at once.
   */
  private retry(reason: RetryReason): void {
    if (this.stopped) return;
    if (this.knockedBeforeConnect) this.failedAfterKnock++;
    this.awaySince ??= Date.now();
    const awaySince = this.awaySince;
    // The first reason is the one worth telling ("closed on the computer"); the attempts that fail after
    // it while the computer is away would each say "the connection dropped". A busy computer says so.
    if (reason === 'busy' || this.awayReason === undefined) this.awayReason = reason;
    reason = this.awayReason;
    this.attempt++;
    if (reason === 'busy' || this.failedAfterKnock >= 3) {
      const retryInMs = reconnectDelay(this.attempt);
      this.setStatus({ kind: 'waiting', attempt: this.attempt, retryInMs, reason, awaySince });
      this.knockedBeforeConnect = false;
      this.schedule(retryInMs);
      return;
    }
    this.setStatus({ kind: 'waiting', attempt: this.attempt, retryInMs: undefined, reason, awaySince });
    this.knockUntilBack();
  }

  private knockUntilBack(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(
      async () => {
        const stillWaiting = () => !this.stopped && !this.link && this.snapshot.status.kind === 'waiting';
        const answered = await knock(this.origin);
        if (!stillWaiting()) return;
        if (answered) {
          this.missedKnocks = 0;
          this.knockedBeforeConnect = true;
          return this.connect();
        }
        // Nobody at the page's own port for a while: the host may have found it taken and moved to the
        // next free one. Looked for every few knocks (a paired phone only: a pairing is what moves).
        if (++this.missedKnocks % 4 === 2 && !this.pairingToken && credentialStore.load()) {
          const moved = await firstAnswering(movedOrigins(this.origin));
          if (!stillWaiting()) return;
          if (moved) {
            this.target = moved;
            this.knockedBeforeConnect = true;
            return this.connect();
          }
        }
        this.knockUntilBack();
      },
      knockDelay(Date.now() - (this.awaySince ?? Date.now())),
    );
  }

  /**
   * The host answered on another port of this computer (its own was taken) and welcomed this phone:
   * the pairing goes to that origin and the page opens there, saying what happened. Where the pairing
   * cannot be handed over, this page stays connected there and says so.
   */
  private async moveTo(target: string): Promise<void> {
    const saved = credentialStore.load();
    const from = new URL(this.origin).port;
    const port = new URL(target).port;
    if (!saved || !(await handOver(target, saved))) return this.report('host-moved-unsaved', { port, from });
    if (this.target !== target) return;
    this.stopped = true;
    this.drop();
    this.setStatus({ kind: 'reloading' });
    location.replace(`${target}/?${MOVED_FROM_PARAM}=${encodeURIComponent(from)}`);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.knockedBeforeConnect = false;
      this.connect();
    }, ms);
  }

  private reloadPage(): void {
    this.stopped = true;
    const last = Number(sessionStorage.getItem(RELOAD_GUARD_KEY) ?? 0);
    this.setStatus({ kind: 'reloading' });
    if (Date.now() - last < 30_000) return;
    sessionStorage.setItem(RELOAD_GUARD_KEY, String(Date.now()));
    location.reload();
  }

  /**
   * Pings several times a second and watches the answers: silence over QUIET_AFTER_MS is said at once
   * (the socket stays, and commands wait for their answer instead of timing out: a computer that wakes
   * up says which taps came too late); silence over HEARTBEAT_TIMEOUT_MS closes it and looks anew.
   */
  private startHeartbeat(link: Link): void {
    this.stopHeartbeat();
    let lastPing = Number.NEGATIVE_INFINITY;
    this.heartbeatTimer = setInterval(() => {
      const now = performance.now();
      const silence = now - link.lastHeard;
      if (silence > HEARTBEAT_TIMEOUT_MS) {
        // The desktop went silent (asleep, killed, Wi-Fi gone): drop the socket and start reconnecting.
        link.close(CloseCode.heartbeatTimeout);
        return;
      }
      const quiet = silence > QUIET_AFTER_MS;
      if (quiet !== this.snapshot.quiet) {
        if (quiet) {
          this.requests.hold();
          this.deltas.reset();
        } else this.requests.extend();
        this.update({ quiet });
      }
      if (now - lastPing >= HEARTBEAT_INTERVAL_MS) {
        lastPing = now;
        link.send({ t: 'ping', id: this.requests.untracked() });
      }
    }, HEARTBEAT_CHECK_MS);
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
    if (this.snapshot.quiet) this.update({ quiet: false });
  }
}
