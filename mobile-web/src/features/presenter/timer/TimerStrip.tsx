/**
 * The talk timer as the computer keeps it for every phone: time left in big digits (then over time), the
 * colour of the warnings that have fired, a buzz when one fires, start and pause, reset (held, so a slip
 * does not lose the time) and the plan.
 */
import { formatClock, levelOf } from '@deskremote/shared';
import { useState } from 'react';
import { t } from '../../../i18n/i18n';
import { HoldButton } from '../HoldButton';
import type { PresenterSlotProps } from '../slot-props';
import { TimerPlan } from './TimerPlan';
import { useTalkTime } from './use-talk-time';
import './timer.css';

export function TimerStrip({ connection, snapshot }: PresenterSlotProps) {
  const timer = snapshot.state?.timer;
  const left = useTalkTime(timer, snapshot.clockOffsetMs);
  const [planning, setPlanning] = useState(false);
  if (!timer || left === undefined) return null;
  const level = levelOf(timer);
  const running = timer.status === 'running';
  return (
    <div className="timer-strip" data-testid="talk-timer" data-level={level} data-status={timer.status}>
      <output className="timer-time" data-testid="timer-time" aria-label={t('timerTitle')}>
        {formatClock(left)}
      </output>
      <button
        type="button"
        className={`timer-go${running ? '' : ' primary'}`}
        data-testid="timer-toggle"
        onClick={() => connection.fire({ t: 'timer', op: running ? 'pause' : 'start' })}
      >
        {t(running ? 'timerPause' : timer.status === 'paused' ? 'timerResume' : 'timerStart')}
      </button>
      <HoldButton
        className="timer-reset"
        dataSlide="timer-reset"
        onHold={() => connection.fire({ t: 'timer', op: 'reset' })}
        onShortTap={() => {}}
      >
        {t('timerReset')}
      </HoldButton>
      <button
        type="button"
        className="timer-plan-open"
        data-testid="timer-plan-open"
        aria-label={t('timerPlanTitle')}
        onClick={() => setPlanning(true)}
      >
        {t('timerPlanShort')}
      </button>
      {planning && (
        <TimerPlan
          timer={timer}
          onClose={() => setPlanning(false)}
          onSave={(durationMs, warningsMs) => {
            setPlanning(false);
            connection.fire({ t: 'timerPlan', durationMs, warningsMs });
          }}
        />
      )}
    </div>
  );
}
