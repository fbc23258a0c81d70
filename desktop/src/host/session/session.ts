/**
 * One phone's connection, from challenge to close. Before authentication exactly one message is
 * parsed, and only as an authentication message; a new phone then waits for approval; from the welcome
 * on, every frame is encrypted by the frame channel and commands go to the dispatcher.
 */

import { randomBytes } from 'node:crypto';
import {
  AUTH_TIMEOUT_MS,
  type AuthMessage,
  type ByeReason,
  type ClientMessage,
  CloseCode,
  type CodeParams,
  decodeAuth,
  decodeClient,
  type ErrorCode,
  FrameChannel,
  type HostMessage,
  type KeyAgreement,
  lateLimitMs,
  MOTION_TYPES,
  NONCE_BYTES,
  PROTOCOL_VERSION,
} from '@deskremote/shared';
import type { WebSocket } from 'ws';
import type { DeviceStore } from '../devices/device-store.js';
import type { Dispatcher } from '../input/dispatcher.js';
import type { Approvals } from '../pairing/approvals.js';
import type { Authenticator, AuthOutcome, ChallengeSecrets } from '../pairing/authenticator.js';
import { completePairing } from '../pairing/complete-pairing.js';
import type { PairingToken } from '../pairing/pairing-token.js';
import type { AuthThrottle } from '../security/auth-throttle.js';
import { RateLimiter } from '../security/rate-limiter.js';
import { commandProgress } from './command-progress.js';
import { type FeatureCommand, type FeatureRouter, isFeatureCommand, type SessionPort } from './feature-router.js';
import type { HostStateStore } from './host-state.js';
import { PhoneClock } from './phone-clock.js';
import { Rejected } from './rejected.js';
import { StateFeed } from './state-feed.js';
import { UNREAD_HARD_BYTES } from './unread-limits.js';

export interface SessionDeps {
  authenticator: Authenticator;
  throttle: AuthThrottle;
  approvals: Approvals;
  token: PairingToken;
  devices: DeviceStore;
  keyAgreement: KeyAgreement;
  dispatcher: Dispatcher;
  /** The timer, the preview and the laser: commands that are not input. */
  features: FeatureRouter;
  state: HostStateStore;
  /**
   * Called once the phone's proof arrived (its one message before the welcome, parsed): from then on it waits
   * in the throttle's queue, bounded by the throttle's own limits, and is no longer an idle stranger to evict.
   */
  onProofSent: (session: Session) => void;
  /** Called once the welcome is sent; the host closes an older session of the same device. */
  onAuthenticated: (session: Session, paired: boolean) => void;
  onClosed: (session: Session) => void;
  log: (line: string) => void;
  /**
   * Silence from an authenticated phone for this long closes its session (and releases what it held);
   * only time the host itself was running counts.
   */
  heartbeatTimeoutMs: number;
  /** A message that came too late to act on was dropped (motion) or refused (a tap). */
  onLate?: (kind: ClientMessage['t'], lateMs: number) => void;
}

export interface PeerInfo {
  address: string;
  userAgent: string | undefined;
}

/** Rejected discrete commands beyond this many in a row mean a misbehaving client: close it. */
const MAX_STRIKES = 50;

let nextSessionNumber = 1;

type Phase = 'awaiting-auth' | 'authenticating' | 'approving' | 'open' | 'closed';

export class Session implements SessionPort {
  readonly id = `s${nextSessionNumber++}`;
  private phase: Phase = 'awaiting-auth';
  private readonly challenge: ChallengeSecrets;
  private readonly channel = new FrameChannel<HostMessage, ClientMessage, AuthMessage>({
    plain: decodeAuth,
    sealed: decodeClient,
  });
  private readonly ended = new AbortController();
  private lastHeard = performance.now();
  /** When the silence check last ran: a long gap means the host itself was frozen, not the phone silent. */
  private lastCheckAt = performance.now();
  private readonly phoneClock = new PhoneClock();
  private strikes = 0;
  /** Past the unread limit: closing at the end of this turn. */
  private lettingGo = false;
  private authTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private stopHeldWatch: (() => void) | undefined;
  private readonly discreteLimit = new RateLimiter(60, 120);
  private readonly deltaLimit = new RateLimiter(2000, 1000);
  deviceId: string | undefined;
  deviceName: string | undefined;

