/**
 * The speaker's panel, built to be used without looking: most of it is Next, a swipe anywhere changes the
 * slide, and what could end the show or blank the screen sits apart and acts only when held. The phone
 * buzzes briefly when the computer confirms a slide change, and the screen stays on while this is open.
 * The timer, the slide app, the preview and the laser pad are parts of their own (what the preview and
 * the pad need loads when they are first shown).
 */
import { levelOf, type SlideAction } from '@deskremote/shared';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { type MessageKey, t } from '../../i18n/i18n';
import { useKeepAwake } from './awake/use-keep-awake';
import { Cues } from './cue/Cues';
import { HoldButton } from './HoldButton';
import { ProfileChip } from './profile/ProfileChip';
import { useProfileChoice } from './profile/profile-choice';
import type { PresenterSlotProps } from './slot-props';
import { isTap, swipeOf } from './swipe';
import { TimerStrip } from './timer/TimerStrip';
import './presenter.css';
import { buzz } from '../../ui/haptics';

const PreviewView = lazy(() => import('./preview/PreviewView'));
const LaserPad = lazy(() => import('./laser/LaserPad'));
const SpeakerView = lazy(() => import('./show/SpeakerView'));

const GUARDED: ReadonlyArray<{ action: SlideAction; label: MessageKey }> = [
  { action: 'start', label: 'startShow' },
  { action: 'startHere', label: 'startHere' },
  { action: 'black', label: 'blackScreen' },
  { action: 'white', label: 'whiteScreen' },
  { action: 'end', label: 'endShow' },
];

type Mode = 'slides' | 'pointer';

