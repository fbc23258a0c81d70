/**
 * The entry: the connection starts before anything renders (the socket and the handshake overlap with
 * loading the interface), then the reader's language and the interface load beside it.
 */
import './polyfills';
import { Connection } from './connection/connection';
import { takePairingToken } from './connection/credentials';
import { deviceNameFrom } from './connection/device-name';
import { MOVED_FROM_PARAM } from './connection/handover';
import { discardEarlySocket } from './early-socket';
import { initialLanguage, switchLanguage } from './i18n/i18n';

const flags = window as unknown as { __deskremoteStarted?: boolean; __deskremoteTooOld?: boolean };

/** Everything the page does; not run where boot.js already showed the "update your browser" card. */
function start(): void {
  flags.__deskremoteStarted = true;
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
  discardEarlySocket();
  // Opened by the page on the port the host had to leave: say so once, and keep the address clean.
  const movedFrom = new URLSearchParams(location.search).get(MOVED_FROM_PARAM);
  if (movedFrom) {
    history.replaceState(null, '', location.pathname);
    connection.report('host-moved', { from: movedFrom.slice(0, 5), port: location.port });
  }

  void Promise.all([switchLanguage(initialLanguage()), import('./render')]).then(([, { render }]) => render(connection));
}

if (!flags.__deskremoteTooOld) start();
