/**
 * The phone's one WebSocket to the desktop: authenticates (pairing with the QR token, or resuming with
 * the device secret), sends commands, receives state, keeps itself alive and comes back by itself.
 */
import {
  type AuthMessage,
  type ClientMessage,
  CloseCode,
  constantTimeEqual,
  type DiscreteCommandInput,
  decodeServer,
  deriveDeviceSecret,
  encodeMessage,
  HEARTBEAT_INTERVAL_MS,
  HEARTBEAT_TIMEOUT_MS,
  type HostState,
  hostProof,
  NONCE_BYTES,
  PROTOCOL_VERSION,
  type ProofContext,
  pairProof,
  randomId,
  resumeProof,
  type ServerMessage,
  WS_PATH,
} from '@deskremote/shared';
import { reconnectDelay } from './backoff.js';
import { credentialStore, type DeviceCredentials, newDeviceId } from './credentials.js';
import { type DeltaKind, DeltaSender } from './delta-sender.js';

export type LinkStatus =
  | { kind: 'connecting'; attempt: number }
  | { kind: 'open'; deviceId: string }
  | { kind: 'waiting'; attempt: number; retryInMs: number; reason: string }
  | { kind: 'unpaired'; reason: string }
  | { kind: 'paused' }
  | { kind: 'reloading' };

export interface LinkListener {
  status?: (status: LinkStatus) => void;
  state?: (state: HostState) => void;
  problem?: (message: string) => void;
}

export class CommandFailed extends Error {}

const ACK_TIMEOUT_MS = 5000;
const RELOAD_GUARD_KEY = 'deskremote.reloadedAt';

