import type { KeyName } from '@deskremote/shared';
import { type FormEvent, type KeyboardEvent, useLayoutEffect, useRef, useState } from 'react';
import type { Connection } from '../connection/connection';
import { useConnection } from '../connection/use-connection';
import { shortcutKeyFor } from '../features/keys/shortcut-letter';
import { stickyModifiers } from '../features/keys/sticky-modifiers';
import { LiveTyping } from '../features/typing/live-typing';
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

type Mode = 'live' | 'compose';
const MODE_KEY = 'deskremote.typingMode';

function savedMode(): Mode {
  try {
    return localStorage.getItem(MODE_KEY) === 'compose' ? 'compose' : 'live';
  } catch {
    return 'live';
  }
}

/** Resolves once the field's composition (if any) is committed; blurring commits it on phones' IMEs. */
function commitComposition(field: HTMLTextAreaElement, composing: boolean): Promise<void> {
  if (!composing) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, 300);
    field.addEventListener('compositionend', () => setTimeout(done, 0), { once: true });
    field.blur();
  });
}

/**
 * Typing on the desktop from the phone's own keyboard: live (every key as it is typed, compositions
 * when committed) or compose-then-send (for a password, or text to check first); and the keys a text
 * field cannot produce.
 */
export function KeyBar({ connection }: { connection: Connection }) {
  const [mode, setMode] = useState<Mode>(savedMode);
  const [text, setText] = useState('');
  const [sentId, setSentId] = useState<number | undefined>();
  const field = useRef<HTMLTextAreaElement>(null);
  const composing = useRef(false);
  const { progress } = useConnection(connection);
  const typing = progress && progress.id === sentId && progress.total > 0 ? progress : undefined;

  // A layout effect: attached before the browser paints, so no key typed into a fresh field is missed.
  useLayoutEffect(() => {
    const element = field.current;
    if (!element || mode !== 'live') return;
    const live = new LiveTyping(element, {
      text: (typed) => {
        // A letter typed right after a latched modifier (Ctrl on the keys panel) is a shortcut: Ctrl + C.
        const shortcut = shortcutKeyFor(typed);
        const mods = shortcut ? stickyModifiers.consume() : [];
        if (shortcut && mods.length > 0) {
          const all = shortcut.shift && !mods.includes('shift') ? [...mods, 'shift' as const] : mods;
          connection.fire({ t: 'key', key: shortcut.key, mods: all });
          return;
        }
        connection.fire({ t: 'text', text: typed });
      },
      key: (key) => connection.fire({ t: 'key', key, mods: stickyModifiers.consume() }),
    });
    return () => {
      live.stop();
      element.value = '';
    };
  }, [connection, mode]);

  const switchMode = () => {
    const next: Mode = mode === 'live' ? 'compose' : 'live';
    try {
      localStorage.setItem(MODE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page.
    }
    setText('');
    setMode(next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'live') return;
    const element = field.current;
    // Sending while a composition is open commits it first, so the chosen characters go, not the romanization.
    if (element) await commitComposition(element, composing.current);
    const sent = element?.value ?? text;
    // An empty field's "send" is the Enter key: submit a form on the desktop without leaving the keyboard.
    if (sent === '') {
      connection.fire({ t: 'key', key: 'Enter' });
      return;
    }
    connection.send({ t: 'text', text: sent }, setSentId).then(
      () => setText((current) => (current === sent ? '' : current)),
      () => {},
    );
  };

  // The field is a text area so that a pasted text keeps its line breaks; the Enter key still sends
  // (live mode handles Enter itself).
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (mode !== 'compose' || event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  };

  return (
    <div className="keybar">
      <form className="text-row" onSubmit={(event) => void submit(event)}>
        <button
          type="button"
          className={`mode${mode === 'live' ? ' on' : ''}`}
          aria-pressed={mode === 'live'}
          aria-label={t(mode === 'live' ? 'liveOnLabel' : 'liveOffLabel')}
          data-testid="typing-mode"
          onClick={switchMode}
        >
          {t('liveTyping')}
        </button>
        <textarea
          ref={field}
          className="text-input"
          data-testid="text-input"
          data-mode={mode}
          rows={mode === 'compose' ? Math.min(4, text.split('\n').length) : 1}
          onKeyDown={onKeyDown}
          {...(mode === 'compose' ? { value: text, onChange: (event) => setText(event.currentTarget.value) } : {})}
          onCompositionStart={() => {
            composing.current = true;
          }}
          onCompositionEnd={() => {
            composing.current = false;
          }}
          placeholder={t(mode === 'live' ? 'livePlaceholder' : 'typePlaceholder')}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint={mode === 'live' ? 'enter' : 'send'}
          maxLength={2000}
        />
        {mode === 'compose' && (
          <button className="send" type="submit" aria-label={t('send')} data-testid="send-text">
            <Icon name="send" />
          </button>
        )}
      </form>
      {typing && (
        <div className="typing-progress" role="status" data-testid="typing-progress">
          <progress max={typing.total} value={typing.done} />
          <span>{t('typingProgress', { done: typing.done, total: typing.total })}</span>
        </div>
      )}
      <div className="key-row">
        {KEYS.map(({ key, label, icon, text: glyph }) => (
          <button
            key={key}
            type="button"
            className="key"
            aria-label={t(label)}
            data-key={key}
            onClick={() => connection.fire({ t: 'key', key })}
          >
            {icon ? <Icon name={icon} size={20} /> : glyph}
          </button>
        ))}
      </div>
    </div>
  );
}
