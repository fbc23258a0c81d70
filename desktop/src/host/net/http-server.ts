import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { ALIVE_PATH, WS_PATH } from '@deskremote/shared';
import type { RequestGuard } from '../security/request-guard.js';
import type { StaticFile } from './static-files.js';

/** On every response, errors included (pages get sources for the computer's other ports: pageHeaders). */
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src data:; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // Another site's page may not even embed our files (<img src=http://this-host/...>).
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
} as const;

/** The policy for a page with inline scripts of its own: those exact scripts, by hash, and nothing else inline. */
export function policyAllowing(inlineScripts: readonly string[]): string {
  const policy = SECURITY_HEADERS['Content-Security-Policy'];
  return inlineScripts.length === 0
    ? policy
    : policy.replace("script-src 'self'", `script-src 'self' ${inlineScripts.join(' ')}`);
}

/** The page that takes a pairing over from the same computer's page on another port (mobile-web/public). */
const HANDOVER_PATH = '/handover.html';

/**
 * The headers of a page served under `hostHeader` (already checked): it may knock and open sockets on
 * the same computer's other ports, and frame its handover page, so a phone whose host had to move to
 * another port finds it and brings its pairing along. Only that name: never another site.
 */
function pageHeaders(hostHeader: string | undefined, path: string, policy: string): Record<string, string> {
  const name = hostHeader?.replace(/:\d+$/, '') ?? '';
  // CSP host sources cannot name an IPv6 address: such a page stays with 'self'.
  if (!/^[a-z0-9.-]+$/i.test(name)) return { ...SECURITY_HEADERS, 'Content-Security-Policy': policy };
  const others = `http://${name}:* ws://${name}:*`;
  let csp = policy
    .replace("connect-src 'self'", `connect-src 'self' ${others}`)
    .replace("default-src 'none';", `default-src 'none'; frame-src http://${name}:*;`);
  const headers: Record<string, string> = { ...SECURITY_HEADERS };
  if (path === HANDOVER_PATH) {
    csp = csp.replace("frame-ancestors 'none'", `frame-ancestors http://${name}:*`);
    delete headers['X-Frame-Options'];
  }
  headers['Content-Security-Policy'] = csp;
  return headers;
}

/** The same headers for answers written straight to the socket (refused upgrades, malformed HTTP). */
const RAW_SECURITY_HEADERS = Object.entries(SECURITY_HEADERS)
  .map(([name, value]) => `${name}: ${value}\r\n`)
  .join('');

/** A complete answer with no body, for a socket that is about to be closed. */
function rawResponse(status: number): string {
  return `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\nContent-Length: 0\r\n${RAW_SECURITY_HEADERS}\r\n`;
}

const STATUS_TEXT: Record<number, string> = {
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  414: 'URI Too Long',
  421: 'Misdirected Request',
  426: 'Upgrade Required',
};

/** Longest request target we read; the page's own paths are a few dozen characters. */
const MAX_TARGET_CHARS = 2048;

export interface HttpServerOptions {
  files: () => Map<string, StaticFile>;
  guard: RequestGuard;
  /** Called for an upgrade that passed the Host and Origin checks. */
  onUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
  /** Any request at all, from this address: the network lets phones through (net/reach-watch.ts). */
  onVisit?: (address: string | undefined) => void;
  log?: (line: string) => void;
}

/**
 * The request's path, or a status to refuse it with. Only origin-form targets ('/...') are served:
 * absolute URLs, '*', '//host' and the like never name one of our files.
 */