export class Connection {
  private socket: WebSocket | undefined;
  private statusValue: LinkStatus = { kind: 'connecting', attempt: 0 };
  private hostState: HostState | undefined;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeatTimer: ReturnType<typeof setInterval> | undefined;
  private lastHeard = 0;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: () => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }
  >();
  private readonly listeners = new Set<LinkListener>();
  private pairingToken: string | undefined;
  private stopped = false;
  private readonly deltas: DeltaSender;

  constructor(
    private readonly origin: string,
    pairingToken: string | undefined,
    private readonly deviceName: string,
  ) {
    this.pairingToken = pairingToken;
    this.deltas = new DeltaSender({
      backlog: () => this.socket?.bufferedAmount ?? 0,
      sendDelta: (kind, dx, dy) => this.sendRaw({ t: kind, dx, dy }),
    });
  }

  get status(): LinkStatus {
    return this.statusValue;
  }

  get state(): HostState | undefined {
    return this.hostState;
  }

  subscribe(listener: LinkListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    this.stopped = false;
    if (!this.pairingToken && !credentialStore.load()) {
      this.setStatus({ kind: 'unpaired', reason: 'no-pairing' });
      return;
    }
    this.open();
  }

  /** A QR code was opened in this tab while the page was open: pair again with its token, now. */
  pairWith(token: string): void {
    this.pairingToken = token;
    this.stopped = false;
    clearTimeout(this.retryTimer);
    const old = this.socket;
    // Detached first, so its close does not schedule a reconnect of its own.
    this.socket = undefined;
    this.stopHeartbeat();
    old?.close(CloseCode.normal, 'pairing again');
    this.attempt = 0;
    this.open();
  }

  /** Closes the socket on purpose (page hidden): the desktop releases whatever this phone held. */
  pause(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.retryTimer);
    if (this.socket && this.socket.readyState === WebSocket.OPEN) this.sendDiscrete({ t: 'release' }).catch(() => {});
    this.socket?.close(CloseCode.normal, 'page hidden');
    this.setStatus({ kind: 'paused' });
  }

  /** Connects now, skipping any backoff wait (page visible again, network back). */
  resume(): void {
    if (this.statusValue.kind === 'unpaired' || this.statusValue.kind === 'reloading') return;
    if (this.statusValue.kind === 'open' || this.statusValue.kind === 'connecting') return;
    clearTimeout(this.retryTimer);
    this.stopped = false;
    this.open();
  }

  addDelta(kind: DeltaKind, dx: number, dy: number): void {
    if (this.statusValue.kind === 'open') this.deltas.add(kind, dx, dy);
  }

  /** Resolves when the desktop has injected the command; rejects with what went wrong. */
  send(command: DiscreteCommandInput): Promise<void> {
    return this.sendDiscrete(command).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      for (const listener of this.listeners) listener.problem?.(message);
      throw error;
    });
  }

  private sendDiscrete(command: DiscreteCommandInput): Promise<void> {
    if (this.statusValue.kind !== 'open') return Promise.reject(new CommandFailed('not connected to the computer'));
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new CommandFailed('the computer did not answer'));
      }, ACK_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      this.sendRaw({ ...command, id } as ClientMessage);
    });
  }

  private open(): void {
    this.setStatus({ kind: 'connecting', attempt: this.attempt });
    const url = `${this.origin.replace(/^http/, 'ws')}${WS_PATH}`;
    const socket = new WebSocket(url);
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    let context: ProofContext | undefined;
    let derivedSecret: string | undefined;
    let pairing = false;

    socket.onmessage = (event) => {
      if (socket !== this.socket) return;
      this.lastHeard = performance.now();
      if (!(event.data instanceof ArrayBuffer)) return;
      const decoded = decodeServer(new Uint8Array(event.data));
      if (!decoded.ok) return;
      const message: ServerMessage = decoded.message;
      switch (message.t) {
        case 'challenge': {
          if (message.protocol !== PROTOCOL_VERSION) return this.reloadPage();
          const auth = this.authMessage(message.nonce);
          if (!auth) {
            socket.close(CloseCode.normal);
            return this.setStatus({ kind: 'unpaired', reason: 'no-pairing' });
          }
          context = auth.context;
          derivedSecret = auth.secret;
          pairing = auth.message.t === 'pair';
          this.sendRaw(auth.message);
          return;
        }
        case 'welcome': {
          if (!context || !derivedSecret || !constantTimeEqual(message.hostProof, hostProof(derivedSecret, context))) {
            socket.close(CloseCode.authFailed, 'host proof');
            return this.setStatus({ kind: 'unpaired', reason: 'host-mismatch' });
          }
          if (pairing) {
            credentialStore.save({ deviceId: message.deviceId, secret: derivedSecret });
            this.pairingToken = undefined;
          }
          this.attempt = 0;
          this.deltas.reset();
          this.startHeartbeat(socket);
          return this.setStatus({ kind: 'open', deviceId: message.deviceId });
        }
        case 'snapshot':
          return this.setState(message.state);
        case 'changes':
          return this.hostState && this.setState({ ...this.hostState, ...message.changes } as HostState);
        case 'ack':
        case 'error': {
          if (message.id === undefined) {
            if (message.t === 'error') for (const l of this.listeners) l.problem?.(message.message);
            return;
          }
          const waiting = this.pending.get(message.id);
          if (!waiting) return;
          this.pending.delete(message.id);
          clearTimeout(waiting.timer);
          if (message.t === 'ack') waiting.resolve();
          else waiting.reject(new CommandFailed(message.message));
          return;
        }
        case 'pong':
          return;
      }
    };

    socket.onclose = (event) => {
      if (socket !== this.socket) return;
      this.socket = undefined;
      this.stopHeartbeat();
      this.failPending('the connection closed');
      this.onClosed(event.code, event.reason, pairing);
    };
  }

  private authMessage(serverNonce: string): { message: AuthMessage; context: ProofContext; secret: string } | undefined {
    const clientNonce = randomId(NONCE_BYTES);
    const saved: DeviceCredentials | undefined = credentialStore.load();
    if (this.pairingToken) {
      const deviceId = saved?.deviceId ?? newDeviceId();
      const context = { serverNonce, clientNonce, deviceId };
      return {
        context,
        secret: deriveDeviceSecret(this.pairingToken, context),
        message: {
          t: 'pair',
          protocol: PROTOCOL_VERSION,
          deviceId,
          deviceName: this.deviceName,
          clientNonce,
          proof: pairProof(this.pairingToken, context),
        },
      };
    }
    if (!saved) return undefined;
    const context = { serverNonce, clientNonce, deviceId: saved.deviceId };
    return {
      context,
      secret: saved.secret,
      message: {
        t: 'resume',
        protocol: PROTOCOL_VERSION,
        deviceId: saved.deviceId,
        clientNonce,
        proof: resumeProof(saved.secret, context),
      },
    };
  }

  private onClosed(code: number, reason: string, wasPairing: boolean): void {
    if (code === CloseCode.reloadPage) {
      this.reloadPage();
      return;
    }
    if (code === CloseCode.unknownDevice) {
      credentialStore.clear();
      this.setStatus({ kind: 'unpaired', reason: reason || 'unknown-device' });
      return;
    }
    if (code === CloseCode.authFailed && wasPairing) {
      // The code from the QR is spent or wrong. A phone paired before can still come back with its secret.
      this.pairingToken = undefined;
      if (!credentialStore.load()) {
        this.setStatus({ kind: 'unpaired', reason: reason || 'pairing-failed' });
        return;
      }
    }
    if (this.stopped) return;
    const retryInMs = reconnectDelay(this.attempt);
    this.attempt++;
    this.setStatus({ kind: 'waiting', attempt: this.attempt, retryInMs, reason });
    this.retryTimer = setTimeout(() => this.open(), retryInMs);
  }

  private reloadPage(): void {
    const last = Number(sessionStorage.getItem(RELOAD_GUARD_KEY) ?? 0);
    this.setStatus({ kind: 'reloading' });
    if (Date.now() - last < 30_000) return;
    sessionStorage.setItem(RELOAD_GUARD_KEY, String(Date.now()));
    location.reload();
  }

  private startHeartbeat(socket: WebSocket): void {
    this.stopHeartbeat();
    this.heartbeatTimer = setInterval(() => {
      if (performance.now() - this.lastHeard > HEARTBEAT_TIMEOUT_MS) {
        // The desktop went silent (asleep, killed, Wi-Fi gone): drop the socket and start reconnecting.
        socket.close();
        if (socket === this.socket) {
          this.socket = undefined;
          this.stopHeartbeat();
          this.failPending('the computer stopped answering');
          this.onClosed(CloseCode.heartbeatTimeout, 'no answer', false);
        }
        return;
      }
      this.sendRaw({ t: 'ping', id: this.nextId++ });
    }, HEARTBEAT_INTERVAL_MS);
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
  }

  private failPending(reason: string): void {
    for (const [id, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      waiting.reject(new CommandFailed(reason));
      this.pending.delete(id);
    }
  }

  private sendRaw(message: ClientMessage | AuthMessage): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(encodeMessage(message));
  }

  private setStatus(status: LinkStatus): void {
    this.statusValue = status;
    for (const listener of this.listeners) listener.status?.(status);
  }

  private setState(state: HostState): void {
    this.hostState = state;
    for (const listener of this.listeners) listener.state?.(state);
  }
}
