import type { KeyName } from '@deskremote/shared';
import { type FormEvent, useState } from 'react';
import type { Connection } from '../connection/connection';
import { type MessageKey, t } from '../i18n/i18n';
import { Icon, type IconName } from './icons';

const KEYS: ReadonlyArray<{ key: KeyName; label: MessageKey; icon?: IconName; text?: string }> = [
  { key: 'Escape', label: 'keyEscape', text: 'Esc' },
  { key: 'Tab', label: 'keyTab', text: 'Tab' },
  { key: 'Backspace', label: 'keyBackspace', text: '⌫' },
  { key: 'Enter', label: 'keyEnter', text: '⏎' },
  { key: 'ArrowLeft', label: 'keyLeft', icon: 'left' },
  { key: 'ArrowUp', label: 'keyUp', icon: 'up' },
  { key: 'ArrowDown', label: 'keyDown', icon: 'down' },
  { key: 'ArrowRight', label: 'keyRight', icon: 'right' },
];

/** A line of text typed on the desktop when sent, and the keys a text field cannot produce. */
export function KeyBar({ connection }: { connection: Connection }) {
  const [text, setText] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // An empty field's "send" is the Enter key: submit a form on the desktop without leaving the keyboard.
    if (text === '') {
      connection.send({ t: 'key', key: 'Enter' }).catch(() => {});
      return;
    }
    const sent = text;
    connection.send({ t: 'text', text: sent }).then(
      () => setText((current) => (current === sent ? '' : current)),
      () => {},
    );
  };

  return (
    <div className="keybar">
      <form className="text-row" onSubmit={submit}>
        <input
          className="text-input"
          data-testid="text-input"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder={t('typePlaceholder')}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="send"
          maxLength={2000}
        />
        <button className="send" type="submit" aria-label={t('send')} data-testid="send-text">
          <Icon name="send" />
        </button>
      </form>
      <div className="key-row">
        {KEYS.map(({ key, label, icon, text: glyph }) => (
          <button
            key={key}
            type="button"
            className="key"
            aria-label={t(label)}
            data-key={key}
            onClick={() => connection.send({ t: 'key', key }).catch(() => {})}
          >
            {icon ? <Icon name={icon} size={20} /> : glyph}
          </button>
        ))}
      </div>
    </div>
  );
}
