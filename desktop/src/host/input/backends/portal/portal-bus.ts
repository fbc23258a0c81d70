/**
 * The xdg-desktop-portal's RemoteDesktop interface on the session bus, over dbus-next's low-level
 * messages. Each portal request answers later with a Response signal on a Request object whose path is
 * known before the call (sender and handle_token), so the match is in place before the call goes out:
 * a quick portal cannot answer into the void.
 */
import { randomBytes } from 'node:crypto';
import dbus from 'dbus-next';

const DESTINATION = 'org.freedesktop.portal.Desktop';
const PATH = '/org/freedesktop/portal/desktop';
export const REMOTE_DESKTOP = 'org.freedesktop.portal.RemoteDesktop';
const REQUEST = 'org.freedesktop.portal.Request';
const SESSION = 'org.freedesktop.portal.Session';
/** dbus-next sets the unique name after Hello; its types leave it out. */
type NamedBus = dbus.MessageBus & { name?: string | null };

/** What a portal request came back with: 0 granted, 1 cancelled by the user, 2 ended another way. */
export interface PortalResponse {
  code: number;
  results: Record<string, unknown>;
}

/** What the RemoteDesktop interface offers here (version 1 lacks persist_mode and restore tokens). */
export interface PortalInfo {
  version: number;
  /** A bitmask: 1 keyboard, 2 pointer, 4 touchscreen. */
  deviceTypes: number;
}

type Options = Record<string, dbus.Variant>;

export class PortalBus {
  private readonly responses = new Map<string, (response: PortalResponse) => void>();
  private readonly closedListeners = new Map<string, () => void>();
  private readonly sender: string;

  private constructor(private readonly bus: dbus.MessageBus) {
    this.sender = ((bus as NamedBus).name ?? '').replace(/^:/, '').replace(/\./g, '_');
    bus.on('message', (message: dbus.Message) => {
      if (message.type !== dbus.MessageType.SIGNAL) return;
      if (message.interface === REQUEST && message.member === 'Response') {
        const done = this.responses.get(message.path);
        this.responses.delete(message.path);
        const [code, results] = message.body as [number, Record<string, dbus.Variant>];
        done?.({ code, results: Object.fromEntries(Object.entries(results ?? {}).map(([k, v]) => [k, v.value])) });
      } else if (message.interface === SESSION && message.member === 'Closed') {
        this.closedListeners.get(message.path)?.();
      }
    });
  }

  /** Connects to the session bus (DBUS_SESSION_BUS_ADDRESS) and subscribes to the portal's answers. */
  static async connect(): Promise<PortalBus> {
    const bus = dbus.sessionBus() as NamedBus;
    await new Promise<void>((resolve, reject) => {
      if (bus.name) return resolve();
      bus.once('connect', () => resolve());
      bus.once('error', reject);
    });
    const portal = new PortalBus(bus);
    for (const match of [
      `type='signal',interface='${REQUEST}',member='Response'`,
      `type='signal',interface='${SESSION}',member='Closed'`,
    ])
      await portal.daemonCall('AddMatch', 's', [match]);
    return portal;
  }

  /** The interface's version and device types; undefined when no portal offers RemoteDesktop here. */
  async info(): Promise<PortalInfo | undefined> {
    try {
      const get = async (name: string) => {
        const reply = await this.bus.call(
          new dbus.Message({
            destination: DESTINATION,
            path: PATH,
            interface: 'org.freedesktop.DBus.Properties',
            member: 'Get',
            signature: 'ss',
            body: [REMOTE_DESKTOP, name],
          }),
        );
        return Number((reply?.body[0] as dbus.Variant | undefined)?.value);
      };
      return { version: await get('version'), deviceTypes: await get('AvailableDeviceTypes') };
    } catch {
      return undefined;
    }
  }

  /**
   * Calls a method that answers with a Request, and resolves with that request's Response. The
   * options get a fresh handle_token; the Response is matched by the path it implies.
   */
  async request(member: string, signature: string, body: unknown[], options: Options): Promise<PortalResponse> {
    const token = `deskremote_${randomBytes(6).toString('hex')}`;
    const path = `${PATH}/request/${this.sender}/${token}`;
    const answer = new Promise<PortalResponse>((resolve) => this.responses.set(path, resolve));
    try {
      await this.call(member, signature, [...body, { ...options, handle_token: new dbus.Variant('s', token) }]);
    } catch (error) {
      this.responses.delete(path);
      throw error;
    }
    return answer;
  }

  /** Calls a RemoteDesktop method and waits for its reply (errors reject). */
  async call(member: string, signature: string, body: unknown[]): Promise<void> {
    await this.bus.call(
      new dbus.Message({ destination: DESTINATION, path: PATH, interface: REMOTE_DESKTOP, member, signature, body }),
    );
  }

  /** Closes a portal session (the compositor stops taking its input). */
  async closeSession(session: string): Promise<void> {
    this.closedListeners.delete(session);
    await this.bus
      .call(new dbus.Message({ destination: DESTINATION, path: session, interface: SESSION, member: 'Close' }))
      .catch(() => {});
  }

  onSessionClosed(session: string, listener: () => void): void {
    this.closedListeners.set(session, listener);
  }

  /** Resolves when the bus connection is lost (the session bus went away). */
  onDisconnect(listener: (error: Error) => void): void {
    this.bus.on('error', listener);
  }

  disconnect(): void {
    this.bus.disconnect();
  }

  private async daemonCall(member: string, signature: string, body: unknown[]): Promise<void> {
    await this.bus.call(
      new dbus.Message({
        destination: 'org.freedesktop.DBus',
        path: '/org/freedesktop/DBus',
        interface: 'org.freedesktop.DBus',
        member,
        signature,
        body,
      }),
    );
  }
}
