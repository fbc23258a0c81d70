/*
 * Takes a phone's pairing over from a page of the same computer on another port. DeskRemote's port was
 * taken when it started, so it moved to the next free one; the phone's page on the old port found it
 * there (its socket's welcome proved it is the computer this phone paired with) and hands its pairing to
 * this origin, whose storage is its own, in a hidden frame of this page. Accepted only from the same
 * computer name on another port, and only where this origin has no pairing yet. Plain ES5 on purpose:
 * it runs as it is, unbuilt.
 */
(function () {
  var KEY = 'deskremote.device.v1';
  window.addEventListener('message', function (event) {
    var from;
    try {
      from = new URL(event.origin);
    } catch (_ignored) {
      return;
    }
    if (from.protocol !== location.protocol || from.hostname !== location.hostname || from.port === location.port) return;
    var data = event.data;
    if (!data || data.t !== 'deskremote-handover' || typeof data.deviceId !== 'string' || typeof data.secret !== 'string') return;
    var saved = null;
    try {
      saved = JSON.parse(localStorage.getItem(KEY) || 'null');
    } catch (_ignored) {
      saved = null;
    }
    var ok = true;
    if (!saved || typeof saved.deviceId !== 'string') {
      try {
        localStorage.setItem(KEY, JSON.stringify({ deviceId: data.deviceId, secret: data.secret }));
      } catch (_ignored) {
        ok = false;
      }
    }
    event.source.postMessage({ t: 'deskremote-handover-done', ok: ok }, event.origin);
  });
})();
