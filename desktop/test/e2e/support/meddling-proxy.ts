/**
 * Someone on the Wi-Fi between the phone and the computer: relays the page and the WebSocket frame by
 * frame, and can forge what plain TCP lets anyone forge, such as a close code. The frames themselves it
 * cannot read or make. Loopback only.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';

/**
 * Delivers in order, each after a random delay: a Wi-Fi whose packets take their time (the delay of one
 * cannot overtake the one before, as on one TCP connection). Without a jitter, at once. One queue and one
 * timer at a time: separate timers due at the same moment may fire in either order (Node counts a timer
 * from the event loop's cached clock), which would reorder frames as no TCP connection does.
 */
function orderedDelay(jitterMs: (() => number) | undefined): (deliver: () => void) => void {
  const queue: Array<{ due: number; deliver: () => void }> = [];
  let timer: NodeJS.Timeout | undefined;
  const drain = () => {
    timer = undefined;
    while (queue.length > 0 && (queue[0]?.due ?? 0) <= Date.now()) queue.shift()?.deliver();
    const next = queue[0];
    if (next) timer = setTimeout(drain, next.due - Date.now());
  };
  return (deliver) => {
    if (!jitterMs) return deliver();
    queue.push({ due: Date.now() + jitterMs(), deliver });
    if (!timer) drain();
  };
}

export class MeddlingProxy {
  private readonly pairs = new Set<{ phone: WebSocket; host: WebSocket }>();

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
  ) {}

  /** Relays to the host on 127.0.0.1:`hostPort`, presenting itself as `name` (a name the host serves). */
  static async start(hostPort: number, name: string, options: { jitterMs?: () => number } = {}): Promise<MeddlingProxy> {
    const hostAt = `${name}:${hostPort}`;
    const wss = new WebSocketServer({ noServer: true });
    const server = createServer((req, res) => {
      const upstream = httpRequest(
        { host: '127.0.0.1', port: hostPort, path: req.url, method: req.method, headers: { ...req.headers, host: hostAt } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    });
    const proxy = new MeddlingProxy(server, wss);
    server.on('upgrade', (req, socket, head) => {
      wss.handleUpgrade(req, socket, head, (phone) => {
        const host = new WebSocket(`ws://127.0.0.1:${hostPort}${req.url ?? '/ws'}`, {
          origin: `http://${hostAt}`,
          headers: { Host: hostAt },
        });
        const pair = { phone, host };
        proxy.pairs.add(pair);
        const queued: Array<{ data: WebSocket.RawData; binary: boolean }> = [];
        const toHost = orderedDelay(options.jitterMs);
        const toPhone = orderedDelay(options.jitterMs);
        phone.on('message', (data, binary) =>
          toHost(() => {
            if (host.readyState === WebSocket.OPEN) host.send(data, { binary });
            else queued.push({ data, binary });
          }),
        );
        host.on('open', () => {
          for (const q of queued.splice(0)) host.send(q.data, { binary: q.binary });
        });
        host.on('message', (data, binary) => toPhone(() => phone.readyState === WebSocket.OPEN && phone.send(data, { binary })));
        const end = (code?: number) => {
          proxy.pairs.delete(pair);
          // The host's own close code reaches the phone, after the frames still on their way, as it would.
          const sendable = code !== undefined && (code === 1000 || (code >= 3000 && code <= 4999));
          if (phone.readyState === WebSocket.OPEN) phone.close(sendable ? code : undefined);
          if (host.readyState === WebSocket.OPEN || host.readyState === WebSocket.CONNECTING) host.terminate();
        };
        phone.on('close', () => end());
        host.on('close', (code) => toPhone(() => end(code)));
        host.on('error', () => end());
        phone.on('error', () => end());
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get connections(): number {
    return this.pairs.size;
  }

  /** Closes every phone's socket with `code`, as if the computer had said it; the host's side is dropped. */
  forgeClose(code: number): void {
    for (const pair of [...this.pairs]) {
      this.pairs.delete(pair);
      pair.host.terminate();
      pair.phone.close(code);
    }
  }

  async stop(): Promise<void> {
    for (const pair of this.pairs) {
      pair.phone.terminate();
      pair.host.terminate();
    }
    this.wss.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
