import type { TouchpadSettings } from '@deskremote/shared';
import { type MessageKey, t } from '../../i18n/i18n';
import './touchpad.css';

const SWITCHES: ReadonlyArray<{ key: 'naturalScroll' | 'tapToClick' | 'edgeButtons'; label: MessageKey }> = [
  { key: 'naturalScroll', label: 'touchpadNaturalScroll' },
  { key: 'tapToClick', label: 'touchpadTapToClick' },
  { key: 'edgeButtons', label: 'touchpadEdgeButtons' },
];

/** The hand's settings: they apply at once, and the computer keeps them for this phone. */
export function TouchpadSettingsSheet(props: {
  settings: TouchpadSettings;
  onChange: (change: Partial<TouchpadSettings>) => void;
  onClose: () => void;
}) {
  const { settings, onChange } = props;
  return (
    <div
      className="sheet-backdrop"
      role="dialog"
      aria-modal="true"
      aria-label={t('touchpadSettingsTitle')}
      data-testid="touchpad-settings"
    >
      <div className="sheet">
        <h2>{t('touchpadSettingsTitle')}</h2>
        <label className="sheet-slider">
          <span>
            {t('touchpadSensitivity')} <output>{settings.sensitivity.toFixed(2)}×</output>
          </span>
          <input
            type="range"
            min={0.25}
            max={4}
            step={0.25}
            value={settings.sensitivity}
            data-testid="touchpad-sensitivity"
            onInput={(e) => onChange({ sensitivity: Number((e.target as HTMLInputElement).value) })}
          />
        </label>
        <label className="sheet-slider">
          <span>
            {t('touchpadAcceleration')} <output>{settings.acceleration.toFixed(2)}</output>
          </span>
          <input
            type="range"
            min={0}
            max={2}
            step={0.25}
            value={settings.acceleration}
            data-testid="touchpad-acceleration"
            onInput={(e) => onChange({ acceleration: Number((e.target as HTMLInputElement).value) })}
          />
        </label>
        {SWITCHES.map(({ key, label }) => (
          <label key={key} className="sheet-switch">
            <span>{t(label)}</span>
            <input
              type="checkbox"
              role="switch"
              aria-checked={settings[key]}
              checked={settings[key]}
              data-testid={`touchpad-${key}`}
              onChange={(e) => onChange({ [key]: (e.target as HTMLInputElement).checked })}
            />
          </label>
        ))}
        <p className="sheet-note">{t('touchpadKept')}</p>
        <button type="button" className="sheet-done" data-testid="touchpad-settings-done" onClick={props.onClose}>
          {t('touchpadDone')}
        </button>
      </div>
    </div>
  );
}
