/**
 * The media players on the session bus, over MPRIS (dbus-next): which run, what each plays, and its
 * play state; commands go to a player directly, so they reach it whatever window has the focus.
 * Players come and go (NameOwnerChanged); their properties are signalled (PropertiesChanged), except the
 * position, which is read about once a second while a phone shows the media panel.
 */

import type { MediaPlayer } from '@deskremote/shared';
import dbus from 'dbus-next';
import { playerOf } from './mpris-metadata.js';

const PREFIX = 'org.mpris.MediaPlayer2.';
const PATH = '/org/mpris/MediaPlayer2';
const PLAYER = 'org.mpris.MediaPlayer2.Player';

type Tracked = MediaPlayer & { trackId: string; artUrl: string };
/** The D-Bus methods and signals used here (dbus-next's interfaces are untyped). */
interface PlayerCalls {
  PlayPause(): Promise<void>;
  Next(): Promise<void>;
  Previous(): Promise<void>;
  SetPosition(trackId: string, positionMicros: bigint): Promise<void>;
}
interface PropertyCalls {
  Get(iface: string, name: string): Promise<{ value: unknown }>;
  GetAll(iface: string): Promise<Record<string, { value: unknown }>>;
  on(signal: 'PropertiesChanged', listener: (iface: string) => void): void;
  removeAllListeners(signal: 'PropertiesChanged'): void;
}
interface DaemonCalls {
  ListNames(): Promise<string[]>;
  on(signal: 'NameOwnerChanged', listener: (name: string, oldOwner: string, newOwner: string) => void): void;
}
interface Handle {
  busName: string;
  player: PlayerCalls;
  props: PropertyCalls;
  info: Tracked;
}

export class Mpris {
  private readonly players = new Map<string, Handle>();
  private active: string | null = null;

  private constructor(
    private readonly bus: dbus.MessageBus,
    private readonly onChange: (players: Tracked[], active: string | null) => void,
    private readonly log: (line: string) => void,
  ) {}

  static async connect(
    onChange: (players: Tracked[], active: string | null) => void,
    log: (line: string) => void,
  ): Promise<Mpris> {
    const bus = dbus.sessionBus();
    const mpris = new Mpris(bus, onChange, log);
    bus.on('error', (error: Error) => log(`session bus: ${error.message}`));
    const daemon = (await bus.getProxyObject('org.freedesktop.DBus', '/org/freedesktop/DBus')).getInterface(
      'org.freedesktop.DBus',
    ) as unknown as DaemonCalls;
    daemon.on('NameOwnerChanged', (name: string, _old: string, owner: string) => {
      if (!name.startsWith(PREFIX)) return;
      if (owner) void mpris.add(name);
      else mpris.remove(name);
    });
    const names = await daemon.ListNames();
    await Promise.all(names.filter((n) => n.startsWith(PREFIX)).map((n) => mpris.add(n)));
    mpris.publish();
    return mpris;
  }

  private async add(busName: string): Promise<void> {
    const id = busName.slice(PREFIX.length);
    try {
      const object = await this.bus.getProxyObject(busName, PATH);
      const player = object.getInterface(PLAYER) as unknown as PlayerCalls;
      const props = object.getInterface('org.freedesktop.DBus.Properties') as unknown as PropertyCalls;
      const root = await props.Get('org.mpris.MediaPlayer2', 'Identity').catch(() => undefined);
      const all = await props.GetAll(PLAYER);
      const handle: Handle = { busName, player, props, info: playerOf(id, String(root?.value ?? id), all, Date.now()) };
      this.players.set(id, handle);
      if (handle.info.status === 'playing' || !this.active) this.active = id;
      props.on('PropertiesChanged', (iface: string) => {
        if (iface === PLAYER) void this.reread(id);
      });
      this.publish();
    } catch (error) {
      this.log(`media player ${id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private remove(busName: string): void {
    const id = busName.slice(PREFIX.length);
    this.players.get(id)?.props.removeAllListeners('PropertiesChanged');
    this.players.delete(id);
    if (this.active === id) this.active = [...this.players.keys()][0] ?? null;
    this.publish();
  }

  private async reread(id: string): Promise<void> {
    const handle = this.players.get(id);
    if (!handle) return;
    try {
      const all = await handle.props.GetAll(PLAYER);
      const before = handle.info.status;
      handle.info = playerOf(id, handle.info.name, all, Date.now());
      // The player that started playing last is the one commands go to.
      if (handle.info.status === 'playing' && before !== 'playing') this.active = id;
      this.publish();
    } catch {
      // Gone meanwhile: NameOwnerChanged removes it.
    }
  }

  /** Positions are not signalled: read while someone looks. */
  async refreshPositions(): Promise<void> {
    await Promise.all([...this.players.keys()].map((id) => this.reread(id)));
  }

  private publish(): void {
    this.onChange(
      [...this.players.values()].map((h) => h.info),
      this.active,
    );
  }

  private handle(id: string | undefined): Handle {
    const handle = this.players.get(id ?? this.active ?? '');
    if (!handle) throw new Error('no such player');
    return handle;
  }

  has(id: string | undefined): boolean {
    return this.players.has(id ?? this.active ?? '');
  }

  async command(id: string | undefined, action: 'playPause' | 'next' | 'previous'): Promise<void> {
    const { player } = this.handle(id);
    if (action === 'playPause') await player.PlayPause();
    else if (action === 'next') await player.Next();
    else await player.Previous();
  }

  async seek(id: string | undefined, positionMs: number): Promise<void> {
    const handle = this.handle(id);
    if (!handle.info.canSeek || !handle.info.trackId) throw new Error('cannot seek');
    await handle.player.SetPosition(handle.info.trackId, BigInt(Math.round(positionMs)) * 1000n);
    await this.reread(handle.info.id);
  }

  artFile(id: string): string | undefined {
    const url = this.players.get(id)?.info.artUrl ?? '';
    return url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : undefined;
  }

  close(): void {
    this.bus.disconnect();
  }
}
