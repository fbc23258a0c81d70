/**
 * The permission to send input through the RemoteDesktop portal, as a small state machine. The
 * compositor shows its own dialog; until someone at the computer accepts it nothing is injected, and the
 * phone and the desktop window say what to click. A refusal or a session the compositor closed (the user
 * stopped sharing from the panel) is explained, and the next time a phone needs input the host asks again.
 * Where the portal is version 2 or later, the grant is kept as a restore token so it is not asked again.
 */
import type { InputAvailability } from '@deskremote/shared';
import dbus from 'dbus-next';
import type { PortalBus, PortalInfo } from './portal-bus.js';

export type ConsentPhase = 'idle' | 'asking' | 'started' | 'refused' | 'closed' | 'failed';

/** Keyboard and pointer (1 | 2). */
const DEVICES = 3;
/** Keep the grant until it is revoked (portal version 2 and later). */
const PERSIST_UNTIL_REVOKED = 2;

export interface TokenStore {
  load(): Promise<string | undefined>;
  save(token: string | undefined): Promise<void>;
}

export interface ConsentOptions {
  bus: Pick<PortalBus, 'request' | 'closeSession' | 'onSessionClosed'>;
  info: PortalInfo;
  tokens: TokenStore;
  onChange: (availability: InputAvailability) => void;
  /** Called with the session's handle once Start granted it, before the phones are told "ready". */
  onStarted: (session: string) => Promise<void>;
  log: (line: string) => void;
}

export class PortalConsent {
  private phase: ConsentPhase = 'idle';
  private error = '';
  private handle: string | undefined;

  constructor(private readonly options: ConsentOptions) {}

  /** The session's object path while input can be sent. */
  get session(): string | undefined {
    return this.phase === 'started' ? this.handle : undefined;
  }

  availability(): InputAvailability {
    switch (this.phase) {
      case 'started':
        return { status: 'ready', code: 'ok' };
      case 'asking':
        return { status: 'checking', code: 'portal-asking' };
      case 'idle':
        return { status: 'checking', code: 'portal-not-asked' };
      case 'refused':
        return { status: 'unavailable', code: 'portal-refused' };
      case 'closed':
        return { status: 'unavailable', code: 'portal-closed' };
      case 'failed':
        return { status: 'unavailable', code: 'portal-failed', params: { error: this.error } };
    }
  }

  /** Asks the portal for the keyboard and pointer, unless it is asking already or has granted them. */
  ask(): void {
    if (this.phase === 'asking' || this.phase === 'started') return;
    this.set('asking');
    void this.start().catch((error: unknown) => {
      this.error = (error instanceof Error ? error.message : String(error)).slice(0, 200);
      this.options.log(`portal: ${this.error}`);
      this.set('failed');
    });
  }

  /** The portal went away (its bus connection was lost): explained, and asked again when input is next wanted. */
  fail(reason: string): void {
    this.handle = undefined;
    this.error = reason.slice(0, 200);
    this.set('failed');
  }

  /** Ends the session (the host is stopping); input stops at once. */
  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    this.phase = 'idle';
    if (handle) await this.options.bus.closeSession(handle);
  }

  private async start(): Promise<void> {
    const { bus, info, tokens } = this.options;
    const created = await bus.request('CreateSession', 'a{sv}', [], {
      session_handle_token: new dbus.Variant('s', `deskremote_${Date.now().toString(36)}`),
    });
    if (created.code !== 0) return this.answered(created.code);
    const handle = String(created.results.session_handle ?? '');
    if (!handle) throw new Error('the portal created a session without a handle');
    this.handle = handle;
    bus.onSessionClosed(handle, () => {
      if (this.handle !== handle) return;
      this.handle = undefined;
      this.options.log('portal: the session was closed on the computer');
      this.set('closed');
    });
    const select: Record<string, dbus.Variant> = { types: new dbus.Variant('u', DEVICES & info.deviceTypes) };
    if (info.version >= 2) {
      select.persist_mode = new dbus.Variant('u', PERSIST_UNTIL_REVOKED);
      const token = await tokens.load();
      if (token) select.restore_token = new dbus.Variant('s', token);
    }
    const selected = await bus.request('SelectDevices', 'oa{sv}', [handle], select);
    if (selected.code !== 0) return this.answered(selected.code, handle);
    const started = await bus.request('Start', 'osa{sv}', [handle, ''], {});
    if (started.code !== 0) return this.answered(started.code, handle);
    const token = started.results.restore_token;
    if (typeof token === 'string') await tokens.save(token).catch(() => {});
    await this.options.onStarted(handle);
    if (this.handle !== handle) return;
    this.options.log(`portal: input granted (devices ${String(started.results.devices ?? '?')}, portal v${info.version})`);
    this.set('started');
  }

  /** A request that did not grant: 1 is the user's "Cancel", anything else the portal giving up. */
  private async answered(code: number, handle?: string): Promise<void> {
    if (handle) await this.options.bus.closeSession(handle);
    this.handle = undefined;
    if (code === 1) {
      this.options.log('portal: permission refused on the computer');
      // A refused restore token must not be offered again.
      await this.options.tokens.save(undefined).catch(() => {});
      this.set('refused');
    } else {
      this.error = `response ${code}`;
      this.set('failed');
    }
  }

  private set(phase: ConsentPhase): void {
    this.phase = phase;
    this.options.onChange(this.availability());
  }
}
