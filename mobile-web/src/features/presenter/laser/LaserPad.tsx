import { type PointerEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { t } from '../../../i18n/i18n';
import PreviewView from '../preview/PreviewView';
import { SlideFace } from '../show/SlideFace';
import type { PresenterSlotProps } from '../slot-props';
import { LaserSender } from './laser-sender';
import { fitAspect, fractionOnPad } from './pad-geometry';
import './laser.css';

type PointerMode = 'dot' | 'spotlight';
const MODES: ReadonlyArray<{ mode: PointerMode; label: 'laserDot' | 'laserSpotlight' }> = [
  { mode: 'dot', label: 'laserDot' },
  { mode: 'spotlight', label: 'laserSpotlight' },
];

/**
 * Hold a finger here: a dot (or a spotlight) follows it over the slide. The pad has the screen's shape
 * and stands for all of it, so the dot goes where the finger is. Only the desktop app can draw it; the
 * host's state says whether this one can.
 */
export default function LaserPad(props: PresenterSlotProps & { showScreen?: boolean }) {
  const { connection, snapshot, showScreen = false } = props;
  const [mode, setMode] = useState<PointerMode>('dot');
  const [size, setSize] = useState<{ width: number; height: number } | undefined>(undefined);
  /** The screen's shape from the live picture's frames, where it is shown; else the usual 16:9. */
  const [aspect, setAspect] = useState<number | undefined>(undefined);
  const [pressed, setPressed] = useState(false);
  const area = useRef<HTMLDivElement>(null);
  const pad = useRef<HTMLDivElement>(null);
  const marker = useRef<HTMLSpanElement>(null);
  const finger = useRef<number | undefined>(undefined);
  const modeNow = useRef(mode);
  modeNow.current = mode;
  const sender = useRef<LaserSender | undefined>(undefined);
  sender.current ??= new LaserSender({
    send: (laserMode, x, y) => connection.sendLaser(laserMode, x, y),
    requestFrame: (run) => requestAnimationFrame(run),
    cancelFrame: (id) => cancelAnimationFrame(id),
  });
  const needsApp = snapshot.state?.presenterTools.laser === 'needs-desktop-app';

  // The pad fills what the panel leaves it, in the screen's shape.
  useLayoutEffect(() => {
    const element = area.current;
    if (!element) return;
    const measure = () => setSize(fitAspect({ width: element.clientWidth, height: element.clientHeight }, aspect));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [aspect]);

  // Leaving the pad (another mode, another tab) lifts the finger.
  useEffect(() => () => sender.current?.lift(), []);

  const place = (event: PointerEvent<HTMLDivElement>) => {
    const element = pad.current;
    if (!element) return;
    const rect = element.getBoundingClientRect();
    const at = fractionOnPad({ x: event.clientX, y: event.clientY }, rect);
    marker.current?.style.setProperty('transform', `translate(${at.x * rect.width}px, ${at.y * rect.height}px)`);
    sender.current?.move(modeNow.current, at.x, at.y);
  };

  const lift = (event: PointerEvent<HTMLDivElement>) => {
    if (event.pointerId !== finger.current) return;
    finger.current = undefined;
    setPressed(false);
    sender.current?.lift();
  };

  return (
    <div className="laser" data-testid="laser">
      <fieldset className="laser-modes" aria-label={t('laserStyle')}>
        {MODES.map(({ mode: option, label }) => (
          <button
            key={option}
            type="button"
            className={`laser-mode${mode === option ? ' on' : ''}`}
            aria-pressed={mode === option}
            disabled={needsApp}
            data-laser-mode={option}
            onClick={() => setMode(option)}
          >
            {t(label)}
          </button>
        ))}
      </fieldset>
      <div className="laser-area" ref={area}>
        <div
          ref={pad}
          className={`laser-pad${pressed ? ' pressed' : ''}${needsApp ? ' unavailable' : ''}`}
          data-testid="laser-pad"
          style={size ? { width: `${size.width}px`, height: `${size.height}px` } : undefined}
          onPointerDown={(event) => {
            if (needsApp || finger.current !== undefined) return;
            finger.current = event.pointerId;
            event.currentTarget.setPointerCapture?.(event.pointerId);
            setPressed(true);
            place(event);
          }}
          onPointerMove={(event) => {
            if (event.pointerId === finger.current) place(event);
          }}
          onPointerUp={lift}
          onPointerCancel={lift}
          onLostPointerCapture={lift}
        >
          {/* Touching the slide itself: the pad's face is the live picture, so a finger on a spot of the
              slide puts the dot on that very spot of the screen. */}
          {showScreen && !needsApp && <PreviewView {...props} inPad onShape={(w, h) => h > 0 && setAspect(w / h)} />}
          {/* Without the live picture, the slide app's own picture of the slide on screen, where it tells one. */}
          {!showScreen && !needsApp && snapshot.state?.show && <SlideFace connection={connection} show={snapshot.state.show} />}
          {needsApp ? (
            <p className="laser-needs-app" data-testid="laser-needs-app" role="status">
              {t('laserNeedsDesktopApp')}
            </p>
          ) : (
            <>
              <span className={`laser-marker ${mode}`} ref={marker} aria-hidden="true" />
              <span className="laser-hint">{t('laserHint')}</span>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
