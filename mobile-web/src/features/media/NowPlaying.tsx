/**
 * What is playing, from the computer's media players (MPRIS): the chosen player (or the one that played
 * last), its title, artist and album art, its state, and a seek bar whose position runs on between the
 * computer's readings. While this is shown the computer reads positions; it stops when it closes.
 */
import type { MediaPlayer } from '@deskremote/shared';
import { useEffect, useRef, useState } from 'react';
import type { Connection, ConnectionSnapshot } from '../../connection/connection';
import { t } from '../../i18n/i18n';

const CHOICE_KEY = 'deskremote.mediaPlayer';

export function chosenPlayerOf(
  players: readonly MediaPlayer[],
  active: string | null,
  choice: string | null,
): MediaPlayer | undefined {
  return players.find((p) => p.id === choice) ?? players.find((p) => p.id === active) ?? players[0];
}

/** Where the track is now, from the computer's last reading and the clocks' difference. */
export function positionNow(player: MediaPlayer, hostNow: number): number | null {
  if (player.positionMs === null) return null;
  const run = player.status === 'playing' ? Math.max(0, hostNow - player.positionAt) : 0;
  return player.lengthMs === null ? player.positionMs + run : Math.min(player.lengthMs, player.positionMs + run);
}

const clock = (ms: number) => `${Math.floor(ms / 60_000)}:${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')}`;

export function NowPlaying({
  connection,
  snapshot,
  onPlayer,
}: {
  connection: Connection;
  snapshot: ConnectionSnapshot;
  onPlayer: (id: string | undefined) => void;
}) {
  const media = snapshot.state?.media;
  const open = snapshot.status.kind === 'open';
  const [choice, setChoice] = useState<string | null>(() => localStorage.getItem(CHOICE_KEY));
  const [, tick] = useState(0);
  const [art, setArt] = useState<string | undefined>(undefined);
  const artFor = useRef<string | null>(null);
  const player = media ? chosenPlayerOf(media.players, media.active, choice) : undefined;

  useEffect(() => onPlayer(player?.id), [player?.id, onPlayer]);
  useEffect(() => {
    if (!open) return;
    connection.fire({ t: 'mediaWatch', on: true });
    const timer = setInterval(() => tick((n) => n + 1), 500);
    return () => {
      clearInterval(timer);
      connection.fire({ t: 'mediaWatch', on: false });
    };
  }, [connection, open]);
  useEffect(() => {
    const key = player?.artId ? `${player.id}:${player.artId}` : null;
    if (key === artFor.current) return;
    artFor.current = key;
    if (!player || !key) return setArt(undefined);
    let url: string | undefined;
    connection.requestArt(player.id).then(
      (frame) => {
        url = URL.createObjectURL(new Blob([frame.jpeg as BlobPart], { type: 'image/jpeg' }));
        setArt(url);
      },
      () => setArt(undefined),
    );
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [connection, player]);

  if (!media || media.source === 'media-keys') return <p className="now-playing-note">{t('mediaKeysNote')}</p>;
  if (!player)
    return (
      <p className="now-playing-note" data-testid="now-playing">
        {t('mediaNothing')}
      </p>
    );
  const position = positionNow(player, Date.now() + snapshot.clockOffsetMs);
  return (
    <section className="now-playing" data-testid="now-playing" data-status={player.status} data-player={player.id}>
      {art ? <img className="now-playing-art" src={art} alt="" /> : <div className="now-playing-art" aria-hidden="true" />}
      <div className="now-playing-text">
        <strong data-testid="now-playing-title">{player.title || t('mediaUntitled')}</strong>
        <span>{[player.artist, player.album].filter(Boolean).join(' · ')}</span>
        <span className="now-playing-status" data-testid="now-playing-status">
          {t(player.status === 'playing' ? 'mediaPlaying' : player.status === 'paused' ? 'mediaPaused' : 'mediaStopped')}
        </span>
      </div>
      {media.players.length > 1 && (
        <label className="now-playing-player">
          <span>{t('mediaPlayer')}</span>
          <select
            value={player.id}
            data-testid="media-player"
            onChange={(event) => {
              const id = (event.target as HTMLSelectElement).value;
              localStorage.setItem(CHOICE_KEY, id);
              setChoice(id);
            }}
          >
            {media.players.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {position !== null && player.lengthMs !== null && (
        <div className="now-playing-seek">
          <output>{clock(position)}</output>
          <input
            type="range"
            min={0}
            max={player.lengthMs}
            step={1000}
            value={position}
            disabled={!player.canSeek}
            aria-label={t('mediaSeek')}
            data-testid="media-seek"
            onChange={(event) =>
              connection.fire({ t: 'seek', positionMs: Number((event.target as HTMLInputElement).value), player: player.id })
            }
          />
          <output>{clock(player.lengthMs)}</output>
        </div>
      )}
    </section>
  );
}
