/**
 * Buttons of the phone's own: each presses a chord or plays a short sequence of keys and text, made of
 * the same commands as the rest of the page. Added, edited, reordered and removed here; the computer keeps
 * the deck for this phone.
 */
import type { DeckButton } from '@deskremote/shared';
import { useState } from 'react';
import type { Connection, ConnectionSnapshot } from '../../connection/connection';
import { t } from '../../i18n/i18n';
import { ButtonEditor } from './ButtonEditor';
import { moveButton, newButtonId, putButton, removeButton, SUGGESTED } from './deck-edit';
import { DeckIconView } from './deck-icons';
import { runButton } from './deck-run';
import './deck.css';
import { buzz } from '../../ui/haptics';

export default function DeckPanel({ connection, snapshot }: { connection: Connection; snapshot: ConnectionSnapshot }) {
  const deck = snapshot.phoneSettings?.deck ?? [];
  const [editing, setEditing] = useState(false);
  const [editor, setEditor] = useState<DeckButton | undefined>(undefined);
  const [running, setRunning] = useState<string | undefined>(undefined);
  const save = (next: DeckButton[]) => connection.fire({ t: 'saveDeck', deck: next });
  const run = (button: DeckButton) => {
    if (running) return;
    setRunning(button.id);
    runButton(button, (command) => connection.send(command))
      .then(() => buzz('done'))
      .catch(() => {})
      .finally(() => setRunning(undefined));
  };
  const blank = (): DeckButton => ({ id: newButtonId(deck), label: '', icon: 'star', steps: [] });

  return (
    <div className="deck" data-testid="deck">
      <div className="deck-bar">
        <h2>{t('deckTitle')}</h2>
        <button
          type="button"
          className={`toggle${editing ? ' on' : ''}`}
          aria-pressed={editing}
          data-testid="deck-edit"
          onClick={() => setEditing(!editing)}
        >
          {t(editing ? 'touchpadDone' : 'deckEdit')}
        </button>
      </div>
      {deck.length === 0 ? (
        <div className="deck-empty">
          <p>{t('deckEmpty')}</p>
          <div className="deck-suggested">
            {SUGGESTED.map((suggestion) => (
              <button
                key={suggestion.label}
                type="button"
                data-suggest={suggestion.label}
                onClick={() => save(putButton(deck, { ...suggestion, id: newButtonId(deck), label: t(suggestion.label) }))}
              >
                <DeckIconView name={suggestion.icon} size={20} /> {t(suggestion.label)}
              </button>
            ))}
          </div>
        </div>
      ) : (
        <div className="deck-grid">
          {deck.map((button, index) => (
            <div key={button.id} className="deck-cell">
              <button
                type="button"
                className={`deck-button${running === button.id ? ' running' : ''}`}
                data-deck={button.id}
                onClick={() => (editing ? setEditor(button) : run(button))}
              >
                <DeckIconView name={button.icon} />
                <span>{button.label}</span>
              </button>
              {editing && (
                <div className="deck-cell-tools">
                  <button
                    type="button"
                    aria-label={t('deckMoveUp')}
                    disabled={index === 0}
                    onClick={() => save(moveButton(deck, button.id, -1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={t('deckMoveDown')}
                    disabled={index === deck.length - 1}
                    onClick={() => save(moveButton(deck, button.id, 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    aria-label={t('deckRemove')}
                    data-remove={button.id}
                    onClick={() => save(removeButton(deck, button.id))}
                  >
                    ✕
                  </button>
                </div>
              )}
            </div>
          ))}
        </div>
      )}
      {(editing || deck.length === 0) && (
        <button type="button" className="deck-new" data-testid="deck-new" onClick={() => setEditor(blank())}>
          {t('deckAdd')}
        </button>
      )}
      {editor && (
        <ButtonEditor
          button={editor}
          onClose={() => setEditor(undefined)}
          onSave={(button) => {
            setEditor(undefined);
            save(putButton(deck, button));
          }}
        />
      )}
    </div>
  );
}