export function PresenterPanel(props: PresenterSlotProps) {
  const { connection } = props;
  const profile = useProfileChoice();
  const awake = useKeepAwake();
  const [mode, setMode] = useState<Mode>('slides');
  const [preview, setPreview] = useState(false);
  const [hint, setHint] = useState<MessageKey | undefined>(undefined);
  const [slideNumber, setSlideNumber] = useState('');
  const stroke = useRef<{ x: number; y: number; at: number; id: number } | undefined>(undefined);
  /** A swipe that began on a button must not also press it: the click that may follow it is dropped. */
  const swallowClick = useRef(false);

  useEffect(() => {
    if (!hint) return;
    const timer = setTimeout(() => setHint(undefined), 3000);
    return () => clearTimeout(timer);
  }, [hint]);

  const send = (action: SlideAction, slide?: number) => {
    connection
      .send({
        t: 'slide',
        action,
        ...(slide === undefined ? {} : { slide }),
        ...(profile === undefined ? {} : { profile }),
      })
      .then(
        () => buzz('confirmed'),
        () => {},
      );
  };

  const goTo = () => {
    const n = Number.parseInt(slideNumber, 10);
    if (!Number.isInteger(n) || n < 1) return;
    send('goto', n);
    setSlideNumber('');
  };
  /** The slide app tells its show (Impress's remote control): the speaker's view takes Next's place. */
  const show = props.snapshot.state?.show ?? null;

  return (
    <div
      className={`presenter mode-${mode}${preview ? ' with-preview' : ''}`}
      data-testid="presenter"
      // At a timer warning the whole panel takes its colour: a speaker glancing down sees it, not a strip.
      data-level={props.snapshot.state?.timer ? levelOf(props.snapshot.state.timer) : undefined}
      onPointerDown={(event) => {
        if (!event.isPrimary || mode === 'pointer') return;
        swallowClick.current = false;
        stroke.current = { x: event.clientX, y: event.clientY, at: performance.now(), id: event.pointerId };
      }}
      onPointerUp={(event) => {
        const start = stroke.current;
        stroke.current = undefined;
        if (!start || start.id !== event.pointerId || mode === 'pointer') return;
        // A swipe may start anywhere but in a text field or an open sheet (the slide app chooser is fine).
        if ((event.target as Element).closest('input, [role=dialog], .no-swipe')) return;
        const moved = { dx: event.clientX - start.x, dy: event.clientY - start.y, ms: performance.now() - start.at };
        // Next acts on the finger's lift, not on a click: a browser may drop the click of a tap that
        // follows a swipe closely, and a speaker who swipes and then taps means two slides.
        const action =
          swipeOf(moved) ?? (isTap(moved) && (event.target as Element).closest('[data-slide=next]') ? 'next' : undefined);
        if (!action) return;
        swallowClick.current = true;
        send(action);
      }}
      onClickCapture={(event) => {
        if (swallowClick.current) {
          swallowClick.current = false;
          event.stopPropagation();
          event.preventDefault();
        }
      }}
    >
      <div className="presenter-timer">
        <Cues {...props} />
        <TimerStrip {...props} />
      </div>
      <div className="presenter-bar">
        <ProfileChip {...props} />
        <div className="presenter-toggles no-swipe">
          <button
            type="button"
            className={`toggle${preview ? ' on' : ''}`}
            aria-pressed={preview}
            data-testid="preview-toggle"
            onClick={() => setPreview(!preview)}
          >
            {t('previewTitle')}
          </button>
          <button
            type="button"
            className={`toggle${mode === 'pointer' ? ' on' : ''}`}
            aria-pressed={mode === 'pointer'}
            data-testid="pointer-toggle"
            onClick={() => setMode(mode === 'pointer' ? 'slides' : 'pointer')}
          >
            {t('laserTitle')}
          </button>
        </div>
      </div>
      <div className="presenter-stage">
        {preview && mode !== 'pointer' && (
          <div className="presenter-preview no-swipe">
            <Suspense fallback={null}>
              <PreviewView {...props} />
            </Suspense>
          </div>
        )}
        {mode === 'pointer' ? (
          <div className="presenter-pad">
            <Suspense fallback={null}>
              <LaserPad {...props} showScreen={preview} />
            </Suspense>
          </div>
        ) : show ? (
          <Suspense fallback={null}>
            <SpeakerView connection={connection} show={show} onNext={() => send('next')} />
          </Suspense>
        ) : (
          <button
            type="button"
            className="slide-next"
            data-slide="next"
            onClick={(event) => {
              // A keyboard or a switch (no pointer behind the click); a finger was handled on its lift.
              if (event.detail === 0) send('next');
            }}
          >
            <span className="slide-next-word">{t('nextSlide')}</span>
            <span className="slide-next-hint">{t('presenterHint')}</span>
          </button>
        )}
      </div>
      <div className="presenter-steps">
        <button type="button" className="slide-prev" data-slide="previous" onClick={() => send('previous')}>
          {t('previousSlide')}
        </button>
        {mode === 'pointer' ? (
          <button type="button" className="slide-prev" data-slide="next-small" onClick={() => send('next')}>
            {t('nextSlide')}
          </button>
        ) : (
          <form
            className="goto no-swipe"
            onSubmit={(event) => {
              event.preventDefault();
              goTo();
            }}
          >
            <input
              className="goto-number"
              data-testid="goto-number"
              type="number"
              inputMode="numeric"
              min={1}
              max={9999}
              enterKeyHint="go"
              placeholder={t('gotoSlide')}
              aria-label={t('gotoSlide')}
              value={slideNumber}
              onInput={(event) => setSlideNumber((event.target as HTMLInputElement).value)}
            />
            <button type="submit" className="goto-go" data-slide="goto" disabled={slideNumber === ''}>
              {t('gotoGo')}
            </button>
          </form>
        )}
      </div>
      <fieldset className="presenter-guarded" aria-label={t('holdToUse')}>
        {GUARDED.map(({ action, label }) => (
          <HoldButton
            key={action}
            className={`guarded guarded-${action}`}
            dataSlide={action}
            onHold={() => {
              setHint(undefined);
              send(action);
            }}
            onShortTap={() => setHint('holdToUse')}
          >
            {t(label)}
          </HoldButton>
        ))}
      </fieldset>
      <p className="presenter-note" data-testid="presenter-note" data-awake={awake} aria-live="polite">
        {hint ? t(hint) : awake === 'needs-tap' ? t('awakeNeedsTap') : awake === 'off' ? '' : t('awakeOn')}
      </p>
    </div>
  );
}
