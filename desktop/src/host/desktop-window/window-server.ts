/**
 * The desktop window for the headless host: the same page the Electron app shows, served to this computer's
 * own browser. It listens on loopback only (a port of its own, apart from the one phones reach), and every
 * call needs a secret that only the host's terminal shows, in the URL's fragment (never sent in a request
 * line, never in a log). Host and Origin are checked as for the phones' server (DNS rebinding, other sites'
 * pages), and the remote address must be loopback. The page's calls are the Electron window's calls
 * (dashboard-handlers.ts); the view is pushed as Server-Sent Events.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import {
  DASHBOARD_CHANNELS,
  type DashboardChannels,
  type DashboardHandlers,
  type DashboardView,
} from '../../common/dashboard-contract.js';
import { targetPath } from '../net/http-server.js';
import { RequestGuard } from '../security/request-guard.js';

export const WINDOW_KEY_HEADER = 'x-deskremote-key';
const MAX_BODY_BYTES = 256 * 1024;
/** Comments keep idle event streams open through anything that times them out. */
const EVENT_KEEPALIVE_MS = 15_000;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};
const HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
} as const;

export interface WindowServerOptions {
  /** The built page (desktop/dist/dashboard). */
  pageDir: string;
  handlers: DashboardHandlers;
  view(): Promise<DashboardView | undefined>;
  log?: (line: string) => void;
  /** 0: any free port. */
  port?: number;
}

const isLoopbackAddress = (address: string | undefined) =>
  address !== undefined && (/^127\./.test(address) || address === '::1' || /^::ffff:127\./.test(address));

/** Why a request to the window is refused (a status), or undefined when it may be answered. */
export function windowRequestRefusal(
  request: { remoteAddress: string | undefined; host: string | undefined; origin: string | undefined; key: string | undefined },
  guard: RequestGuard,
  secret: string,
  needsKey: boolean,
): number | undefined {
  if (!isLoopbackAddress(request.remoteAddress)) return 403;
  if (!guard.hostAllowed(request.host)) return 421;
  // A page of another site (or a file://) may send requests here; only our own page's origin is answered.
  if (request.origin !== undefined && !guard.originAllowed(request.origin)) return 403;
  if (needsKey && !sameSecret(request.key, secret)) return 401;
  return undefined;
}

function sameSecret(given: string | undefined, secret: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

export class WindowServer {
  private readonly streams = new Set<ServerResponse>();
  private readonly keepalive: NodeJS.Timeout;
  private readonly guard: RequestGuard;

  private constructor(
    private readonly server: Server,
    private readonly options: WindowServerOptions,
    private readonly files: Map<string, { type: string; body: Buffer }>,
    readonly secret: string,
  ) {
    this.guard = new RequestGuard(
      () => ['127.0.0.1', 'localhost'],
      () => this.port,
    );
    this.keepalive = setInterval(() => {
      for (const stream of this.streams) stream.write(': still here\n\n');
    }, EVENT_KEEPALIVE_MS);
    this.keepalive.unref();
  }

  static async start(options: WindowServerOptions): Promise<WindowServer> {
    const files = new Map<string, { type: string; body: Buffer }>();
    // The page's own files only (its HTML, styles and scripts; not source maps or declarations).
    const names = (await readdir(options.pageDir)).filter((name) => /^[\w-]+\.(html|css|js)$/.test(name));
    for (const name of names) {
      files.set(`/${name === 'index.html' ? '' : name}`, {
        type: TYPES[extname(name)] ?? 'application/octet-stream',
        body: await readFile(join(options.pageDir, name)),
      });
    }
    let window: WindowServer | undefined;
    const server = createServer((request, response) => void window?.answer(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    window = new WindowServer(server, options, files, randomBytes(32).toString('base64url'));
    return window;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** What the terminal prints: the secret rides in the fragment, which the browser never sends. */
  get url(): string {
    return `http://127.0.0.1:${this.port}/#key=${this.secret}`;
  }

  /** Sends the current view to every open page. */
  async push(): Promise<void> {
    if (this.streams.size === 0) return;
    const view = await this.options.view();
    if (!view) return;
    const event = `data: ${JSON.stringify(view)}\n\n`;
    for (const stream of this.streams) stream.write(event);
  }

  async close(): Promise<void> {
    clearInterval(this.keepalive);
    for (const stream of this.streams) stream.end();
    this.streams.clear();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const target = targetPath(request.url);
    if ('status' in target) return this.refuse(response, target.status);
    // targetPath checked the target's form; the query (the event stream's key) is read from the raw target.
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const isApi = url.pathname.startsWith('/api/');
    const refusal = windowRequestRefusal(
      {
        remoteAddress: request.socket.remoteAddress,
        host: request.headers.host,
        origin: request.headers.origin,
        // EventSource cannot send headers: the event stream alone takes the key in its query.
        key: (request.headers[WINDOW_KEY_HEADER] as string | undefined) ?? url.searchParams.get('key') ?? undefined,
      },
      this.guard,
      this.secret,
      isApi,
    );
    if (refusal) {
      if (refusal !== 421) this.options.log?.(`desktop window: refused ${request.method} ${url.pathname} (${refusal})`);
      return this.refuse(response, refusal);
    }
    try {
      if (!isApi) return this.serveFile(request, response, url.pathname);
      if (url.pathname === '/api/events' && request.method === 'GET') return await this.openStream(response);
      if (url.pathname.startsWith('/api/call/') && request.method === 'POST') {
        return await this.call(request, response, url.pathname.slice('/api/call/'.length));
      }
      return this.refuse(response, 404);
    } catch (error) {
      this.options.log?.(`desktop window: ${url.pathname} failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) this.refuse(response, 500);
      else response.end();
    }
  }

  private serveFile(request: IncomingMessage, response: ServerResponse, path: string): void {
    const file = this.files.get(path);
    if (request.method !== 'GET' && request.method !== 'HEAD') this.refuse(response, 405);
    else if (!file) this.refuse(response, 404);
    else this.send(request, response, file);
  }

  private send(request: IncomingMessage, response: ServerResponse, file: { type: string; body: Buffer }): void {
    response.writeHead(200, { ...HEADERS, 'Content-Type': file.type, 'Content-Length': file.body.length });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  private async openStream(response: ServerResponse): Promise<void> {
    response.writeHead(200, { ...HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8' });
    this.streams.add(response);
    response.on('close', () => this.streams.delete(response));
    const view = await this.options.view();
    if (view) response.write(`data: ${JSON.stringify(view)}\n\n`);
  }

  private async call(request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
    if (!Object.hasOwn(DASHBOARD_CHANNELS, name)) return this.refuse(response, 404);
    const body = await readBody(request);
    if (body === undefined) return this.refuse(response, 413);
    let args: unknown;
    try {
      args = body.length === 0 ? [] : JSON.parse(body);
    } catch {
      return this.refuse(response, 400);
    }
    if (!Array.isArray(args)) return this.refuse(response, 400);
    const value = await this.options.handlers[name as keyof DashboardChannels](...args);
    const text = JSON.stringify({ value: value ?? null });
    response.writeHead(200, { ...HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
    response.end(text);
    void this.push();
  }

  private refuse(response: ServerResponse, status: number): void {
    response.writeHead(status, { ...HEADERS, 'Content-Length': 0, Connection: 'close' });
    response.end();
  }
}

/** The request's body as text, or undefined when it is larger than any call needs. */
function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
