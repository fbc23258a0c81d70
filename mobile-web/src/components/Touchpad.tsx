import type { MouseButton, TouchpadSettings } from '@deskremote/shared';
import { useEffect, useRef, useState } from 'react';
import type { Connection } from '../connection/connection';
import { pointerGain } from '../gestures/pointer-gain';
import { GESTURE_TIMING, type GestureAction, type TouchPoint, TouchpadGestures } from '../gestures/touchpad-gestures';
import { t } from '../i18n/i18n';
import { buzz } from '../ui/haptics';

function pointsOf(list: TouchList): TouchPoint[] {
  return Array.from(list, (touch) => ({ id: touch.identifier, x: touch.clientX, y: touch.clientY }));
}

/** The touchpad surface: touch events in, gesture actions out to the connection, tuned by the hand's settings. */
export function Touchpad({
  connection,
  settings,
  onSettings,
}: {
  connection: Connection;
  settings: TouchpadSettings;
  /** Opens the settings (a gear in the pad's corner). */
  onSettings?: () => void;
}) {
  const surface = useRef<HTMLDivElement>(null);
  const tuning = useRef(settings);
  tuning.current = settings;
  const [gestures] = useState(() => new TouchpadGestures(settings));
  useEffect(() => gestures.configure(settings), [gestures, settings]);

  useEffect(() => {
    const element = surface.current;
    if (!element) return;
    let holdTimer: ReturnType<typeof setTimeout> | undefined;

    const perform = (actions: GestureAction[]) => {
      for (const action of actions) {
        switch (action.type) {
          case 'move': {
            const { sensitivity, acceleration } = tuning.current;
            const gain = pointerGain(Math.hypot(action.dx, action.dy), action.dt, sensitivity, acceleration);
            connection.addDelta('move', action.dx * gain, action.dy * gain);
            break;
          }
          case 'scroll':
            connection.addDelta('scroll', action.dx, action.dy);
            break;
          case 'zoom':
            connection.addDelta('zoom', 0, action.spread);
            break;
          case 'click':
            buzz('tap');
            connection.fire({ t: 'click', button: action.button });
            break;
          case 'press':
            buzz('tap');
            element.classList.add('dragging');
            connection.fire({ t: 'button', button: 'left', down: true });
            break;
          case 'release':
            element.classList.remove('dragging');
            connection.fire({ t: 'button', button: 'left', down: false });
            break;
        }
      }
    };

    const onTouch = (event: TouchEvent) => {
      // No page scroll, zoom, text selection or emulated mouse events while on the pad.
      event.preventDefault();
      const now = performance.now();
      perform(gestures.update(pointsOf(event.targetTouches), now));
      clearTimeout(holdTimer);
      if (event.type === 'touchstart' && event.targetTouches.length === 1) {
        holdTimer = setTimeout(() => perform(gestures.hold(performance.now())), GESTURE_TIMING.holdMs);
      }
    };
    const onCancel = (event: TouchEvent) => {
      event.preventDefault();
      clearTimeout(holdTimer);
      if (event.targetTouches.length === 0) perform(gestures.cancel());
      else perform(gestures.update(pointsOf(event.targetTouches), performance.now()));
    };
    const options = { passive: false } as const;
    element.addEventListener('touchstart', onTouch, options);
    element.addEventListener('touchmove', onTouch, options);
    element.addEventListener('touchend', onTouch, options);
    element.addEventListener('touchcancel', onCancel, options);
    return () => {
      clearTimeout(holdTimer);
      perform(gestures.cancel());
      element.removeEventListener('touchstart', onTouch);
      element.removeEventListener('touchmove', onTouch);
      element.removeEventListener('touchend', onTouch);
      element.removeEventListener('touchcancel', onCancel);
    };
  }, [connection, gestures]);

  const edge = (button: MouseButton, down: boolean) => connection.fire({ t: 'button', button, down });
  return (
    <div className="touchpad-frame">
      <div className="touchpad" ref={surface} data-testid="touchpad" role="application" aria-label={t('tabPad')}>
        <p className="touchpad-hint">{t(settings.tapToClick ? 'padHint' : 'padHintNoTap')}</p>
      </div>
      {onSettings && (
        <button
          type="button"
          className="touchpad-gear"
          data-testid="touchpad-settings-open"
          aria-label={t('touchpadSettingsTitle')}
          onClick={onSettings}
        >
          ⚙
        </button>
      )}
      {settings.edgeButtons && (
        <div className="touchpad-edge">
          {(['left', 'right'] as const).map((button) => (
            <button
              key={button}
              type="button"
              data-edge={button}
              aria-label={t(button === 'left' ? 'leftClick' : 'rightClick')}
              onPointerDown={(event) => {
                event.currentTarget.setPointerCapture?.(event.pointerId);
                buzz('tap');
                edge(button, true);
              }}
              onPointerUp={() => edge(button, false)}
              onPointerCancel={() => edge(button, false)}
              onContextMenu={(event) => event.preventDefault()}
            >
              {t(button === 'left' ? 'leftClick' : 'rightClick')}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
