/** MPRIS properties (D-Bus variants) to what a phone is shown. Pure, so it is tested without a bus. */
import type { MediaPlayer, PlaybackStatus } from '@deskremote/shared';

type Props = Record<string, { value: unknown } | undefined>;

const text = (value: unknown, max = 120): string =>
  (Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : '').slice(0, max);
const micros = (value: unknown): number | null => {
  if (typeof value === 'bigint') return Number(value / 1000n);
  if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value / 1000);
  return null;
};

export function statusOf(value: unknown): PlaybackStatus {
  return value === 'Playing' ? 'playing' : value === 'Paused' ? 'paused' : 'stopped';
}

/** A player's id and name, its Player properties, and when its position was read (host clock). */
export function playerOf(
  id: string,
  name: string,
  props: Props,
  positionAt: number,
): MediaPlayer & { trackId: string; artUrl: string } {
  const metadata = (props.Metadata?.value ?? {}) as Props;
  const artUrl = text(metadata['mpris:artUrl']?.value, 1000);
  const length = micros(metadata['mpris:length']?.value);
  return {
    id,
    name: name.slice(0, 80),
    status: statusOf(props.PlaybackStatus?.value),
    title: text(metadata['xesam:title']?.value) || text(metadata['xesam:url']?.value).split('/').pop() || '',
    artist: text(metadata['xesam:artist']?.value),
    album: text(metadata['xesam:album']?.value),
    artId: artUrl.startsWith('file://') ? String(hash(artUrl)) : null,
    positionMs: micros(props.Position?.value),
    positionAt,
    lengthMs: length !== null && length > 0 ? length : null,
    canSeek: props.CanSeek?.value === true,
    canGoNext: props.CanGoNext?.value === true,
    canGoPrevious: props.CanGoPrevious?.value === true,
    trackId: text(metadata['mpris:trackid']?.value, 300),
    artUrl,
  };
}

function hash(value: string): number {
  let h = 5381;
  for (let i = 0; i < value.length; i++) h = ((h << 5) + h + value.charCodeAt(i)) >>> 0;
  return h;
}
