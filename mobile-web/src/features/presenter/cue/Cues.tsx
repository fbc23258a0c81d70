/**
 * What must reach a speaker who is not looking at the phone: a cue from the person at the computer
 * ("five minutes", "wrap up") and the talk timer's warnings. The whole screen flashes (an iPhone cannot
 * vibrate from a page), the phone buzzes where it can, and a cue stays written above the timer for a
 * few seconds, in the reader's language.
 */
import { CUE_SHOWN_MS, type CueCode } from '@deskremote/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { type MessageKey, t } from '../../../i18n/i18n';
import type { PresenterSlotProps } from '../slot-props';
import { useWarningBuzz } from '../timer/use-warning-buzz';
import './cue.css';
import { buzz } from '../../../ui/haptics';

const CUE_WORDS: Record<CueCode, MessageKey> = {
  'five-minutes': 'cueFiveMinutes',
  'wrap-up': 'cueWrapUp',
  questions: 'cueQuestions',
  'slow-down': 'cueSlowDown',
  'speak-up': 'cueSpeakUp',
};

export function Cues({ snapshot }: PresenterSlotProps) {
  const cue = snapshot.state?.cue ?? null;
  const [flashes, setFlashes] = useState(0);
  const [shown, setShown] = useState<CueCode | undefined>(undefined);
  const seen = useRef<number | undefined>(undefined);
  const flash = useCallback(() => setFlashes((n) => n + 1), []);
  useWarningBuzz(snapshot.state?.timer, flash);

  useEffect(() => {
    if (!cue || cue.id === seen.current) return;
    seen.current = cue.id;
    // One sent before this page looked (or long ago, on the host's clock) is not news.
    const left = CUE_SHOWN_MS - (Date.now() + snapshot.clockOffsetMs - cue.at);
    if (left <= 0) return;
    setShown(cue.code);
    flash();
    buzz('cue');
    const timer = setTimeout(() => setShown(undefined), left);
    return () => clearTimeout(timer);
  }, [cue, snapshot.clockOffsetMs, flash]);

  return (
    <>
      {/* On the page itself: wherever the timer's cell is (hidden while the keyboard is up), the screen flashes. */}
      {flashes > 0 &&
        createPortal(
          <div key={flashes} className="screen-flash" data-testid="screen-flash" data-count={flashes} aria-hidden="true" />,
          document.body,
        )}
      {shown && (
        <div className="cue-banner" role="alert" data-testid="cue" data-cue={shown}>
          {t(CUE_WORDS[shown])}
        </div>
      )}
    </>
  );
}
