import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MediaPlayer } from '@deskremote/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appNameOf, playerIdOf, playersOf, WindowsMedia } from '../../src/host/media/windows-media.js';
import { WINDOWS_MEDIA_SCRIPT } from '../../src/host/media/windows-media-script.js';

const ZUNE = 'Microsoft.ZuneMusic_8wekyb3d8bbwe!Microsoft.ZuneMusic';
const session = (id: string, status: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: `${id} song`,
  artist: 'Artist',
  album: 'Album',
  status,
  positionMs: 61_000,
  lengthMs: 180_000,
  canSeek: true,
  canNext: true,
  canPrevious: false,
  ...extra,
});

describe('Windows media sessions, as the phone sees them', () => {
  it('app ids become wire-safe ids and readable names', () => {
    expect(playerIdOf(ZUNE)).toBe('Microsoft.ZuneMusic_8wekyb3d8bbwe_Microsoft.ZuneMusic');
    expect(appNameOf(ZUNE)).toBe('ZuneMusic');
    expect(appNameOf('Spotify.exe')).toBe('Spotify');
    expect(appNameOf('MSEdge')).toBe('MSEdge');
  });

  it('statuses, lengths and the current session', () => {
    const { players, active, appIds } = playersOf(
      {
        ok: true,
        current: 'Spotify.exe',
        sessions: [session(ZUNE, 'Paused'), session('Spotify.exe', 'Playing', { lengthMs: 0 })],
      },
      1000,
    );
    expect(players.map((p) => [p.id, p.status, p.lengthMs, p.positionMs, p.canSeek])).toEqual([
      [playerIdOf(ZUNE), 'paused', 180_000, 61_000, true],
      // A live stream has no length: no position, no seeking.
      ['Spotify.exe', 'playing', null, null, false],
    ]);
    expect(active).toBe('Spotify.exe');
    expect(appIds.get(playerIdOf(ZUNE))).toBe(ZUNE);
    expect(playersOf({ ok: true, current: '', sessions: [session('a.exe', 'Changing')] }, 0).players[0]?.status).toBe('stopped');
  });

  it('the PowerShell script is a single projection of the documented API, and awaits with a bound', () => {
    expect(WINDOWS_MEDIA_SCRIPT).toContain('IAsyncOperation`1');
    expect(WINDOWS_MEDIA_SCRIPT).toContain('GlobalSystemMediaTransportControlsSessionManager');
    expect(WINDOWS_MEDIA_SCRIPT).toContain('$task.Wait(5000)');
    // -EncodedCommand takes UTF-16LE base64; the whole command line must stay under Windows' 32,767 characters.
    expect(Buffer.from(WINDOWS_MEDIA_SCRIPT, 'utf16le').toString('base64').length).toBeLessThan(30_000);
  });
});

describe('the helper protocol, against a stand-in for PowerShell', () => {
  let folder: string;
  let helper: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'deskremote-winmedia-'));
    helper = join(folder, 'powershell');
    // Answers like the script: a list with one playing session; commands logged and answered ok.
    await writeFile(
      helper,
      `#!/bin/sh
while read -r verb id rest; do
  echo "$verb $id $rest" >> "${join(folder, 'asked')}"
  if [ "$verb" = list ]; then
    echo '{"ok":true,"current":"${ZUNE}","sessions":[{"id":"${ZUNE}","title":"Tone","artist":"A","album":"B","status":"Playing","positionMs":5000,"lengthMs":60000,"canSeek":true,"canNext":true,"canPrevious":true}]}'
  elif [ "$id" = "${ZUNE}" ]; then echo '{"ok":true}'; else echo '{"ok":false,"error":"no-session"}'; fi
done
`,
    );
    await chmod(helper, 0o755);
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('lists, sends commands to the session by its app id, seeks, and refuses what it cannot', async () => {
    const seen: MediaPlayer[][] = [];
    const media = await WindowsMedia.start((players) => seen.push(players), helper);
    try {
      expect(seen[0]?.[0]).toMatchObject({ name: 'ZuneMusic', title: 'Tone', status: 'playing', positionMs: 5000 });
      expect(media.has(undefined)).toBe(true);
      await media.command(undefined, 'next');
      await media.seek(playerIdOf(ZUNE), 30_000);
      await expect(media.command('nobody', 'playPause')).rejects.toThrow(/no such player/);
      const { readFile } = await import('node:fs/promises');
      const asked = (await readFile(join(folder, 'asked'), 'utf8')).trim().split('\n');
      expect(asked.filter((line) => !line.startsWith('list'))).toEqual([`next ${ZUNE} `, `seek ${ZUNE} 30000`]);
    } finally {
      media.close();
    }
    // A helper that is gone fails every request at once instead of each waiting for its timeout.
    await expect(media.refreshPositions()).rejects.toThrow(/stopped/);
  });
});

describe('a helper that exits at once', () => {
  it('fails the start cleanly: no uncaught EPIPE from writing to its closed pipe', async () => {
    // /bin/true stands for a PowerShell that cannot run the script and exits before reading anything.
    await expect(WindowsMedia.start(() => {}, '/bin/true')).rejects.toThrow(/stopped/);
  });
});
