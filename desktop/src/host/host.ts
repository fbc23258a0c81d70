/**
 * The host: one HTTP server that serves the phone page and upgrades /ws, the sessions, pairing, the
 * dispatcher and the state they share. Plain Node: the CLI and the Electron shell both run exactly this.
 */

import type { Server } from 'node:http';
import { hostname as osHostname, platform as osPlatform } from 'node:os';
import {
  CloseCode,
  type CueCode,
  DEFAULT_PORT,
  type DeckButton,
  type DeviceSummary,
  HOST_SILENCE_LIMIT_MS,
  type HostState,
  type InputAvailability,
  MAX_DEVICE_NAME_CHARS,
  MAX_WIRE_BYTES,
  MOTION_TYPES,
  type Platform,
  pairingUrl,
} from '@deskremote/shared';
import { WebSocketServer } from 'ws';
import { RemoteControl } from './control/remote-control.js';
import { DeviceStore, type StoredDevice } from './devices/device-store.js';
import { Dispatcher, type ExecutionTiming } from './input/dispatcher.js';
import { CHECKING } from './input/input-availability.js';
import type { BackendContext, InputBackend } from './input/input-backend.js';
import { installMedia } from './media/media-feature.js';
import { HostAddresses } from './net/host-addresses.js';
import { createHttpServer } from './net/http-server.js';
import { isLoopbackBind, type NetworkAddress } from './net/lan-addresses.js';
import { listenOnFreePort } from './net/listen.js';
import { ReachWatch } from './net/reach-watch.js';
import { loadStaticFiles, type StaticFile } from './net/static-files.js';
import { StrangerBudget } from './net/stranger-budget.js';
import type { ApprovalRequest } from './pairing/approvals.js';
import { describeUserAgent } from './pairing/device-description.js';
import { Pairing, type PairingNotice } from './pairing/pairing.js';
import { installPhoneSettings, type PhoneSettingsFeature } from './phones/phone-settings-feature.js';
import { PhoneSettingsStore } from './phones/phone-settings-store.js';
import type { FeatureDeps } from './presenter/feature-deps.js';
import { type FocusBounds, installFocusWatch } from './presenter/focus-watch.js';
import { installLaser, type LaserOverlay } from './presenter/laser-relay.js';
import { installSlideShow, type ShowControl } from './presenter/show/show-feature.js';
import { defaultProfileId, slideProfile } from './presenter/slide-profiles.js';
import { IDLE_TALK_TIMER, installTalkTimer } from './presenter/talk-timer.js';
import { installPreview } from './preview/preview-feature.js';
import type { PreviewScheduler } from './preview/preview-scheduler.js';
import { AuthThrottle, type AuthThrottleOptions } from './security/auth-throttle.js';
import { RequestGuard } from './security/request-guard.js';
import { FeatureRouter } from './session/feature-router.js';
import { HostStateStore } from './session/host-state.js';
import { nodeX25519 } from './session/node-x25519.js';
import { Session } from './session/session.js';
import { installVolume } from './volume/volume-feature.js';

export interface HostOptions {
  /** Wanted port; the next free one is used when it is taken. 0 lets the OS choose. */
  port?: number;
  /** Address to listen on: all interfaces by default, so phones on the LAN can reach it. */
  bind?: string;
  dataDir: string;
  /** Folder of the built phone page (mobile-web/dist). */
  phoneDir: string;
  /** Opens the input backend; the host serves and explains itself while this runs or if it fails. */
  openInput: (context: BackendContext) => Promise<InputBackend>;
  version: string;
  hostName?: string;
  /**
   * Extra names this computer is reached by (a local DNS or .local name): the Host and Origin checks
   * accept them, and the QR code carries the first one instead of an IP address.
   */
  names?: string[];
  /** The X display to inject into, watch and grab (the DISPLAY environment variable by default). */
  display?: string;
  /** The desktop app's overlay window, where the laser pointer is drawn; the headless host has none. */
  laserOverlay?: LaserOverlay;
  /** New phones wait for "Allow" on the desktop (the default); false pairs every proven phone at once. */
  requireApproval?: boolean;
  /** How long a QR code lives before a new one replaces it. */
  pairingLifetimeMs?: number;
  approvalTimeoutMs?: number;
  throttle?: AuthThrottleOptions;
  /** Sockets that have not sent their proof yet, allowed in total and per address; the oldest stranger makes room. */
  strangers?: { total: number; perAddress: number };
  /** How long an authenticated phone may stay silent (its page pings several times a second). */
  heartbeatTimeoutMs?: number;
  /** The address the QR code carries when this computer has it ('auto' or absent: the likeliest). */
  address?: string;
  /** How long after the code is shown the window says what may keep phones out, if none got through. */
  reachHintAfterMs?: number;
  /** How long a key may stay held without being renewed before the host lets go of it. */
  heldKeyLimitMs?: number;
  onExecuted?: (timing: ExecutionTiming) => void;
  /** LibreOffice Impress's remote-control port (1599); false: do not look for Impress. */
  impressPort?: number | false;
  log?: (line: string) => void;
}

