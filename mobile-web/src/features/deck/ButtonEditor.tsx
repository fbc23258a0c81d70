/** Makes or changes one button: its label, its icon, and its steps (chords and texts, in order). */
import {
  type DeckButton,
  DeckIcons,
  type DeckStep,
  KeyNames,
  MAX_DECK_STEPS,
  type Modifier,
  Modifiers,
} from '@deskremote/shared';
import { useState } from 'react';
import { type MessageKey, t } from '../../i18n/i18n';
import { Sheet, SheetActions } from '../../ui/Sheet';
import { describeStep } from './deck-edit';
import { DeckIconView, iconName } from './deck-icons';

const MOD_WORDS: Record<Modifier, MessageKey> = { ctrl: 'modCtrl', alt: 'modAlt', shift: 'modShift', meta: 'modSuper' };

export function ButtonEditor(props: { button: DeckButton; onSave: (button: DeckButton) => void; onClose: () => void }) {
  const [label, setLabel] = useState(props.button.label);
  const [icon, setIcon] = useState(props.button.icon);
  const [steps, setSteps] = useState<DeckStep[]>(props.button.steps);
  const [mods, setMods] = useState<Modifier[]>([]);
  const [key, setKey] = useState<(typeof KeyNames)[number]>('Enter');
  const [text, setText] = useState('');
  const full = steps.length >= MAX_DECK_STEPS;
  const valid = label.trim().length > 0 && label.length <= 24 && steps.length > 0;
  return (
    <Sheet
      label={t('deckEditTitle')}
      testId="deck-editor"
      sheetClass="deck-editor"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) props.onSave({ id: props.button.id, label: label.trim(), icon, steps });
      }}
    >
      <h2>{t('deckEditTitle')}</h2>
      <label className="deck-field">
        <span>{t('deckLabel')}</span>
        <input
          value={label}
          maxLength={24}
          data-testid="deck-label"
          onInput={(e) => setLabel((e.target as HTMLInputElement).value)}
        />
      </label>
      <fieldset className="deck-icons">
        <legend>{t('deckIcon')}</legend>
        {DeckIcons.map((name) => (
          <button
            key={name}
            type="button"
            className={name === icon ? 'on' : ''}
            aria-pressed={name === icon}
            aria-label={iconName(name)}
            data-icon={name}
            onClick={() => setIcon(name)}
          >
            <DeckIconView name={name} size={22} />
          </button>
        ))}
      </fieldset>
      <ol className="deck-steps" data-testid="deck-steps">
        {steps.map((step, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: steps have no identity but their place
          <li key={index}>
            <span>{describeStep(step)}</span>
            <button type="button" aria-label={t('deckRemoveStep')} onClick={() => setSteps(steps.filter((_, i) => i !== index))}>
              ✕
            </button>
          </li>
        ))}
      </ol>
      <div className="deck-add-chord">
        {Modifiers.map((mod) => (
          <label key={mod} className="deck-mod">
            <input
              type="checkbox"
              checked={mods.includes(mod)}
              data-testid={`deck-mod-${mod}`}
              onChange={(e) => setMods((e.target as HTMLInputElement).checked ? [...mods, mod] : mods.filter((m) => m !== mod))}
            />
            {t(MOD_WORDS[mod])}
          </label>
        ))}
        <select
          value={key}
          data-testid="deck-key"
          aria-label={t('deckKey')}
          onChange={(e) => setKey((e.target as HTMLSelectElement).value as typeof key)}
        >
          {KeyNames.map((name) => (
            <option key={name} value={name}>
              {name.length === 1 ? name.toUpperCase() : name}
            </option>
          ))}
        </select>
        <button
          type="button"
          data-testid="deck-add-chord"
          disabled={full}
          onClick={() => {
            setSteps([...steps, { t: 'key', key, ...(mods.length > 0 ? { mods } : {}) }]);
            setMods([]);
          }}
        >
          {t('deckAddChord')}
        </button>
      </div>
      <div className="deck-add-text">
        <input
          value={text}
          maxLength={200}
          placeholder={t('deckTextPlaceholder')}
          data-testid="deck-text"
          onInput={(e) => setText((e.target as HTMLInputElement).value)}
        />
        <button
          type="button"
          data-testid="deck-add-text"
          disabled={full || text.length === 0}
          onClick={() => {
            setSteps([...steps, { t: 'text', text }]);
            setText('');
          }}
        >
          {t('deckAddText')}
        </button>
      </div>
      <SheetActions className="deck-editor-actions" onCancel={props.onClose} canSave={valid} saveTestId="deck-save-button" />
    </Sheet>
  );
}