  constructor(
    private readonly socket: WebSocket,
    readonly peer: PeerInfo,
    private readonly deps: SessionDeps,
  ) {
    socket.binaryType = 'nodebuffer';
    socket.on('message', (data, isBinary) => {
      // No frame can end the process: whatever slips through closes this socket alone.
      try {
        this.onFrame(data as Buffer, isBinary);
      } catch (error) {
        deps.log(`frame failed: ${error instanceof Error ? error.message : String(error)}`);
        this.close(CloseCode.badMessage);
      }
    });
    socket.on('close', () => this.onSocketClosed());
    socket.on('error', () => this.close(CloseCode.badMessage));
    this.authTimer = setTimeout(() => this.close(CloseCode.authTimeout), AUTH_TIMEOUT_MS);
    const pair = deps.keyAgreement.generate();
    this.challenge = {
      nonce: randomBytes(NONCE_BYTES).toString('base64url'),
      publicKey: Buffer.from(pair.publicKey).toString('base64url'),
      secretKey: pair.secretKey,
    };
    this.send({ t: 'challenge', protocol: PROTOCOL_VERSION, nonce: this.challenge.nonce, key: this.challenge.publicKey });
  }

  get authenticated(): boolean {
    return this.phase === 'open';
  }

  get bufferedBytes(): number {
    return this.socket.bufferedAmount;
  }

  get remoteAddress(): string {
    return this.peer.address;
  }

  /** Close codes carry no sentence: the phone words them in its reader's language. */
  close(code: number): void {
    if (this.phase === 'closed') return;
    this.teardown();
    this.socket.close(code);
    // A client that does not answer the close handshake is cut off.
    setTimeout(() => this.socket.terminate(), 1000).unref();
  }

  /** Says why inside the encrypted channel (the only word the phone trusts), then closes. */
  bye(reason: ByeReason, code: number): void {
    if (this.phase === 'open') this.sendNow({ t: 'bye', reason });
    this.close(code);
  }

  private onFrame(data: Buffer, isBinary: boolean): void {
    this.lastHeard = performance.now();
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    switch (this.phase) {
      case 'awaiting-auth':
        this.phase = 'authenticating';
        void this.authenticate(bytes, isBinary).catch((error: unknown) => {
          this.deps.log(`authentication error: ${error instanceof Error ? error.message : String(error)}`);
          this.close(CloseCode.authFailed);
        });
        return;
      case 'authenticating':
      case 'approving':
        // Nothing beyond the first message is parsed before the welcome; a hurried client is closed
        // and nothing it proved is spent.
        this.close(CloseCode.badMessage);
        return;
      case 'open':
        this.onCommandFrame(bytes, isBinary, performance.now());
        return;
      case 'closed':
        return;
    }
  }

  private async authenticate(bytes: Uint8Array, isBinary: boolean): Promise<void> {
    const decoded = isBinary ? this.channel.decodePlain(bytes) : ({ ok: false, reason: 'frames must be binary' } as const);
    if (!decoded.ok) {
      this.close('protocolMismatch' in decoded && decoded.protocolMismatch ? CloseCode.reloadPage : CloseCode.authFailed);
      return;
    }
    this.deps.onProofSent(this);
    const { message } = decoded;
    const namesPairedDevice = message.t === 'resume' && this.deps.devices.get(message.deviceId) !== undefined;
    const admission = await this.deps.throttle.admit(this.peer.address, this.ended.signal, { namesPairedDevice });
    if (!admission.granted) {
      this.close(CloseCode.tryLater);
      return;
    }
    let outcome: AuthOutcome;
    try {
      outcome = this.deps.authenticator.verify(message, this.challenge);
    } catch (error) {
      admission.finish('failure');
      throw error;
    }
    admission.finish(outcome.ok ? 'success' : 'failure');
    if (this.phase !== 'authenticating') return;
    if (!outcome.ok) {
      this.deps.log(`refused ${this.peer.address}: ${outcome.why}`);
      this.close(outcome.close);
      return;
    }
    if (outcome.kind === 'pair' && !(await this.approve(outcome))) return;
    this.open(outcome);
  }

