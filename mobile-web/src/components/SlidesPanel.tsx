import type { SlideAction } from '@deskremote/shared';
import type { Connection } from '../connection/connection';
import { type MessageKey, t } from '../i18n/i18n';

const SMALL: ReadonlyArray<{ action: SlideAction; label: MessageKey }> = [
  { action: 'start', label: 'startShow' },
  { action: 'black', label: 'blackScreen' },
  { action: 'end', label: 'endShow' },
];

/** Built for a speaker who does not look at the phone: Next is most of the screen. */
export function SlidesPanel({ connection }: { connection: Connection }) {
  const send = (action: SlideAction) => {
    navigator.vibrate?.(12);
    connection.send({ t: 'slide', action }).catch(() => {});
  };
  return (
    <div className="slides">
      <button type="button" className="slide-next" data-slide="next" onClick={() => send('next')}>
        {t('nextSlide')}
      </button>
      <button type="button" className="slide-prev" data-slide="previous" onClick={() => send('previous')}>
        {t('previousSlide')}
      </button>
      <div className="slide-row">
        {SMALL.map(({ action, label }) => (
          <button key={action} type="button" className="slide-small" data-slide={action} onClick={() => send(action)}>
            {t(label)}
          </button>
        ))}
      </div>
    </div>
  );
}
