/**
 * The host: one HTTP server that serves the phone page and upgrades /ws, the sessions, the dispatcher
 * and the state they share. Plain Node: the CLI and the Electron shell both run exactly this.
 */

import type { Server } from 'node:http';
import { hostname as osHostname, platform as osPlatform } from 'node:os';
import {
  type Capabilities,
  type ClientMessage,
  CloseCode,
  DEFAULT_PORT,
  type DeviceSummary,
  HEARTBEAT_TIMEOUT_MS,
  type HostState,
  MAX_FRAME_BYTES,
  type Platform,
  pairingUrl,
} from '@deskremote/shared';
import { WebSocketServer } from 'ws';
import { DeviceStore } from './devices/device-store.js';
import { Dispatcher, type ExecutionTiming } from './input/dispatcher.js';
import { CHECKING } from './input/input-availability.js';
import type { InputBackend } from './input/input-backend.js';
import { defaultSlideProfile, type SlideProfile } from './input/slide-profiles.js';
import { createHttpServer } from './net/http-server.js';
import { isLoopbackBind, LOOPBACK_NAMES, lanAddresses } from './net/lan-addresses.js';
import { listenOnFreePort } from './net/listen.js';
import { loadStaticFiles, type StaticFile } from './net/static-files.js';
import { AuthThrottle } from './security/auth-throttle.js';
import { Authenticator } from './security/authenticator.js';
import { PairingToken } from './security/pairing-token.js';
import { RequestGuard } from './security/request-guard.js';
import { HostStateStore } from './session/host-state.js';
import { Session } from './session/session.js';

export interface HostOptions {
  /** Wanted port; the next free one is used when it is taken. 0 lets the OS choose. */
  port?: number;
  /** Address to listen on: all interfaces by default, so phones on the LAN can reach it. */
  bind?: string;
  dataDir: string;
  /** Folder of the built phone page (mobile-web/dist). */
  phoneDir: string;
  /** Opens the input backend; the host serves and explains itself while this runs or if it fails. */
  openInput: () => Promise<InputBackend>;
  version: string;
  hostName?: string;
  slideProfile?: SlideProfile;
  maxSessions?: number;
  /** How long an authenticated phone may stay silent (it pings every few seconds). */
  heartbeatTimeoutMs?: number;
  onExecuted?: (timing: ExecutionTiming) => void;
  log?: (line: string) => void;
}

export type HostEvent = { type: 'pairing-url'; url: string } | { type: 'state'; state: HostState };

const COMMANDS: ReadonlyArray<ClientMessage['t']> = [
  'move',
  'scroll',
  'click',
  'button',
  'key',
  'text',
  'media',
  'slide',
  'release',
  'ping',
];

function platformOf(value: NodeJS.Platform): Platform {
  return value === 'linux' || value === 'darwin' || value === 'win32' ? value : 'other';
}

