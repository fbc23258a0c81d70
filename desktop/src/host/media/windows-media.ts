/**
 * Now playing on Windows: the system's media sessions (what the volume flyout shows), read and driven
 * through a long-lived Windows PowerShell that speaks a line protocol (windows-media-script.ts). Commands
 * go to the session itself, so they reach the player whatever window has the focus, as MPRIS does on
 * Linux. No album art: the session's thumbnail is a stream, not a file, and is left out for now.
 * Written against Microsoft's documented API; no Windows machine has run it here (README says so).
 */
import type { MediaPlayer } from '@deskremote/shared';
import { LineHelper } from '../helpers/line-helper.js';
import type { PlayerSource } from './player-source.js';
import { WINDOWS_MEDIA_SCRIPT } from './windows-media-script.js';

const ANSWER_TIMEOUT_MS = 8000;
const LIST_EVERY_MS = 5000;

/** One session as the script lists it. */
export interface SessionInfo {
  id: string;
  title: string;
  artist: string;
  album: string;
  status: string;
  positionMs: number;
  lengthMs: number;
  canSeek: boolean;
  canNext: boolean;
  canPrevious: boolean;
}
export interface SessionList {
  ok: boolean;
  current?: string;
  sessions?: SessionInfo[];
  error?: string;
}

/** The wire's player id: app ids such as "Microsoft.ZuneMusic_8wekyb3d8bbwe!Microsoft.ZuneMusic" hold characters it does not allow. */
export const playerIdOf = (appId: string) => appId.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 80) || 'player';

/** A readable name from an app id: "Spotify.exe" -> "Spotify", "…!Microsoft.ZuneMusic" -> "ZuneMusic". */
export function appNameOf(appId: string): string {
  const tail = appId.split('!').at(-1) ?? appId;
  const bare = tail.replace(/\.exe$/i, '');
  return (bare.split('.').at(-1) || bare).slice(0, 80);
}

const STATUS: Record<string, MediaPlayer['status']> = { Playing: 'playing', Paused: 'paused' };
const clip = (text: unknown, max: number) => String(text ?? '').slice(0, max);
const whole = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.round(n) : null);

/** The players as the phone sees them, and where commands go: Windows' current session, else none. */
export function playersOf(
  list: SessionList,
  now: number,
): { players: MediaPlayer[]; active: string | null; appIds: Map<string, string> } {
  const appIds = new Map<string, string>();
  const players: MediaPlayer[] = [];
  for (const session of list.sessions ?? []) {
    const id = playerIdOf(session.id);
    if (appIds.has(id)) continue;
    appIds.set(id, session.id);
    const lengthMs = whole(session.lengthMs);
    players.push({
      id,
      name: appNameOf(session.id),
      status: STATUS[session.status] ?? 'stopped',
      title: clip(session.title, 120),
      artist: clip(session.artist, 120),
      album: clip(session.album, 120),
      artId: null,
      positionMs: lengthMs === null ? null : Math.min(Math.max(0, Math.round(session.positionMs || 0)), lengthMs),
      positionAt: now,
      lengthMs,
      canSeek: Boolean(session.canSeek) && lengthMs !== null,
      canGoNext: Boolean(session.canNext),
      canGoPrevious: Boolean(session.canPrevious),
    });
  }
  const current = list.current ? playerIdOf(list.current) : null;
  return { players, active: current && appIds.has(current) ? current : (players[0]?.id ?? null), appIds };
}

export class WindowsMedia implements PlayerSource {
  private appIds = new Map<string, string>();
  private active: string | null = null;
  private players: MediaPlayer[] = [];
  private readonly timer: ReturnType<typeof setInterval>;

  private constructor(
    private readonly helper: LineHelper,
    private readonly onChange: (players: MediaPlayer[], active: string | null) => void,
  ) {
    helper.onExit(() => clearInterval(this.timer));
    this.timer = setInterval(() => void this.refreshPositions().catch(() => {}), LIST_EVERY_MS);
    this.timer.unref();
  }

  /** Starts the PowerShell helper and reads the sessions once; rejects where Windows cannot give them. */
  static async start(
    onChange: (players: MediaPlayer[], active: string | null) => void,
    command = 'powershell.exe',
  ): Promise<WindowsMedia> {
    const helper = await LineHelper.powershell(WINDOWS_MEDIA_SCRIPT, 'media helper', command, ANSWER_TIMEOUT_MS);
    const media = new WindowsMedia(helper, onChange);
    try {
      await media.refreshPositions();
    } catch (error) {
      media.close();
      throw error;
    }
    return media;
  }

  has(id: string | undefined): boolean {
    return this.appIds.has(id ?? this.active ?? '');
  }

  async command(id: string | undefined, action: 'playPause' | 'next' | 'previous'): Promise<void> {
    await this.act(`${action} ${this.appId(id)}`);
  }

  async seek(id: string | undefined, positionMs: number): Promise<void> {
    const player = this.players.find((p) => p.id === (id ?? this.active));
    if (!player?.canSeek) throw new Error('cannot seek');
    await this.act(`seek ${this.appId(id)} ${Math.round(positionMs)}`);
  }

  async refreshPositions(): Promise<void> {
    const list = JSON.parse(await this.helper.ask('list')) as SessionList;
    if (!list.ok) throw new Error(list.error ?? 'the media sessions could not be read');
    const { players, active, appIds } = playersOf(list, Date.now());
    this.players = players;
    this.appIds = appIds;
    this.active = active;
    this.onChange(players, active);
  }

  artFile(): string | undefined {
    return undefined;
  }

  close(): void {
    clearInterval(this.timer);
    this.helper.close();
  }

  private appId(id: string | undefined): string {
    const appId = this.appIds.get(id ?? this.active ?? '');
    if (!appId) throw new Error('no such player');
    return appId;
  }

  private async act(request: string): Promise<void> {
    const answer = JSON.parse(await this.helper.ask(request)) as { ok: boolean; error?: string };
    if (!answer.ok) throw new Error(answer.error ?? 'the player refused');
    await this.refreshPositions().catch(() => {});
  }
}
