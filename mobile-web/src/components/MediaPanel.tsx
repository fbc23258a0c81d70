import type { MediaAction } from '@deskremote/shared';
import type { Connection } from '../connection/connection';
import { type MessageKey, t } from '../i18n/i18n';
import { Icon, type IconName } from './icons';

const BUTTONS: ReadonlyArray<{ action: MediaAction; label: MessageKey; icon: IconName; big?: boolean }> = [
  { action: 'previous', label: 'previousTrack', icon: 'prev' },
  { action: 'playPause', label: 'playPause', icon: 'play', big: true },
  { action: 'next', label: 'nextTrack', icon: 'next' },
  { action: 'volumeDown', label: 'volumeDown', icon: 'volDown' },
  { action: 'mute', label: 'mute', icon: 'mute' },
  { action: 'volumeUp', label: 'volumeUp', icon: 'volUp' },
];

export function MediaPanel({ connection }: { connection: Connection }) {
  return (
    <div className="grid-panel media">
      {BUTTONS.map(({ action, label, icon, big }) => (
        <button
          key={action}
          type="button"
          className={`big-button${big ? ' primary' : ''}`}
          aria-label={t(label)}
          data-media={action}
          onClick={() => connection.send({ t: 'media', action }).catch(() => {})}
        >
          <Icon name={icon} size={big ? 40 : 32} />
          <span>{t(label)}</span>
        </button>
      ))}
    </div>
  );
}
