/**
 * The computer's own volume: a slider and a mute button, following changes made elsewhere (unless a
 * finger is on the slider). Without a sound server the computer can reach, the volume keys instead.
 */
import type { MediaAction } from '@deskremote/shared';
import { useEffect, useRef, useState } from 'react';
import { Icon, type IconName } from '../../components/icons';
import type { Connection, ConnectionSnapshot } from '../../connection/connection';
import { type MessageKey, t } from '../../i18n/i18n';
import {
  NOT_HELD,
  onComputerLevel,
  onFingerDown,
  onFingerUp,
  onLevelSent,
  onSettled,
  onSliderInput,
  type SliderHold,
} from './slider-hold';
import './volume.css';

const KEYS: ReadonlyArray<{ action: MediaAction; label: MessageKey; icon: IconName }> = [
  { action: 'volumeDown', label: 'volumeDown', icon: 'volDown' },
  { action: 'mute', label: 'mute', icon: 'mute' },
  { action: 'volumeUp', label: 'volumeUp', icon: 'volUp' },
];
/** While dragging, at most this often. */
const SEND_EVERY_MS = 100;
/** The last value goes this long after the slider stops moving, and the computer's level is shown again. */
const SETTLE_MS = 400;

export function VolumeControl({ connection, snapshot }: { connection: Connection; snapshot: ConnectionSnapshot }) {
  const volume = snapshot.state?.volume ?? null;
  const [hold, setHold] = useState<SliderHold>(NOT_HELD);
  const lastSent = useRef({ at: 0, level: -1 });
  const trailing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(trailing.current), []);
  const computerLevel = volume?.level;
  useEffect(() => {
    if (computerLevel !== undefined) setHold((now) => onComputerLevel(now, computerLevel));
  }, [computerLevel]);

  if (!volume) {
    return (
      <div className="volume-keys" data-testid="volume-keys">
        {KEYS.map(({ action, label, icon }) => (
          <button
            key={action}
            type="button"
            data-media={action}
            aria-label={t(label)}
            onClick={() => connection.fire({ t: 'media', action })}
          >
            <Icon name={icon} size={26} />
            <span>{t(label)}</span>
          </button>
        ))}
      </div>
    );
  }
  const send = (level: number) => {
    lastSent.current = { at: performance.now(), level };
    setHold((now) => onLevelSent(now, level));
    connection.fire({ t: 'volume', level });
  };
  // The last value goes if it has not yet (never twice: a change made meanwhile elsewhere stays), and the
  // hold ends once the slider has rested with the finger up.
  const settleSoon = (level: number) => {
    clearTimeout(trailing.current);
    trailing.current = setTimeout(() => {
      if (lastSent.current.level !== level) send(level);
      setHold(onSettled);
    }, SETTLE_MS);
  };
  const shown = hold.held ?? volume.level;
  const max = volume.level > 100 ? 150 : 100;
  return (
    <div className="volume" data-testid="volume" data-level={volume.level} data-muted={volume.muted}>
      <button
        type="button"
        className={`volume-mute${volume.muted ? ' on' : ''}`}
        aria-pressed={volume.muted}
        aria-label={t('mute')}
        data-testid="volume-mute"
        onClick={() => connection.fire({ t: 'volume', muted: !volume.muted })}
      >
        <Icon name={volume.muted ? 'mute' : 'volUp'} size={26} />
      </button>
      <input
        type="range"
        min={0}
        max={max}
        step={1}
        value={shown}
        aria-label={t('volumeTitle')}
        data-testid="volume-slider"
        onPointerDown={() => setHold(onFingerDown)}
        onPointerUp={(event) => {
          setHold(onFingerUp);
          settleSoon(Number(event.currentTarget.value));
        }}
        onPointerCancel={(event) => {
          setHold(onFingerUp);
          settleSoon(Number(event.currentTarget.value));
        }}
        onInput={(event) => {
          const level = Number(event.currentTarget.value);
          setHold((now) => onSliderInput(now, level));
          if (performance.now() - lastSent.current.at >= SEND_EVERY_MS) send(level);
          settleSoon(level);
        }}
      />
      <output className="volume-value" data-testid="volume-value">
        {volume.muted ? t('volumeMuted') : `${shown}%`}
      </output>
    </div>
  );
}
