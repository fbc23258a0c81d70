import { MAX_TALK_MS, type TalkTimer } from '@deskremote/shared';
import { useState } from 'react';
import { t } from '../../../i18n/i18n';

const PRESETS = [10, 20, 30, 45, 60];
const MINUTE = 60_000;

/** The talk's length and the warnings, in whole minutes left (what a speaker thinks in). */
export function TimerPlan(props: {
  timer: TalkTimer;
  onSave: (durationMs: number, warningsMs: number[]) => void;
  onClose: () => void;
}) {
  const [minutes, setMinutes] = useState(String(Math.round(props.timer.durationMs / MINUTE)));
  const [first, setFirst] = useState(String((props.timer.warningsMs[0] ?? 0) / MINUTE || ''));
  const [last, setLast] = useState(String((props.timer.warningsMs[1] ?? 0) / MINUTE || ''));
  const duration = Math.round(Number(minutes) * MINUTE);
  const valid = Number.isFinite(duration) && duration >= MINUTE && duration <= MAX_TALK_MS;
  const warnings = [first, last].map((m) => Math.round(Number(m) * MINUTE)).filter((ms) => ms > 0 && ms < duration);
  return (
    <div
      className="timer-plan no-swipe"
      role="dialog"
      aria-modal="true"
      aria-label={t('timerPlanTitle')}
      data-testid="timer-plan"
    >
      <form
        className="timer-plan-sheet"
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) props.onSave(duration, warnings);
        }}
      >
        <h2>{t('timerPlanTitle')}</h2>
        <div className="timer-presets">
          {PRESETS.map((preset) => (
            <button
              key={preset}
              type="button"
              className={`toggle${Number(minutes) === preset ? ' on' : ''}`}
              onClick={() => setMinutes(String(preset))}
            >
              {t('timerMinutesShort', { n: preset })}
            </button>
          ))}
        </div>
        <label>
          <span>{t('timerLength')}</span>
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={600}
            value={minutes}
            data-testid="timer-minutes"
            onInput={(e) => setMinutes((e.target as HTMLInputElement).value)}
          />
        </label>
        <label>
          <span>{t('timerFirstWarning')}</span>
          <input
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            value={first}
            data-testid="timer-first-warning"
            onInput={(e) => setFirst((e.target as HTMLInputElement).value)}
          />
        </label>
        <label>
          <span>{t('timerLastWarning')}</span>
          <input
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            value={last}
            data-testid="timer-last-warning"
            onInput={(e) => setLast((e.target as HTMLInputElement).value)}
          />
        </label>
        <div className="timer-plan-actions">
          <button type="button" onClick={props.onClose}>
            {t('timerCancel')}
          </button>
          <button type="submit" className="primary" disabled={!valid} data-testid="timer-save">
            {t('timerSave')}
          </button>
        </div>
      </form>
    </div>
  );
}
