/**
 * One phone's connection, from challenge to close. Before authentication exactly one message is
 * parsed, and only as an authentication message; after it, commands go to the dispatcher.
 */

import { randomBytes } from 'node:crypto';
import {
  AUTH_TIMEOUT_MS,
  type Capabilities,
  type ClientMessage,
  CloseCode,
  decodeAuth,
  decodeClient,
  type ErrorCode,
  encodeMessage,
  NONCE_BYTES,
  PROTOCOL_VERSION,
  type ServerMessage,
} from '@deskremote/shared';
import type { WebSocket } from 'ws';
import type { CommandRejected, Dispatcher } from '../input/dispatcher.js';
import type { AuthThrottle } from '../security/auth-throttle.js';
import type { Authenticator } from '../security/authenticator.js';
import { RateLimiter } from '../security/rate-limiter.js';
import type { HostStateStore } from './host-state.js';

export interface SessionDeps {
  authenticator: Authenticator;
  throttle: AuthThrottle;
  dispatcher: Dispatcher;
  state: HostStateStore;
  capabilities: Capabilities;
  /** Called once authenticated; the host closes an older session of the same device. */
  onAuthenticated: (session: Session, paired: boolean) => void;
  onClosed: (session: Session) => void;
  log: (line: string) => void;
  /** Silence from an authenticated phone for this long closes its session (and releases what it held). */
  heartbeatTimeoutMs: number;
}

/** Rejected discrete commands beyond this many in a row mean a misbehaving client: close it. */
const MAX_STRIKES = 50;

let nextSessionNumber = 1;

export class Session {
  readonly id = `s${nextSessionNumber++}`;
  private readonly nonce = randomBytes(NONCE_BYTES).toString('base64url');
  private phase: 'awaiting-auth' | 'authenticating' | 'open' | 'closed' = 'awaiting-auth';
  private lastHeard = performance.now();
  private strikes = 0;
  private readonly timers: NodeJS.Timeout[] = [];
  private unsubscribe: (() => void) | undefined;
  private readonly discreteLimit = new RateLimiter(60, 120);
  private readonly deltaLimit = new RateLimiter(2000, 1000);
  deviceId: string | undefined;
  deviceName: string | undefined;

  constructor(
    private readonly socket: WebSocket,
    readonly remoteAddress: string,
    private readonly deps: SessionDeps,
  ) {
    socket.binaryType = 'nodebuffer';
    socket.on('message', (data, isBinary) => this.onFrame(data as Buffer, isBinary));
    socket.on('close', () => this.onSocketClosed());
    socket.on('error', () => this.close(CloseCode.badMessage, 'socket error'));
    this.timers.push(setTimeout(() => this.close(CloseCode.authTimeout, 'authentication timed out'), AUTH_TIMEOUT_MS));
    this.send({ t: 'challenge', protocol: PROTOCOL_VERSION, nonce: this.nonce });
  }

  get authenticated(): boolean {
    return this.phase === 'open';
  }

  close(code: number, reason: string): void {
    if (this.phase === 'closed') return;
    this.teardown();
    this.socket.close(code, reason.slice(0, 120));
    // A client that does not answer the close handshake is cut off.
    setTimeout(() => this.socket.terminate(), 1000).unref();
  }

  private onFrame(data: Buffer, isBinary: boolean): void {
    this.lastHeard = performance.now();
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (this.phase === 'awaiting-auth') {
      this.phase = 'authenticating';
      void this.authenticate(bytes, isBinary);
      return;
    }
    if (this.phase === 'authenticating') {
      // Nothing beyond the first message is parsed before the session is authenticated.
      this.close(CloseCode.badMessage, 'a message arrived before authentication finished');
      return;
    }
    if (this.phase === 'open') this.onCommandFrame(bytes, isBinary, performance.now());
  }

