import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import type { Connection } from './connection/connection';
import { prepareGraphemes } from './features/typing/text-diff';
import { watchSoftKeyboard } from './ui/soft-keyboard';
import './styles.css';

export function render(connection: Connection): void {
  const root = document.getElementById('root');
  if (!root) return;
  watchSoftKeyboard();
  createRoot(root).render(
    <StrictMode>
      <App connection={connection} />
    </StrictMode>,
  );
  // Typing needs it; a phone connecting does not.
  setTimeout(prepareGraphemes, 1000);
}