  /** A new phone waits for the person at the computer; its token is spent only if the answer is yes. */
  private async approve(outcome: Extract<AuthOutcome, { ok: true; kind: 'pair' }>): Promise<boolean> {
    this.phase = 'approving';
    clearTimeout(this.authTimer);
    const result = await completePairing(this.deps, {
      outcome,
      peer: this.peer,
      signal: this.ended.signal,
      stillWaiting: () => this.phase === 'approving',
      onConflict: () => this.close(CloseCode.codeConflict),
      // Said inside the channel the token's keys secure: only the host holding the token can say it.
      onAsking: () => {
        this.channel.secure(outcome.keys.hostToPhone, outcome.keys.phoneToHost);
        this.sendNow({ t: 'approving' });
      },
    });
    if (!result.ok && result.close !== undefined) this.close(result.close);
    return result.ok && this.phase === 'approving';
  }

  private open(outcome: Extract<AuthOutcome, { ok: true }>): void {
    this.phase = 'open';
    this.deviceId = outcome.deviceId;
    this.deviceName = outcome.deviceName;
    clearTimeout(this.authTimer);
    this.lastCheckAt = performance.now();
    this.heartbeatTimer = setInterval(() => this.checkHeartbeat(), this.heartbeatCheckMs);
    if (!this.channel.secured) this.channel.secure(outcome.keys.hostToPhone, outcome.keys.phoneToHost);
    this.send({ t: 'welcome', protocol: PROTOCOL_VERSION, deviceId: outcome.deviceId });
    this.deps.onAuthenticated(this, outcome.kind === 'pair');
    if (this.phase !== 'open') return;
    this.send({ t: 'snapshot', state: this.deps.state.state, now: Date.now() });
    // Changes only as fast as the phone reads them (state-feed.ts).
    const feed = new StateFeed(this, () => this.deps.state.state);
    const unsubscribe = this.deps.state.subscribe((changes) => feed.changed(changes));
    this.unsubscribe = () => {
      unsubscribe();
      feed.stop();
    };
    this.deps.features.sessionOpened(this);
    // The phone shows its modifier as locked until told otherwise: say so when the host let go of it.
    this.stopHeldWatch = this.deps.dispatcher.onHeldTooLong(this.id, (key) =>
      this.send({ t: 'error', code: 'held-too-long', params: { key } }),
    );
  }

  private onCommandFrame(bytes: Uint8Array, isBinary: boolean, receivedAt: number): void {
    // Plaintext, altered, replayed or reordered: the channel cannot be trusted any more.
    const decoded = isBinary ? this.channel.decode(bytes) : { ok: false as const, reason: 'text frame', fatal: true };
    if (!decoded.ok) {
      if (decoded.fatal) {
        this.deps.log(`closed ${this.deviceName ?? this.id}: ${decoded.reason}`);
        this.close(CloseCode.cipherFailed);
      } else this.reject(undefined, 'bad-message');
      return;
    }
    const message: ClientMessage = decoded.message;
    if (this.tooLate(message, receivedAt)) return;
    if (message.t === 'move' || message.t === 'scroll' || message.t === 'zoom') {
      if (this.deltaLimit.take()) this.deps.dispatcher.submitDelta(message.t, message.dx, message.dy, receivedAt);
      return;
    }
    if (message.t === 'ping') {
      this.send({ t: 'pong', id: message.id });
      return;
    }
    if (message.t === 'laser') {
      // As frequent as pointer moves, and like them unanswered: the dot follows the finger or it does not.
      if (this.deltaLimit.take()) void this.deps.features.run(this, message).catch(() => {});
      return;
    }
    if (!this.discreteLimit.take()) {
      this.reject(message.id, 'rate-limited');
      return;
    }
    if (isFeatureCommand(message)) {
      this.runFeature(message);
      return;
    }
    // Only a text can run for seconds; the phone renews every waiting deadline on its progress, so the
    // commands queued behind it need no timer of their own (a click or a key costs none).
    const running = message.t === 'text' ? commandProgress(message.id, (progress) => this.send(progress)) : undefined;
    this.deps.dispatcher.submit(this.id, message, receivedAt, running?.progress).then(
      () => {
        running?.stop();
        this.strikes = 0;
        this.send({ t: 'ack', id: message.id });
      },
      (error: Rejected) => {
        running?.stop();
        if (error.code === 'session-closed') return;
        this.send({ t: 'error', id: message.id, code: error.code, params: error.params });
      },
    );
  }