export function targetPath(target: string | undefined): { path: string } | { status: number } {
  if (!target) return { status: 400 };
  if (target.length > MAX_TARGET_CHARS) return { status: 414 };
  if (!target.startsWith('/') || target.startsWith('//')) return { status: 400 };
  const end = target.search(/[?#]/);
  const raw = end < 0 ? target : target.slice(0, end);
  try {
    // Decoded only to compare with our file names; a path is never joined to the file system.
    return { path: decodeURIComponent(raw) };
  } catch {
    return { status: 400 };
  }
}

/** One server: the phone page over GET, and the WebSocket upgrade on /ws. No request can throw out of it. */
export function createHttpServer(options: HttpServerOptions): Server {
  const log = options.log ?? (() => {});
  const server = createServer(
    { maxHeaderSize: 8 * 1024, requestTimeout: 15_000, headersTimeout: 10_000, requireHostHeader: false },
    (request, response) => {
      try {
        options.onVisit?.(request.socket.remoteAddress);
        serveFile(options, request, response);
      } catch (error) {
        log(`request failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!response.headersSent) response.writeHead(500, SECURITY_HEADERS);
        response.end();
      }
    },
  );
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    try {
      options.onVisit?.(request.socket.remoteAddress);
      upgrade(options, request, socket, head);
    } catch (error) {
      log(`upgrade failed: ${error instanceof Error ? error.message : String(error)}`);
      socket.destroy();
    }
  });
  // Malformed HTTP (bad request lines, oversized headers): Node answers 400 or 431 here, never a crash.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable) return socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    socket.end(rawResponse(status));
  });
  return server;
}

function upgrade(options: HttpServerOptions, request: IncomingMessage, socket: Duplex, head: Buffer): void {
  const refuse = (status: number) => socket.end(rawResponse(status));
  const target = targetPath(request.url);
  if ('status' in target) {
    refuse(target.status);
    return;
  }
  if (target.path !== WS_PATH) {
    refuse(404);
    return;
  }
  if (request.method !== 'GET') {
    refuse(405);
    return;
  }
  if (!options.guard.hostAllowed(request.headers.host)) {
    refuse(421);
    return;
  }
  if (!options.guard.originAllowed(request.headers.origin)) {
    refuse(403);
    return;
  }
  // Checked here rather than by ws, so that this refusal too carries the security headers.
  const key = request.headers['sec-websocket-key'];
  const wellFormed =
    String(request.headers.upgrade ?? '').toLowerCase() === 'websocket' &&
    request.headers['sec-websocket-version'] === '13' &&
    typeof key === 'string' &&
    /^[+/0-9A-Za-z]{21}[AQgw]==$/.test(key);
  if (!wellFormed) {
    refuse(400);
    return;
  }
  options.onUpgrade(request, socket, head);
}

function refuse(response: ServerResponse, status: number, extra: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS, ...extra });
  response.end(`${STATUS_TEXT[status] ?? 'Error'}\n`);
}

function serveFile(options: HttpServerOptions, request: IncomingMessage, response: ServerResponse): void {
  if (!options.guard.hostAllowed(request.headers.host)) {
    refuse(response, 421);
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    refuse(response, 405, { Allow: 'GET, HEAD' });
    return;
  }
  const target = targetPath(request.url);
  if ('status' in target) {
    refuse(response, target.status);
    return;
  }
  if (target.path === WS_PATH) {
    refuse(response, 426, { Upgrade: 'websocket' });
    return;
  }
  if (target.path === ALIVE_PATH) {
    // Nothing in it but that the host is here. A page of this computer on another port may read it too
    // (a host that had to move): it learns that DeskRemote answers here, which a knock would tell anyway.
    const origin = request.headers.origin;
    const cors: Record<string, string> = options.guard.sameComputer(origin)
      ? { 'Access-Control-Allow-Origin': origin ?? '', 'Cross-Origin-Resource-Policy': 'same-site' }
      : {};
    response.writeHead(204, { ...SECURITY_HEADERS, 'Cache-Control': 'no-store', Vary: 'Origin', ...cors });
    response.end();
    return;
  }
  const file = options.files().get(target.path);
  if (!file) {
    refuse(response, 404);
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
    ...(file.type.startsWith('text/html')
      ? pageHeaders(request.headers.host, target.path, policyAllowing(file.inlineScripts))
      : { ...SECURITY_HEADERS, 'Content-Security-Policy': policyAllowing(file.inlineScripts) }),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}
