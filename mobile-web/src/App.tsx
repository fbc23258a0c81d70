import { lazy, Suspense, useState } from 'react';
import { ApprovingCard } from './components/ApprovingCard';
import { Icon, type IconName } from './components/icons';
import { KeyBar } from './components/KeyBar';
import { LanguageSwitch } from './components/LanguageSwitch';
import { ReplacedCard } from './components/ReplacedCard';
import { StatusBar } from './components/StatusBar';
import { Toast } from './components/Toast';
import { Touchpad } from './components/Touchpad';
import { UnpairedCard } from './components/UnpairedCard';
import type { Connection } from './connection/connection';
import { useConnection } from './connection/use-connection';
import { KeysPanel } from './features/keys/KeysPanel';
import { useStickyModifiersFollow } from './features/keys/use-sticky-modifiers';
import { MediaPanel } from './features/media/MediaPanel';
import { TouchpadSettingsSheet } from './features/touchpad/TouchpadSettingsSheet';
import { useTouchpadSettings } from './features/touchpad/touchpad-settings';
import { type MessageKey, t } from './i18n/i18n';
import { useLanguage } from './i18n/use-language';

/** The speaker's panel, the deck of buttons and what they need load when they are first opened. */
const PresenterPanel = lazy(() =>
  import('./features/presenter/PresenterPanel').then((module) => ({ default: module.PresenterPanel })),
);
const DeckPanel = lazy(() => import('./features/deck/DeckPanel'));

type Tab = 'pad' | 'keys' | 'media' | 'slides' | 'deck';
const TABS: ReadonlyArray<{ id: Tab; label: MessageKey; icon: IconName }> = [
  { id: 'pad', label: 'tabPad', icon: 'pad' },
  { id: 'keys', label: 'tabKeys', icon: 'keys' },
  { id: 'media', label: 'tabMedia', icon: 'media' },
  { id: 'slides', label: 'tabSlides', icon: 'slides' },
  { id: 'deck', label: 'tabDeck', icon: 'deck' },
];

const CLICK_BUTTONS: ReadonlyArray<{ button: 'left' | 'right'; label: MessageKey }> = [
  { button: 'left', label: 'leftClick' },
  { button: 'right', label: 'rightClick' },
];

export function App({ connection }: { connection: Connection }) {
  const snapshot = useConnection(connection);
  const { status, state, problem } = snapshot;
  const [tab, setTab] = useState<Tab>('pad');
  const [touchpad, changeTouchpad] = useTouchpadSettings(connection, snapshot);
  const [tuning, setTuning] = useState(false);
  useLanguage();
  useStickyModifiersFollow(snapshot);

  const card =
    status.kind === 'unpaired' ? (
      <UnpairedCard reason={status.reason} onTryNow={() => connection.resume()} />
    ) : status.kind === 'approving' ? (
      <ApprovingCard code={status.code} />
    ) : status.kind === 'replaced' ? (
      <ReplacedCard onConnectHere={() => connection.resume()} />
    ) : undefined;
  if (card) {
    return (
      <div className="app card-page">
        <div className="card-language">
          <LanguageSwitch />
        </div>
        {card}
        <Toast problem={problem} />
      </div>
    );
  }

  return (
    <div className={`app ${status.kind === 'open' ? 'online' : 'offline'}`}>
      <StatusBar status={status} state={state} quiet={snapshot.quiet} onTryNow={() => connection.resume()} />
      <main className="panel">
        {tab === 'pad' && (
          <div className="pad-panel">
            <Touchpad connection={connection} settings={touchpad} onSettings={() => setTuning(true)} />
            <div className="pad-side">
              <div className="click-row">
                {CLICK_BUTTONS.map(({ button, label }) => (
                  <button
                    key={button}
                    type="button"
                    className="click-button"
                    onClick={() => connection.fire({ t: 'click', button })}
                  >
                    {t(label)}
                  </button>
                ))}
              </div>
              <KeyBar connection={connection} />
            </div>
          </div>
        )}
        {tab === 'keys' && <KeysPanel connection={connection} platform={state?.host.platform} />}
        {tab === 'media' && <MediaPanel connection={connection} snapshot={snapshot} />}
        {tab === 'slides' && (
          <Suspense fallback={null}>
            <PresenterPanel connection={connection} snapshot={snapshot} />
          </Suspense>
        )}
        {tab === 'deck' && (
          <Suspense fallback={null}>
            <DeckPanel connection={connection} snapshot={snapshot} />
          </Suspense>
        )}
      </main>
      <nav className="tabs" aria-label={t('panels')}>
        {TABS.map(({ id, label, icon }) => (
          <button
            key={id}
            type="button"
            className={`tab${tab === id ? ' active' : ''}`}
            aria-pressed={tab === id}
            data-tab={id}
            onClick={() => setTab(id)}
          >
            <Icon name={icon} size={22} />
            <span>{t(label)}</span>
          </button>
        ))}
      </nav>
      {tuning && <TouchpadSettingsSheet settings={touchpad} onChange={changeTouchpad} onClose={() => setTuning(false)} />}
      <Toast problem={problem} />
    </div>
  );
}
