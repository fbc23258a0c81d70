import type { KeyName, Modifier, Platform } from '@deskremote/shared';
import type { FormEvent } from 'react';
import { Icon, type IconName } from '../../components/icons';
import type { Connection } from '../../connection/connection';
import { type MessageKey, t } from '../../i18n/i18n';
import './keys.css';
import { buzz } from '../../ui/haptics';
import { lastTyped, shortcutKeyFor } from './shortcut-letter';
import { type ModifierState, stickyModifiers } from './sticky-modifiers';
import { useStickyModifiers } from './use-sticky-modifiers';

type KeySpec = { key: KeyName; label: MessageKey; cap?: MessageKey; glyph?: string; icon?: IconName; wide?: boolean };

const FUNCTION_KEYS = Array.from({ length: 12 }, (_, i) => `F${i + 1}` as KeyName);
/** Laid out on six columns: the arrows make an inverted T in the bottom right, as on a keyboard. */
const NAVIGATION: readonly KeySpec[] = [
  { key: 'Escape', label: 'keyEscape', glyph: 'Esc' },
  { key: 'Tab', label: 'keyTab', glyph: 'Tab' },
  { key: 'Home', label: 'keyHome', glyph: 'Home' },
  { key: 'PageUp', label: 'keyPageUp', cap: 'capPageUp' },
  { key: 'Insert', label: 'keyInsert', cap: 'capInsert' },
  { key: 'PrintScreen', label: 'keyPrintScreen', cap: 'capPrintScreen' },
  { key: 'Backspace', label: 'keyBackspace', glyph: '⌫' },
  { key: 'Enter', label: 'keyEnter', glyph: '⏎' },
  { key: 'End', label: 'keyEnd', glyph: 'End' },
  { key: 'PageDown', label: 'keyPageDown', cap: 'capPageDown' },
  { key: 'ArrowUp', label: 'keyUp', icon: 'up' },
  { key: 'Delete', label: 'keyDelete', cap: 'capDelete' },
  { key: 'Space', label: 'keySpace', cap: 'keySpace', wide: true },
  { key: 'ArrowLeft', label: 'keyLeft', icon: 'left' },
  { key: 'ArrowDown', label: 'keyDown', icon: 'down' },
  { key: 'ArrowRight', label: 'keyRight', icon: 'right' },
];

const MODIFIERS: readonly Modifier[] = ['ctrl', 'alt', 'shift', 'meta'];

/** Each modifier by the name printed on the host's keyboard: ⌘ and ⌥ on a Mac, Win on Windows. */
function modifierName(mod: Modifier, platform: Platform | undefined): MessageKey {
  if (mod === 'ctrl') return 'modCtrl';
  if (mod === 'shift') return 'modShift';
  if (mod === 'alt') return platform === 'darwin' ? 'modOption' : 'modAlt';
  return platform === 'darwin' ? 'modCommand' : platform === 'win32' ? 'modWindows' : 'modSuper';
}

const STATE_WORDS: Record<Exclude<ModifierState, 'off'>, { label: MessageKey; caption: MessageKey }> = {
  latched: { label: 'modLatched', caption: 'modStateLatched' },
  locked: { label: 'modLocked', caption: 'modStateLocked' },
};

/** Keys a text field cannot give: function keys, navigation, and sticky modifiers for shortcuts. */
export function KeysPanel({ connection, platform }: { connection: Connection; platform: Platform | undefined }) {
  const states = useStickyModifiers();

  const press = (key: KeyName, extra: readonly Modifier[] = []) => {
    buzz('tap');
    // A locked modifier is already down on the desktop; naming it in the chord would release it after.
    const locked = stickyModifiers.locked();
    const mods = [...new Set([...stickyModifiers.consume(), ...extra.filter((mod) => !locked.includes(mod))])];
    connection.fire(mods.length > 0 ? { t: 'key', key, mods } : { t: 'key', key });
  };

  const tapModifier = (mod: Modifier) => {
    buzz('tap');
    const change = stickyModifiers.tap(mod, performance.now());
    if (!change) return;
    connection.send({ t: 'hold', key: change.key, down: change.down }).catch(() => {
      // Not held on the desktop after all: do not show it locked.
      if (change.down) stickyModifiers.drop(mod);
    });
  };

  const onLetter = (event: FormEvent<HTMLInputElement>) => {
    const field = event.currentTarget;
    // A composition (pinyin, kana) is not a key yet; its committed text arrives in a later input event.
    if ((event.nativeEvent as InputEvent).isComposing) return;
    const char = lastTyped(field.value);
    field.value = '';
    const target = char === undefined ? undefined : shortcutKeyFor(char);
    if (target) press(target.key, target.shift ? ['shift'] : []);
  };

  return (
    <div className="keys-panel" data-testid="keys-panel">
      <p className="keys-hint">{t('keysHint')}</p>
      <div className="keys-grid">
        {MODIFIERS.map((mod) => {
          const name = t(modifierName(mod, platform));
          const state = states[mod];
          const words = state === 'off' ? undefined : STATE_WORDS[state];
          return (
            <button
              key={mod}
              type="button"
              className={`keys-key keys-mod mod-${state}`}
              data-mod={mod}
              data-state={state}
              aria-pressed={state !== 'off'}
              aria-label={words ? t(words.label, { name }) : name}
              onClick={() => tapModifier(mod)}
            >
              <span>{name}</span>
              {words && <small aria-hidden="true">{t(words.caption)}</small>}
            </button>
          );
        })}
        <input
          className="keys-letter"
          data-testid="shortcut-letter"
          aria-label={t('shortcutLetter')}
          placeholder={t('shortcutPlaceholder')}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="done"
          onInput={onLetter}
        />
        {FUNCTION_KEYS.map((key) => (
          <button key={key} type="button" className="keys-key" data-key={key} onClick={() => press(key)}>
            {key}
          </button>
        ))}
        {NAVIGATION.map(({ key, label, cap, glyph, icon, wide }) => (
          <button
            key={key}
            type="button"
            className={`keys-key${wide ? ' keys-wide' : ''}`}
            data-key={key}
            aria-label={t(label)}
            onClick={() => press(key)}
          >
            {icon ? <Icon name={icon} size={20} /> : cap ? t(cap) : glyph}
          </button>
        ))}
      </div>
    </div>
  );
}
