import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WS_PATH } from '@deskremote/shared';
import type { RequestGuard } from '../security/request-guard.js';
import type { StaticFile } from './static-files.js';

const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export interface HttpServerOptions {
  files: () => Map<string, StaticFile>;
  guard: RequestGuard;
  /** Called for an upgrade that passed the Host and Origin checks. */
  onUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
}

/** One server: the phone page over GET, and the WebSocket upgrade on /ws. */
export function createHttpServer(options: HttpServerOptions): Server {
  const server = createServer((request, response) => serveFile(options, request, response));
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refuse = (status: number, text: string) => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    socket.on('error', () => socket.destroy());
    if (new URL(request.url ?? '/', 'http://x').pathname !== WS_PATH) return refuse(404, 'Not Found');
    if (!options.guard.hostAllowed(request.headers.host)) return refuse(421, 'Misdirected Request');
    if (!options.guard.originAllowed(request.headers.origin)) return refuse(403, 'Forbidden');
    options.onUpgrade(request, socket, head);
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  return server;
}

function serveFile(options: HttpServerOptions, request: IncomingMessage, response: ServerResponse): void {
  if (!options.guard.hostAllowed(request.headers.host)) {
    response.writeHead(421, { 'Content-Type': 'text/plain' }).end('Misdirected request\n');
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const path = new URL(request.url ?? '/', 'http://x').pathname;
  const file = options.files().get(path);
  if (!file) {
    response.writeHead(404, { 'Content-Type': 'text/plain', ...SECURITY_HEADERS }).end('Not found\n');
    return;
  }
  const gzip = file.gzipped !== undefined && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  const body = gzip && file.gzipped ? file.gzipped : file.body;
  response.writeHead(200, {
    'Content-Type': file.type,
    'Content-Length': body.length,
    'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    Vary: 'Accept-Encoding',
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    ...SECURITY_HEADERS,
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}