  /**
   * Whether the message reached the host too late to act on (see lateness.ts). Motion is dropped
   * unanswered (the next motion carries on from where the pointer is); a tap is refused with how late it
   * was, so the phone can say it did not happen.
   */
  private tooLate(message: ClientMessage, readAt: number): boolean {
    if (message.at === undefined) return false;
    const lateMs = MOTION_TYPES.has(message.t)
      ? this.phoneClock.latenessOfShort(message.at, readAt)
      : this.phoneClock.lateness(message.at, readAt);
    const limitMs = lateLimitMs(message);
    if (limitMs === undefined || lateMs <= limitMs) return false;
    this.deps.onLate?.(message.t, lateMs);
    if ('id' in message)
      this.send({ t: 'error', id: message.id, code: 'too-late', params: { lateMs: Math.round(lateMs), limitMs } });
    return true;
  }

  private runFeature(message: Exclude<FeatureCommand, { t: 'laser' }>): void {
    this.deps.features.run(this, message).then(
      (outcome) => {
        this.strikes = 0;
        if (outcome === 'ack') this.send({ t: 'ack', id: message.id });
      },
      (error: unknown) => {
        if (error instanceof Rejected) {
          if (error.code !== 'session-closed') this.reject(message.id, error.code, error.params);
        } else {
          this.deps.log(`${message.t} failed: ${error instanceof Error ? error.message : String(error)}`);
          this.reject(message.id, 'bad-message');
        }
      },
    );
  }

  private reject(id: number | undefined, code: ErrorCode, params?: CodeParams): void {
    const said = params && Object.keys(params).length > 0 ? { params } : {};
    this.send({ t: 'error', ...(id === undefined ? {} : { id }), code, ...said });
    if (++this.strikes > MAX_STRIKES) this.close(code === 'rate-limited' ? CloseCode.rateLimited : CloseCode.badMessage);
  }

  private get heartbeatCheckMs(): number {
    return Math.min(250, this.deps.heartbeatTimeoutMs / 4);
  }

  private checkHeartbeat(): void {
    const now = performance.now();
    const sinceCheck = now - this.lastCheckAt;
    this.lastCheckAt = now;
    // This check ran late: the host itself was frozen (a stopped process, a laptop that slept), and the
    // phone's frames are waiting unread in the socket. That time is not the phone's silence.
    if (sinceCheck > 4 * this.heartbeatCheckMs) this.lastHeard += sinceCheck - this.heartbeatCheckMs;
    if (now - this.lastHeard > this.deps.heartbeatTimeoutMs) this.close(CloseCode.heartbeatTimeout);
  }

  send(message: HostMessage): void {
    if (this.phase === 'open' || message.t === 'challenge') this.sendNow(message);
  }

  private sendNow(message: HostMessage): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    this.socket.send(this.channel.encode(message));
    // A phone that stopped reading is let go, and its backlog with it (unread-limits.ts). Closed after this
    // turn, not in the middle of whatever is sending (opening the session, a loop over the phones).
    if (this.socket.bufferedAmount <= UNREAD_HARD_BYTES || this.phase === 'closed' || this.lettingGo) return;
    this.lettingGo = true;
    this.deps.log(`closed ${this.deviceName ?? this.id}: ${this.socket.bufferedAmount} bytes it did not read`);
    queueMicrotask(() => this.close(CloseCode.fellBehind));
  }

  private teardown(): void {
    const wasOpen = this.phase === 'open';
    this.phase = 'closed';
    clearTimeout(this.authTimer);
    clearInterval(this.heartbeatTimer);
    this.ended.abort();
    this.unsubscribe?.();
    this.stopHeldWatch?.();
    if (wasOpen) {
      void this.deps.dispatcher.releaseSession(this.id);
      this.deps.features.sessionClosed(this);
    }
    this.deps.onClosed(this);
  }

  private onSocketClosed(): void {
    if (this.phase !== 'closed') this.teardown();
  }
}
