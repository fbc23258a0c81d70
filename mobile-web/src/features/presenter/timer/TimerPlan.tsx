import { MAX_TALK_MS, type TalkTimer } from '@deskremote/shared';
import { useState } from 'react';
import { type MessageKey, t } from '../../../i18n/i18n';
import { Sheet, SheetActions } from '../../../ui/Sheet';

const PRESETS = [10, 20, 30, 45, 60];
const MINUTE = 60_000;

/** A number of minutes: the talk's length (whole) or a warning (a fraction is fine: 0.5 is half a minute). */
function MinutesField(props: {
  label: MessageKey;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  whole?: boolean;
}) {
  return (
    <label>
      <span>{t(props.label)}</span>
      <input
        type="number"
        inputMode={props.whole ? 'numeric' : 'decimal'}
        min={props.whole ? 1 : 0}
        max={props.whole ? 600 : undefined}
        step={props.whole ? 1 : 'any'}
        value={props.value}
        data-testid={props.testId}
        onInput={(e) => props.onChange((e.target as HTMLInputElement).value)}
      />
    </label>
  );
}

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
    <Sheet
      label={t('timerPlanTitle')}
      testId="timer-plan"
      className="timer-plan no-swipe"
      sheetClass="timer-plan-sheet"
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
      <MinutesField label="timerLength" value={minutes} onChange={setMinutes} testId="timer-minutes" whole />
      <MinutesField label="timerFirstWarning" value={first} onChange={setFirst} testId="timer-first-warning" />
      <MinutesField label="timerLastWarning" value={last} onChange={setLast} testId="timer-last-warning" />
      <SheetActions className="timer-plan-actions" onCancel={props.onClose} canSave={valid} saveTestId="timer-save" />
    </Sheet>
  );
}
