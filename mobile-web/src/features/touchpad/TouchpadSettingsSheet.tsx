import type { TouchpadSettings } from '@deskremote/shared';
import { type MessageKey, t } from '../../i18n/i18n';
import { Sheet } from '../../ui/Sheet';
import './touchpad.css';

const SWITCHES: ReadonlyArray<{ key: 'naturalScroll' | 'tapToClick' | 'edgeButtons'; label: MessageKey }> = [
  { key: 'naturalScroll', label: 'touchpadNaturalScroll' },
  { key: 'tapToClick', label: 'touchpadTapToClick' },
  { key: 'edgeButtons', label: 'touchpadEdgeButtons' },
];

/** A setting that is a number: a slider in quarter steps, with its value beside its name. */
function SliderField(props: {
  label: MessageKey;
  shown: string;
  min: number;
  max: number;
  value: number;
  testId: string;
  onChange: (value: number) => void;
}) {
  return (
    <label className="sheet-slider">
      <span>
        {t(props.label)} <output>{props.shown}</output>
      </span>
      <input
        type="range"
        min={props.min}
        max={props.max}
        step={0.25}
        value={props.value}
        data-testid={props.testId}
        onInput={(e) => props.onChange(Number((e.target as HTMLInputElement).value))}
      />
    </label>
  );
}

/** The hand's settings: they apply at once, and the computer keeps them for this phone. */
export function TouchpadSettingsSheet(props: {
  settings: TouchpadSettings;
  onChange: (change: Partial<TouchpadSettings>) => void;
  onClose: () => void;
}) {
  const { settings, onChange } = props;
  return (
    <Sheet label={t('touchpadSettingsTitle')} testId="touchpad-settings">
      <h2>{t('touchpadSettingsTitle')}</h2>
      <SliderField
        label="touchpadSensitivity"
        shown={`${settings.sensitivity.toFixed(2)}×`}
        min={0.25}
        max={4}
        value={settings.sensitivity}
        testId="touchpad-sensitivity"
        onChange={(sensitivity) => onChange({ sensitivity })}
      />
      <SliderField
        label="touchpadAcceleration"
        shown={settings.acceleration.toFixed(2)}
        min={0}
        max={2}
        value={settings.acceleration}
        testId="touchpad-acceleration"
        onChange={(acceleration) => onChange({ acceleration })}
      />
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
    </Sheet>
  );
}
