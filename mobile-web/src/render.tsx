import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import type { Connection } from './connection/connection';
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
}
