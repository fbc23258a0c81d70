/** A bare WebSocket client that speaks the protocol by hand, for tests that misbehave on purpose. */
import {
  type AuthMessage,
  type ClientMessage,
  decodeServer,
  encodeMessage,
  type ServerMessage,
  WS_PATH,
} from '@deskremote/shared';
import WebSocket from 'ws';

export interface RawClient {
  socket: WebSocket;
  challenge: Extract<ServerMessage, { t: 'challenge' }>;
  messages: ServerMessage[];
  send(message: AuthMessage | ClientMessage): void;
  sendBytes(bytes: Uint8Array | string, binary?: boolean): void;
  closed: Promise<{ code: number; reason: string }>;
  next(type: ServerMessage['t'], timeoutMs?: number): Promise<ServerMessage>;
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

export function connectRaw(port: number, origin = `http://127.0.0.1:${port}`): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}${WS_PATH}`, { origin });
    const messages: ServerMessage[] = [];
    const waiters: Array<() => void> = [];
    const closed = new Promise<{ code: number; reason: string }>((done) => {
      socket.on('close', (code, reason) => done({ code, reason: reason.toString() }));
    });
    socket.on('error', reject);
    socket.on('message', (data: Buffer) => {
      const decoded = decodeServer(new Uint8Array(data));
      if (!decoded.ok) throw new Error(`host sent an invalid message: ${decoded.reason}`);
      messages.push(decoded.message);
      for (const waiter of waiters.splice(0)) waiter();
      if (decoded.message.t === 'challenge') {
        const challenge = decoded.message;
        resolve({
          socket,
          challenge,
          messages,
          closed,
          send: (message) => socket.send(encodeMessage(message)),
          sendBytes: (bytes, binary = true) => socket.send(bytes, { binary }),
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
      }
    });
  });
}