  private async authenticate(bytes: Uint8Array, isBinary: boolean): Promise<void> {
    const { throttle, authenticator } = this.deps;
    const decoded = isBinary ? decodeAuth(bytes) : ({ ok: false, reason: 'frames must be binary' } as const);
    if (!decoded.ok) {
      if ('protocolMismatch' in decoded && decoded.protocolMismatch) {
        this.close(CloseCode.reloadPage, 'this page is out of date: reload it');
        return;
      }
      throttle.fail(this.remoteAddress);
      this.close(CloseCode.authFailed, `the first message must authenticate: ${decoded.reason}`);
      return;
    }
    const wait = throttle.delayFor(this.remoteAddress);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (this.phase !== 'authenticating') return;
    let outcome: Awaited<ReturnType<Authenticator['verify']>>;
    try {
      outcome = await authenticator.verify(decoded.message, this.nonce);
    } catch (error) {
      this.deps.log(`authentication error: ${error instanceof Error ? error.message : String(error)}`);
      this.close(CloseCode.authFailed, 'the host could not save the pairing; try again');
      return;
    }
    if (this.phase !== 'authenticating') return;
    if (!outcome.ok) {
      throttle.fail(this.remoteAddress);
      this.deps.log(`refused ${this.remoteAddress}: ${outcome.reason}`);
      this.close(outcome.unknownDevice ? CloseCode.unknownDevice : CloseCode.authFailed, outcome.reason);
      return;
    }
    throttle.succeed(this.remoteAddress);
    this.phase = 'open';
    this.deviceId = outcome.deviceId;
    this.deviceName = outcome.deviceName;
    clearTimeout(this.timers.shift());
    this.timers.push(setInterval(() => this.checkHeartbeat(), Math.min(1000, this.deps.heartbeatTimeoutMs / 4)));
    this.send({
      t: 'welcome',
      protocol: PROTOCOL_VERSION,
      deviceId: outcome.deviceId,
      hostProof: outcome.hostProof,
      capabilities: this.deps.capabilities,
    });
    this.deps.onAuthenticated(this, outcome.paired);
    this.send({ t: 'snapshot', state: this.deps.state.state });
    this.unsubscribe = this.deps.state.subscribe((changes) => this.send({ t: 'changes', changes }));
  }

  private onCommandFrame(bytes: Uint8Array, isBinary: boolean, receivedAt: number): void {
    const decoded = isBinary ? decodeClient(bytes) : ({ ok: false, reason: 'frames must be binary' } as const);
    if (!decoded.ok) {
      this.reject(undefined, 'bad-message', decoded.reason);
      return;
    }
    const message: ClientMessage = decoded.message;
    if (message.t === 'move' || message.t === 'scroll') {
      if (this.deltaLimit.take()) this.deps.dispatcher.submitDelta(message.t, message.dx, message.dy, receivedAt);
      return;
    }
    if (message.t === 'ping') {
      this.send({ t: 'pong', id: message.id });
      return;
    }
    if (!this.discreteLimit.take()) {
      this.reject(message.id, 'rate-limited', 'too many commands: slow down');
      return;
    }
    this.deps.dispatcher.submit(this.id, message, receivedAt).then(
      () => {
        this.strikes = 0;
        this.send({ t: 'ack', id: message.id });
      },
      (error: CommandRejected) => {
        if (error.code === 'session-closed') return;
        this.send({ t: 'error', id: message.id, code: error.code, message: error.message });
      },
    );
  }

  private reject(id: number | undefined, code: ErrorCode, message: string): void {
    this.send(id === undefined ? { t: 'error', code, message } : { t: 'error', id, code, message });
    if (++this.strikes > MAX_STRIKES) {
      this.close(
        code === 'rate-limited' ? CloseCode.rateLimited : CloseCode.badMessage,
        `too many rejected messages: ${message}`,
      );
    }
  }

  private checkHeartbeat(): void {
    if (performance.now() - this.lastHeard > this.deps.heartbeatTimeoutMs) {
      this.close(CloseCode.heartbeatTimeout, 'no heartbeat from the phone');
    }
  }

  private send(message: ServerMessage): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(encodeMessage(message));
  }

  private teardown(): void {
    const wasOpen = this.phase === 'open';
    this.phase = 'closed';
    for (const timer of this.timers) clearTimeout(timer);
    this.unsubscribe?.();
    if (wasOpen) void this.deps.dispatcher.releaseSession(this.id);
    this.deps.onClosed(this);
  }

  private onSocketClosed(): void {
    if (this.phase !== 'closed') this.teardown();
  }
}