export type HostEvent =
  | { type: 'pairing-url'; url: string; expiresAt: number }
  | { type: 'state'; state: HostState }
  | { type: 'approvals'; requests: ApprovalRequest[] }
  /** Something the person at the computer should know, as a code the window or terminal words. */
  | { type: 'notice'; code: PairingNotice['code']; deviceNames: string[] }
  /** A phone's own settings or buttons changed (the desktop window shows the buttons). */
  | { type: 'phone-settings'; deviceId: string }
  /** A phone started or stopped controlling the computer (input injected within the last few seconds). */
  | { type: 'controlling'; active: boolean }
  /** The first phone got through to this computer (the window's hint about firewalls goes). */
  | { type: 'reached' };

function platformOf(value: NodeJS.Platform): Platform {
  return value === 'linux' || value === 'darwin' || value === 'win32' ? value : 'other';
}

export class Host {
  private readonly sessions = new Set<Session>();
  private readonly listeners = new Set<(event: HostEvent) => void>();
  private files = new Map<string, StaticFile>();
  private backend: InputBackend = { availability: CHECKING, driver: undefined };
  private server: Server | undefined;
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WIRE_BYTES, perMessageDeflate: false });
  private readonly throttle: AuthThrottle;
  private readonly strangers: StrangerBudget<Session>;
  /** The code on screen, the questions to the person at the computer, the proofs. */
  pairing!: Pairing;
  readonly state: HostStateStore;
  private readonly dispatcher: Dispatcher;
  /** Commands that are not input, each owned by its feature (presenter/, preview/). */
  private readonly features = new FeatureRouter();
  private readonly featureStops: Array<() => void | Promise<void>> = [];
  private featureDeps!: FeatureDeps;
  private readonly preview: PreviewScheduler;
  private readonly focus: FocusBounds;
  private phoneSettings!: PhoneSettingsStore;
  private phoneSettingsFeature!: PhoneSettingsFeature;
  private devices!: DeviceStore;
  /** The slide app's own account of its show (LibreOffice Impress's remote control). */
  private show: ShowControl | undefined;
  private boundPort = 0;
  private readonly log: (line: string) => void;

  /** The pause switch, and whether a phone is controlling the computer now (the window and the tray show both). */
  private readonly control = new RemoteControl({
    publish: (input) => this.state.update({ input }),
    releaseAllInput: () => this.dispatcher.releaseAll(),
    askForInput: () => this.backend.wanted?.(),
    anyPhoneConnected: () => [...this.sessions].some((s) => s.authenticated),
    controllingChanged: (active) => this.emit({ type: 'controlling', active }),
    log: (line) => this.log(line),
  });
  private readonly reach: ReachWatch;
  /** Where phones reach this computer, and the address the QR code carries. */
  private readonly where: HostAddresses;

  private constructor(private readonly options: HostOptions) {
    this.log = options.log ?? (() => {});
    this.where = new HostAddresses(options.bind ?? '0.0.0.0', options.names ?? [], options.address);
    this.reach = new ReachWatch(
      () => this.emit({ type: 'reached' }),
      isLoopbackBind(options.bind ?? '0.0.0.0'),
      options.reachHintAfterMs,
    );
    this.throttle = new AuthThrottle(options.throttle);
    this.strangers = new StrangerBudget(options.strangers?.total ?? 64, options.strangers?.perAddress ?? 8);
    this.state = new HostStateStore({
      host: { name: options.hostName ?? osHostname(), platform: platformOf(osPlatform()), version: options.version },
      input: CHECKING,
      devices: [],
      focus: null,
      timer: IDLE_TALK_TIMER,
      presenterTools: { laser: 'needs-desktop-app', preview: 'unavailable' },
      cue: null,
      show: null,
      showLink: { impress: 'off', pin: '0000', name: '' },
      media: { source: 'media-keys', players: [], active: null },
      volume: null,
    });
    // Each feature registers its commands and owns its state; the host only installs and stops them.
    const featureDeps: FeatureDeps = {
      features: this.features,
      state: this.state,
      log: this.log,
      display: osPlatform() === 'linux' ? (options.display ?? process.env.DISPLAY) : undefined,
      dataDir: options.dataDir,
      inject: (sessionId, command) => this.dispatcher.submit(sessionId, command),
      onStop: (stop) => this.featureStops.push(stop),
    };
    this.featureDeps = featureDeps;
    installTalkTimer(featureDeps);
    this.focus = installFocusWatch(featureDeps);
    this.preview = installPreview(featureDeps);
    installLaser(featureDeps, options.laserOverlay);
    installMedia(featureDeps);
    installVolume(featureDeps);
    this.dispatcher = new Dispatcher({
      driver: () => this.backend.driver,
      availability: () => this.state.state.input,
      slideProfile: (requested) =>
        slideProfile(requested ?? this.state.state.focus?.profile ?? defaultProfileId(platformOf(osPlatform()))),
      slideByApp: (action, slide, profile) => this.show?.slideByApp(action, slide, profile) ?? false,
      ...(options.heldKeyLimitMs === undefined ? {} : { heldKeyLimitMs: options.heldKeyLimitMs }),
      onExecuted: (timing) => {
        this.control.injected();
        options.onExecuted?.(timing);
      },
      onUnavailable: () => this.control.inputWanted(),
    });
    this.features.setGate((type) => this.control.refusal(type));
  }

  static async start(options: HostOptions): Promise<Host> {
    const host = new Host(options);
    await host.listen();
    return host;
  }

  private async listen(): Promise<void> {
    this.devices = await DeviceStore.open(this.options.dataDir, this.log);
    this.phoneSettings = await PhoneSettingsStore.open(this.options.dataDir, this.log);
    this.show = await installSlideShow(this.featureDeps, {
      ...(this.options.impressPort === undefined ? {} : { impressPort: this.options.impressPort }),
    });
    this.phoneSettingsFeature = installPhoneSettings(this.featureDeps, this.phoneSettings, (deviceId) =>
      this.emit({ type: 'phone-settings', deviceId }),
    );
    this.pairing = new Pairing({
      devices: this.devices,
      keyAgreement: nodeX25519,
      log: this.log,
      ...(this.options.requireApproval === undefined ? {} : { requireApproval: this.options.requireApproval }),
      ...(this.options.pairingLifetimeMs === undefined ? {} : { lifetimeMs: this.options.pairingLifetimeMs }),
      ...(this.options.approvalTimeoutMs === undefined ? {} : { approvalTimeoutMs: this.options.approvalTimeoutMs }),
      onEvent: (event) => {
        // A code is replaced as a pairing's welcome is about to go out: the terminal's QR code (milliseconds
        // to draw) and the window hear of it just after, not before, the phone's welcome.
        if (event.type === 'code')
          setImmediate(() => this.emit({ type: 'pairing-url', url: this.pairingUrl(), expiresAt: this.pairing.expiresAt }));
        else if (event.type === 'approvals') this.emit({ type: 'approvals', requests: event.requests });
        else this.emit({ type: 'notice', code: event.notice.code, deviceNames: event.notice.deviceNames });
      },
    });
    this.files = await loadStaticFiles(this.options.phoneDir);
    if (!this.files.has('/')) throw new Error(`the phone page is not built: no index.html in ${this.options.phoneDir}`);
    this.refreshDevices();
    const guard = new RequestGuard(
      () => this.where.names(),
      () => this.boundPort,
      () => this.options.port ?? DEFAULT_PORT,
    );
    this.server = createHttpServer({
      files: () => this.files,
      guard,
      log: this.log,
      onVisit: (address) => this.reach.visited(address),
      onUpgrade: (request, socket, head) => {
        this.wss.handleUpgrade(request, socket, head, (ws) => {
          const address = request.socket.remoteAddress ?? 'unknown';
          const session = this.createSession(ws, { address, userAgent: request.headers['user-agent'] });
          this.sessions.add(session);
          for (const old of this.strangers.admit(session, address)) old.close(CloseCode.crowded);
        });
      },
    });
    this.boundPort = await listenOnFreePort(this.server, this.options.port ?? DEFAULT_PORT, this.options.bind ?? '0.0.0.0');
    this.state.subscribe((_, state) => this.emit({ type: 'state', state }));
    void this.options.openInput({ dataDir: this.options.dataDir, log: this.log }).then((backend) => this.useInput(backend));
  }

  /**
   * Opens the input backend again, through the same `openInput`: for a permission granted after the
   * start (macOS Accessibility), which the backend opened at the start cannot notice by itself.
   */
  async reopenInput(): Promise<void> {
    await this.backend.close?.().catch(() => {});
    this.useInput(await this.options.openInput({ dataDir: this.options.dataDir, log: this.log }));
  }

  private useInput(backend: InputBackend): void {
    this.backend = backend;
    this.control.backendSays(backend.availability);
    backend.watch?.((availability) => {
      // A backend replaced since (input reopened once a permission was granted) has no say any more.
      if (this.backend !== backend) return;
      this.control.backendSays(availability);
      this.logInput(availability);
    });
    this.logInput(backend.availability);
    // A phone may already be connected (the backend took a while to open): it wants input now.
    if ([...this.sessions].some((s) => s.authenticated)) backend.wanted?.();
  }

  get paused(): boolean {
    return this.control.paused;
  }

  /**
   * Stops all remote input at once (the desktop window's switch, the tray, the terminal), or resumes it
   * (control/remote-control.ts says what a pause does).
   */
  /** A cue from the desktop window to every phone: the speaker's panel flashes and shows it, in its words. */
  sendCue(code: CueCode): void {
    this.state.update({ cue: { id: (this.state.state.cue?.id ?? 0) + 1, code, at: Date.now() } });
  }

  setPaused(paused: boolean): Promise<void> {
    return this.control.setPaused(paused);
  }

  private logInput(availability: InputAvailability): void {
    const params = availability.params ? ` ${JSON.stringify(availability.params)}` : '';
    this.log(`input: ${availability.status}: ${availability.code}${params}`);
  }

  private createSession(ws: import('ws').WebSocket, peer: { address: string; userAgent: string | undefined }): Session {
    const { address } = peer;
    return new Session(ws, peer, {
      authenticator: this.pairing.authenticator,
      throttle: this.throttle,
      approvals: this.pairing.approvals,
      token: this.pairing.token,
      devices: this.devices,
      keyAgreement: nodeX25519,
      dispatcher: this.dispatcher,
      features: this.features,
      state: this.state,
      log: this.log,
      heartbeatTimeoutMs: this.options.heartbeatTimeoutMs ?? HOST_SILENCE_LIMIT_MS,
      onLate: (kind, lateMs) => {
        // Motion comes dozens a second: a stall would fill the log with it. Taps are worth a line.
        if (!MOTION_TYPES.has(kind)) this.log(`not done: a ${kind} from ${address} came ${Math.round(lateMs)} ms late`);
      },
      onProofSent: (session) => this.strangers.leave(session),
      onAuthenticated: (session, paired) => {
        for (const other of this.sessions) {
          if (other !== session && other.deviceId === session.deviceId) other.bye('replaced', CloseCode.replaced);
        }
        this.log(`${paired ? 'paired' : 'connected'}: ${session.deviceName} from ${address}`);
        const seen = { address, seenAs: describeUserAgent(peer.userAgent) };
        void this.devices.touch(session.deviceId ?? '', Date.now(), seen).catch(() => {});
        this.refreshDevices();
        // A phone is here to use the computer: where input needs a permission (the Wayland portal), ask now.
        this.backend.wanted?.();
      },
      onClosed: (session) => {
        this.sessions.delete(session);
        this.strangers.leave(session);
        if (session.deviceId) this.refreshDevices();
      },
    });
  }

  private refreshDevices(): void {
    const connected = new Set([...this.sessions].filter((s) => s.authenticated).map((s) => s.deviceId));
    const devices: DeviceSummary[] = this.devices.list().map((d) => ({
      id: d.id,
      name: d.label ?? d.name,
      connected: connected.has(d.id),
      pairedAt: d.pairedAt,
      lastSeenAt: d.lastSeenAt,
    }));
    this.state.update({ devices });
  }

  /** The addresses a phone can use, the likeliest first. */
  addresses(): string[] {
    return this.where.addresses();
  }

  get port(): number {
    return this.boundPort;
  }

  /** Said in the UI when the wanted port was taken. */
  get portNote(): { wanted: number; used: number } | undefined {
    const wanted = this.options.port ?? DEFAULT_PORT;
    return wanted !== 0 && wanted !== this.boundPort ? { wanted, used: this.boundPort } : undefined;
  }

  /** Proof evaluations granted and attempts turned away as busy (for tests and the bench). */
  get throttleStats(): { granted: number; busy: number } {
    return { ...this.throttle.stats };
  }

  /** Screen grabs and preview frames sent since the start (for tests and the bench). */
  get previewStats(): { grabs: number; framesSent: number } {
    return { ...this.preview.stats };
  }

  /** The most bytes any phone has left unread now (for tests and the bench: bounded, unread-limits.ts). */
  get mostUnreadBytes(): number {
    return Math.max(0, ...[...this.sessions].map((s) => s.bufferedBytes));
  }

  /** Sockets open now that have not sent their proof yet. */
  get strangerCount(): number {
    return this.strangers.size;
  }

  /** The last line of defence saw an exception: let go of everything held, keep serving. */
  releaseAllInput(): Promise<void> {
    return this.dispatcher.releaseAll();
  }

  /** Every address phones may reach this computer at, labelled (VPNs and virtual networks last). */
  networkAddresses(): NetworkAddress[] {
    return this.where.labelled();
  }

  /** The address chosen for the QR code (undefined: the likeliest). */
  get chosenAddress(): string | undefined {
    return this.where.chosen;
  }

  /** Puts another of this computer's addresses in the QR code (the person knows which network the phones are on). */
  setPreferredAddress(address: string | 'auto'): void {
    this.where.choose(address);
    this.reach.restart();
    this.emit({ type: 'pairing-url', url: this.pairingUrl(), expiresAt: this.pairing.expiresAt });
  }

  /** When the window shows what may keep phones out (ms since the epoch), or undefined once one got through. */
  get reachHintAt(): number | undefined {
    return this.reach.hintAt;
  }

  /** Where the focused window is on the screen (X11 pixels), where the window manager tells: the slides' screen. */
  focusedWindowBounds(): { x: number; y: number; width: number; height: number } | undefined {
    return this.focus.bounds();
  }

  get controlling(): boolean {
    return this.control.controlling;
  }

  pairingUrl(address = this.where.forCode()): string {
    return pairingUrl(`http://${address}:${this.boundPort}`, this.pairing.token.current);
  }

  get pairedDevices(): ReadonlyArray<DeviceSummary> {
    return this.state.state.devices;
  }

  /** A phone's deck of buttons, as the desktop window shows and edits it. */
  phoneDeck(deviceId: string): DeckButton[] {
    return this.phoneSettings.get(deviceId).deck;
  }

  /** Saves a phone's deck edited in the desktop window, and tells the phone. Throws on a malformed deck. */
  savePhoneDeck(deviceId: string, deck: DeckButton[]): Promise<void> {
    return this.phoneSettingsFeature.saveDeck(deviceId, deck);
  }

  /** What the desktop window shows of each paired phone: its own name, what it is, where it was last seen. */
  pairedDeviceDetails(): Array<Omit<StoredDevice, 'secret'>> {
    return this.devices.list().map(({ secret: _secret, ...details }) => details);
  }

  /**
   * Names a phone as the person at the computer likes (every phone sees the new name); an empty name goes back
   * to the phone's own. False when there is no such phone or the name is not one a list can show.
   */
  async renameDevice(id: string, name: string): Promise<boolean> {
    const label = name.replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
    if (label.length > MAX_DEVICE_NAME_CHARS) return false;
    const renamed = await this.devices.rename(id, label === '' ? undefined : label);
    if (renamed) this.refreshDevices();
    return renamed;
  }

  /** Forgets the device and closes its connection at once. */
  async revokeDevice(id: string): Promise<boolean> {
    // The phone's sockets first, at once: a command that arrives while the files are written (a deck save
    // 13 to 100 ms later) would otherwise still be answered, and write the revoked phone's settings back.
    for (const session of this.sessions) {
      if (session.deviceId === id) session.bye('revoked', CloseCode.unknownDevice);
    }
    const removed = await this.devices.remove(id);
    await this.phoneSettings
      .forget(id)
      .catch((error: unknown) => this.log(`could not forget the phone's settings: ${String(error)}`));
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
    this.control.stop();
    this.pairing.stop();
    await Promise.allSettled(this.featureStops.map((stop) => stop()));
    for (const session of this.sessions) session.bye('host-stopping', CloseCode.hostStopping);
    await this.dispatcher.releaseAll();
    await this.backend.close?.().catch(() => {});
    this.wss.close();
    await new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
