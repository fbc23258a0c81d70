/**
 * One WebSocket to the desktop, from challenge to close: answers the challenge, waits for the welcome
 * (the first encrypted frame, and the host's proof), then carries encrypted messages both ways. The
 * frame channel is the only thing here that touches bytes. A link is used once; the connection makes
 * a new one for every attempt.
 */
import {
  type AuthMessage,
  answerChallenge,
  type ByeReason,
  type ClientMessage,
  CloseCode,
  decodeServer,
  FrameChannel,
  type HandshakeInputs,
  type HostMessage,
  PROTOCOL_VERSION,
  WS_PATH,
} from '@deskremote/shared';
import { takeEarlySocket } from '../early-socket';
import type { LinkEnd } from './close-policy';

export interface LinkEvents {
  /** The pairing proof is sent; this is the code both screens show if the person at the computer is asked. */
  sentPairing(confirmCode: string): void;
  /** The host says its person is being asked to allow this phone. */
  approving(): void;
  open(deviceId: string): void;
  message(message: HostMessage): void;
  /** Nothing to prove: never paired and no code. */
  nothingToProve(): void;
  /** The host speaks another protocol: this page is out of date. */
  outdated(): void;
  /** The pairing succeeded: what the phone must keep to come back without a scan. */
  paired(deviceId: string, secret: string): void;
  end(end: LinkEnd): void;
}

export class Link {
  private readonly socket: WebSocket;
  private readonly channel = new FrameChannel<AuthMessage | ClientMessage, HostMessage>({
    plain: decodeServer,
    sealed: decodeServer,
  });
  private stage: 'challenge' | 'welcome' | 'open' | 'ended' = 'challenge';
  private pairing = false;
  private bye: ByeReason | undefined;
  private hostMismatch = false;
  /** What to keep if the welcome comes: saved only once it proves the host derived the same secret. */
  private pairedAs: { deviceId: string; secret: string } | undefined;
  lastHeard = performance.now();
  /** The phone's clock for `at` (lateness.ts): milliseconds since this link began. */
  private readonly began = performance.now();

  constructor(
    origin: string,
    private readonly inputs: () => HandshakeInputs,
    private readonly events: LinkEvents,
  ) {
    const url = `${origin.replace(/^http/, 'ws')}${WS_PATH}`;
    // The socket the page opened as it loaded, if any (the challenge may be waiting on it already).
    const early = takeEarlySocket(url);
    this.socket = early?.socket ?? new WebSocket(url);
    this.socket.binaryType = 'arraybuffer';
    this.socket.onmessage = (event) => this.onFrame(event.data);
    this.socket.onclose = (event) => this.finish(event.code);
    // Handled once the caller holds this link, before any frame that arrives later.
    if (early)
      queueMicrotask(() => {
        for (const data of early.frames) this.onFrame(data);
        if (early.closedWith !== undefined) this.finish(early.closedWith);
      });
  }

  get open(): boolean {
    return this.stage === 'open';
  }

  /** Bytes the socket has not sent yet (the delta sender holds back while the network is behind). */
  get backlog(): number {
    return this.socket.bufferedAmount;
  }

  /** Every message says when it was sent, so the host can refuse what reaches it too late to act on. */
  send(message: ClientMessage): void {
    if (this.stage !== 'open' || this.socket.readyState !== WebSocket.OPEN) return;
    const at = Math.round(performance.now() - this.began);
    this.socket.send(this.channel.encode({ ...message, at }));
  }

  /** Closes on purpose; `end` still reports, with the code given. */
  close(code: number = CloseCode.normal): void {
    if (this.socket.readyState === WebSocket.CONNECTING || this.socket.readyState === WebSocket.OPEN) this.socket.close(code);
    this.finish(code);
  }

  private onFrame(data: unknown) {
    if (this.stage === 'ended') return;
    this.lastHeard = performance.now();
    if (!(data instanceof ArrayBuffer)) return this.close(CloseCode.badMessage);
    const bytes = new Uint8Array(data);
    if (this.stage === 'challenge') return this.onChallenge(bytes);
    const decoded = this.channel.decode(bytes);
    if (!decoded.ok) {
      // Not the computer this phone paired with (the welcome did not decrypt), or an altered frame.
      if (this.stage === 'welcome') this.hostMismatch = true;
      return this.close(decoded.fatal ? CloseCode.normal : CloseCode.badMessage);
    }
    const message = decoded.message;
    if (this.stage === 'welcome') {
      if (message.t === 'approving' && this.pairing) return this.events.approving();
      if (message.t !== 'welcome') return this.close(CloseCode.badMessage);
      this.stage = 'open';
      if (this.pairedAs) this.events.paired(this.pairedAs.deviceId, this.pairedAs.secret);
      this.events.open(message.deviceId);
      return;
    }
    if (message.t === 'bye') {
      this.bye = message.reason;
      return;
    }
    this.events.message(message);
  }

  private onChallenge(bytes: Uint8Array) {
    const decoded = this.channel.decodePlain(bytes);
    if (!decoded.ok || decoded.message.t !== 'challenge') return this.close(CloseCode.badMessage);
    if (decoded.message.protocol !== PROTOCOL_VERSION) {
      this.stage = 'ended';
      this.socket.close(CloseCode.normal);
      return this.events.outdated();
    }
    const inputs = this.inputs();
    let answer: ReturnType<typeof answerChallenge>;
    try {
      answer = answerChallenge(decoded.message, inputs);
    } catch {
      return this.close(CloseCode.badMessage);
    }
    if (!answer) {
      this.stage = 'ended';
      this.socket.close(CloseCode.normal);
      return this.events.nothingToProve();
    }
    this.pairing = answer.pairing;
    this.socket.send(this.channel.encode(answer.message));
    this.channel.secure(answer.keys.phoneToHost, answer.keys.hostToPhone);
    this.stage = 'welcome';
    if (answer.pairing) {
      this.pairedAs = { deviceId: answer.message.deviceId, secret: answer.keys.deviceSecret };
      this.events.sentPairing(answer.keys.confirmCode);
    }
  }

  private finish(code: number): void {
    if (this.stage === 'ended') return;
    this.stage = 'ended';
    this.socket.onmessage = null;
    this.socket.onclose = null;
    this.events.end({
      code,
      pairing: this.pairing,
      ...(this.bye ? { bye: this.bye } : {}),
      ...(this.hostMismatch ? { hostMismatch: true } : {}),
    });
  }
}