export class Host {
  private readonly sessions = new Set<Session>();
  private readonly listeners = new Set<(event: HostEvent) => void>();
  private files = new Map<string, StaticFile>();
  private backend: InputBackend = { availability: CHECKING, driver: undefined };
  private server: Server | undefined;
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false });
  private readonly token = new PairingToken();
  private readonly throttle = new AuthThrottle();
  readonly state: HostStateStore;
  private readonly dispatcher: Dispatcher;
  private devices!: DeviceStore;
  private authenticator!: Authenticator;
  private boundPort = 0;
  private readonly log: (line: string) => void;

  private constructor(private readonly options: HostOptions) {
    this.log = options.log ?? (() => {});
    this.state = new HostStateStore({
      host: { name: options.hostName ?? osHostname(), platform: platformOf(osPlatform()), version: options.version },
      input: CHECKING,
      devices: [],
    });
    const slideProfile = options.slideProfile ?? defaultSlideProfile(osPlatform());
    this.dispatcher = new Dispatcher({
      driver: () => this.backend.driver,
      availability: () => this.state.state.input,
      slideProfile: () => slideProfile,
      ...(options.onExecuted ? { onExecuted: options.onExecuted } : {}),
    });
  }

  static async start(options: HostOptions): Promise<Host> {
    const host = new Host(options);
    await host.listen();
    return host;
  }

  private async listen(): Promise<void> {
    this.devices = await DeviceStore.open(this.options.dataDir, this.log);
    this.authenticator = new Authenticator(this.token, this.devices);
    this.files = await loadStaticFiles(this.options.phoneDir);
    if (!this.files.has('/')) throw new Error(`the phone page is not built: no index.html in ${this.options.phoneDir}`);
    this.refreshDevices();
    const guard = new RequestGuard(
      () => this.names(),
      () => this.boundPort,
    );
    this.server = createHttpServer({
      files: () => this.files,
      guard,
      onUpgrade: (request, socket, head) => {
        if (this.sessions.size >= (this.options.maxSessions ?? 16)) {
          socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
          return;
        }
        this.wss.handleUpgrade(request, socket, head, (ws) => {
          this.sessions.add(this.createSession(ws, request.socket.remoteAddress ?? 'unknown'));
        });
      },
    });
    this.boundPort = await listenOnFreePort(this.server, this.options.port ?? DEFAULT_PORT, this.options.bind ?? '0.0.0.0');
    this.state.subscribe((_, state) => this.emit({ type: 'state', state }));
    this.token.onRotate(() => this.emit({ type: 'pairing-url', url: this.pairingUrl() }));
    void this.options.openInput().then((backend) => this.useInput(backend));
  }

  private useInput(backend: InputBackend): void {
    this.backend = backend;
    this.state.update({ input: backend.availability });
    this.log(`input: ${backend.availability.status}: ${backend.availability.detail}`);
  }

  private createSession(ws: import('ws').WebSocket, address: string): Session {
    return new Session(ws, address, {
      authenticator: this.authenticator,
      throttle: this.throttle,
      dispatcher: this.dispatcher,
      state: this.state,
      capabilities: this.capabilities(),
      log: this.log,
      heartbeatTimeoutMs: this.options.heartbeatTimeoutMs ?? HEARTBEAT_TIMEOUT_MS,
      onAuthenticated: (session, paired) => {
        for (const other of this.sessions) {
          if (other !== session && other.deviceId === session.deviceId)
            other.close(CloseCode.normal, 'replaced by a newer connection');
        }
        this.log(`${paired ? 'paired' : 'connected'}: ${session.deviceName} from ${address}`);
        void this.devices.touch(session.deviceId ?? '', Date.now()).catch(() => {});
        this.refreshDevices();
      },
      onClosed: (session) => {
        this.sessions.delete(session);
        if (session.deviceId) this.refreshDevices();
      },
    });
  }

  private capabilities(): Capabilities {
    return { commands: [...COMMANDS], reports: ['host', 'input', 'devices'] };
  }

  private refreshDevices(): void {
    const connected = new Set([...this.sessions].filter((s) => s.authenticated).map((s) => s.deviceId));
    const devices: DeviceSummary[] = this.devices.list().map((d) => ({
      id: d.id,
      name: d.name,
      connected: connected.has(d.id),
      pairedAt: d.pairedAt,
      lastSeenAt: d.lastSeenAt,
    }));
    this.state.update({ devices });
  }

  /** The addresses a phone can use, the likeliest first. */
  addresses(): string[] {
    const bind = this.options.bind ?? '0.0.0.0';
    if (isLoopbackBind(bind)) return ['127.0.0.1'];
    if (bind !== '0.0.0.0' && bind !== '::') return [bind];
    const lan = lanAddresses();
    return lan.length > 0 ? lan : ['127.0.0.1'];
  }

  /** Every name the Host and Origin headers may carry. */
  private names(): string[] {
    const loopback: string[] = [...LOOPBACK_NAMES];
    if (isLoopbackBind(this.options.bind ?? '0.0.0.0')) return loopback;
    const name = osHostname().toLowerCase();
    return [...loopback, ...this.addresses(), name, `${name}.local`];
  }

  get port(): number {
    return this.boundPort;
  }

  /** Said in the UI when the wanted port was taken. */
  get portNote(): string | undefined {
    const wanted = this.options.port ?? DEFAULT_PORT;
    return wanted !== 0 && wanted !== this.boundPort
      ? `port ${wanted} was taken, so DeskRemote uses ${this.boundPort}`
      : undefined;
  }

  pairingUrl(address = this.addresses()[0] ?? '127.0.0.1'): string {
    return pairingUrl(`http://${address}:${this.boundPort}`, this.token.current);
  }

  /** Replaces the code on screen, so a photographed QR code is worth nothing. */
  renewPairingCode(): void {
    this.token.rotate();
  }

  get pairedDevices(): ReadonlyArray<DeviceSummary> {
    return this.state.state.devices;
  }

  /** Forgets the device and closes its connection at once. */
  async revokeDevice(id: string): Promise<boolean> {
    const removed = await this.devices.remove(id);
    for (const session of this.sessions) {
      if (session.deviceId === id)
        session.close(CloseCode.unknownDevice, 'this phone was removed on the computer: scan the QR code');
    }
    this.refreshDevices();
    return removed;
  }

  onEvent(listener: (event: HostEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: HostEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** Closes every connection, releases everything held and stops listening. */
  async stop(): Promise<void> {
    for (const session of this.sessions) session.close(CloseCode.hostStopping, 'the desktop app is closing');
    await this.dispatcher.releaseAll();
    this.wss.close();
    await new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
