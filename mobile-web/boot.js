/*
 * The first thing the page runs, inlined at the top of index.html's head at build time (vite.config.ts; the
 * host allows it by its hash in the Content-Security-Policy), so it needs no request of its own and runs
 * before the parser reads anything else:
 * - on a browser too old for the app (before iOS Safari 14 or Android Chrome 90), or if the app's code
 *   fails to start, it shows a card asking to update the browser instead of a blank page, in both
 *   languages, since the translations live in the app;
 * - on a phone that has something to prove (a pairing code in the address, or a saved pairing), it opens
 *   the socket to the computer at once and keeps what arrives, so the connection is up and the host's
 *   challenge is waiting by the time the app's code has loaded; the app takes the socket over
 *   (mobile-web/src/connection/early-socket.ts) and runs the handshake on it exactly as on a socket it
 *   opened itself. Nothing here reads the code or the pairing: it only looks whether they are there.
 * ES5 on purpose (biome.json keeps it so), so that it runs on any browser, however old.
 */
(function () {
  var modern =
    typeof BigInt === 'function' &&
    typeof Promise !== 'undefined' &&
    typeof Promise.any === 'function' &&
    typeof String.prototype.replaceAll === 'function' &&
    typeof WebSocket === 'function' &&
    typeof TextEncoder === 'function' &&
    !!(window.crypto && window.crypto.getRandomValues);

  function line(tag, text, size, weight) {
    var element = document.createElement(tag);
    element.textContent = text;
    element.style.fontSize = size;
    element.style.fontWeight = weight;
    element.style.margin = '0 0 12px';
    return element;
  }

  function show() {
    if (document.getElementById('update-browser')) return;
    var root = document.getElementById('root') || document.body;
    var card = document.createElement('div');
    card.id = 'update-browser';
    card.setAttribute('role', 'alert');
    card.style.padding = '32px 24px';
    card.style.fontFamily = 'system-ui, -apple-system, sans-serif';
    card.style.color = '#e8edf2';
    card.style.background = '#111418';
    card.style.minHeight = '100vh';
    card.style.boxSizing = 'border-box';
    card.appendChild(line('h1', 'Please update your browser', '22px', '700'));
    card.appendChild(
      line(
        'p',
        'This browser is too old for DeskRemote. Update it (iOS 14 or newer, Chrome 90 or newer), or open this page in another browser.',
        '16px',
        '400'
      )
    );
    card.appendChild(line('h1', '请更新浏览器', '22px', '700'));
    card.appendChild(
      line(
        'p',
        '这个浏览器版本太旧，无法使用 DeskRemote。请更新浏览器（iOS 14 或更高版本，Chrome 90 或更高版本），或换一个浏览器打开本页。',
        '16px',
        '400'
      )
    );
    root.innerHTML = '';
    root.appendChild(card);
  }

  // The same path and storage key as the app's (WS_PATH in shared/src/constants.ts, connection/credentials.ts).
  function hasSavedPairing() {
    try {
      return localStorage.getItem('deskremote.device.v1') !== null;
    } catch (_error) {
      // No storage (private mode): only a pairing code can connect.
      return false;
    }
  }

  function openEarlySocket() {
    var early;
    // A code in the address is enough: a first read of storage can take milliseconds (the app reads it later).
    if (!/^#(.*&)?pair=/.test(location.hash) && !hasSavedPairing()) return;
    try {
      early = { socket: new WebSocket(location.origin.replace(/^http/, 'ws') + '/ws'), frames: [], closedWith: undefined };
    } catch (_error) {
      // The app opens its own.
      return;
    }
    early.socket.binaryType = 'arraybuffer';
    early.socket.onmessage = function (event) {
      early.frames.push(event.data);
    };
    early.socket.onclose = function (event) {
      early.closedWith = event.code;
    };
    window.__deskremoteEarlySocket = early;
  }

  if (!modern) {
    // The app's entry sees this and does not start over the card, shown once the page's body is there.
    window.__deskremoteTooOld = true;
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
    else show();
    return;
  }
  openEarlySocket();
  // A syntax or start-up error in the app's code is reported here before the app says it started.
  window.addEventListener('error', function () {
    if (!window.__deskremoteStarted) {
      window.__deskremoteTooOld = true;
      show();
    }
  });
})();
