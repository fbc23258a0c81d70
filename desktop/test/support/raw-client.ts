/**
 * A bare WebSocket client that speaks the protocol by hand, for tests that misbehave on purpose. Plain
 * frames until `secure`, then the same frame channel as the phone; every frame it sends is kept, so a
 * test can replay, reorder or alter one.
 */
import {
  type AuthMessage,
  type ClientMessage,
  decodeServer,
  FrameChannel,
  type HostMessage,
  type SessionKeys,
  WS_PATH,
} from '@deskremote/shared';
import WebSocket from 'ws';

export interface RawClient {
  socket: WebSocket;
  challenge: Extract<HostMessage, { t: 'challenge' }>;
  messages: HostMessage[];
  /** Every frame this client sent, as it went on the wire. */
  sent: Uint8Array[];
  send(message: AuthMessage | ClientMessage): void;
  sendBytes(bytes: Uint8Array | string, binary?: boolean): void;
  /** Seals arbitrary bytes as the next frame: garbage that passes the cipher, to test the decoder. */
  sendSealed(plaintext: Uint8Array): void;
  /** From now on frames are encrypted both ways with these keys. */
  secure(keys: SessionKeys): void;
  closed: Promise<{ code: number; reason: string }>;
  next(type: HostMessage['t'], timeoutMs?: number): Promise<HostMessage>;
}

export function upgradeStatus(port: number, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}${WS_PATH}`, { headers });
    socket.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('error', (error) => {
      if (!String(error.message).includes('Unexpected server response')) reject(error);
    });
  });
}

export function connectRaw(
  port: number,
  origin = `http://127.0.0.1:${port}`,
  options: { localAddress?: string } = {},
): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}${WS_PATH}`, { origin, ...options });
    const channel = new FrameChannel<AuthMessage | ClientMessage, HostMessage>({ plain: decodeServer, sealed: decodeServer });
    const messages: HostMessage[] = [];
    const sent: Uint8Array[] = [];
    const waiters: Array<() => void> = [];
    const closed = new Promise<{ code: number; reason: string }>((done) => {
      socket.on('close', (code, reason) => done({ code, reason: reason.toString() }));
    });
    socket.on('error', reject);
    const push = (bytes: Uint8Array) => {
      sent.push(bytes);
      socket.send(bytes, { binary: true });
    };
    socket.on('message', (data: Buffer) => {
      const bytes = new Uint8Array(data);
      const decoded = channel.secured ? channel.decode(bytes) : channel.decodePlain(bytes);
      if (!decoded.ok) throw new Error(`host sent an invalid message: ${decoded.reason}`);
      messages.push(decoded.message);
      for (const waiter of waiters.splice(0)) waiter();
      if (decoded.message.t !== 'challenge') return;
      const challenge = decoded.message;
      resolve({
        socket,
        challenge,
        messages,
        sent,
        closed,
        send: (message) => push(channel.encode(message)),
        sendBytes: (bytes, binary = true) => socket.send(bytes, { binary }),
        sendSealed: (plaintext) => push(channel.sealBytes(plaintext)),
        secure: (keys) => channel.secure(keys.phoneToHost, keys.hostToPhone),
        next: (type, timeoutMs = 3000) =>
          new Promise((found, fail) => {
            const timer = setTimeout(
              () => fail(new Error(`no '${type}' from the host; got ${JSON.stringify(messages)}`)),
              timeoutMs,
            );
            const check = () => {
              const hit = messages.find((m) => m.t === type);
              if (hit) {
                clearTimeout(timer);
                found(hit);
              } else waiters.push(check);
            };
            check();
          }),
      });
    });
  });
}
