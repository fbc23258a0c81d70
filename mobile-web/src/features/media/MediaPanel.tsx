/**
 * The sofa's media panel: what is playing, previous, play/pause and next large (to the player shown, or
 * as media keys where the computer has no media players to talk to), and the computer's volume (a slider
 * where its sound server answers, the volume keys where it does not).
 */
import type { MediaAction } from '@deskremote/shared';
import { useCallback, useState } from 'react';
import { Icon, type IconName } from '../../components/icons';
import type { Connection, ConnectionSnapshot } from '../../connection/connection';
import { type MessageKey, t } from '../../i18n/i18n';
import { VolumeControl } from '../volume/VolumeControl';
import { NowPlaying } from './NowPlaying';
import './media.css';

const TRANSPORT: ReadonlyArray<{ action: MediaAction; label: MessageKey; icon: IconName; big?: boolean }> = [
  { action: 'previous', label: 'previousTrack', icon: 'prev' },
  { action: 'playPause', label: 'playPause', icon: 'play', big: true },
  { action: 'next', label: 'nextTrack', icon: 'next' },
];

export function MediaPanel({ connection, snapshot }: { connection: Connection; snapshot: ConnectionSnapshot }) {
  const [player, setPlayer] = useState<string | undefined>(undefined);
  const onPlayer = useCallback((id: string | undefined) => setPlayer(id), []);
  return (
    <div className="media-panel">
      <NowPlaying connection={connection} snapshot={snapshot} onPlayer={onPlayer} />
      <div className="media-transport">
        {TRANSPORT.map(({ action, label, icon, big }) => (
          <button
            key={action}
            type="button"
            className={`big-button${big ? ' primary' : ''}`}
            aria-label={t(label)}
            data-media={action}
            onClick={() => connection.fire({ t: 'media', action, ...(player ? { player } : {}) })}
          >
            <Icon name={icon} size={big ? 48 : 36} />
            <span>{t(label)}</span>
          </button>
        ))}
      </div>
      <VolumeControl connection={connection} snapshot={snapshot} />
    </div>
  );
}
