import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { Connection } from './connection/connection';
import { takePairingToken } from './connection/credentials';
import { deviceNameFrom } from './connection/device-name';
import './styles.css';

const connection = new Connection(location.origin, takePairingToken(), deviceNameFrom(navigator.userAgent));

// A hidden page (phone locked, app switched) closes its socket, so the desktop releases whatever it
// held at once; the page reconnects the moment it is visible again.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') connection.pause();
  else connection.resume();
});
window.addEventListener('pagehide', () => connection.pause());
window.addEventListener('pageshow', () => connection.resume());
window.addEventListener('online', () => connection.resume());
// Scanning a QR code while this page is open in the same tab only changes the fragment: no reload.
window.addEventListener('hashchange', () => {
  const token = takePairingToken();
  if (token) connection.pairWith(token);
});

connection.start();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App connection={connection} />
    </StrictMode>,
  );
}
