/**
 * The socket boot.js (inlined in index.html) opened while the app's code was still loading, with the frames
 * it received meanwhile (the host's challenge) and how it closed, if it did. The first link takes it over and
 * runs the handshake on it exactly as on a socket of its own; it is never used twice.
 */
export interface EarlySocket {
  socket: WebSocket;
  frames: unknown[];
  closedWith: number | undefined;
}

type BootWindow = { __deskremoteEarlySocket?: EarlySocket | undefined };

/**
 * The early socket if it was opened to `url` and is still open or opening (undefined otherwise, and every
 * time after the first). One the host already closed (a page whose code took longer than the host waits for
 * a proof) is not handed on: the link opens a fresh one rather than report a failed attempt.
 */
export function takeEarlySocket(url: string): EarlySocket | undefined {
  const boot = globalThis as unknown as BootWindow;
  const early = boot.__deskremoteEarlySocket;
  boot.__deskremoteEarlySocket = undefined;
  if (!early) return undefined;
  early.socket.onmessage = null;
  early.socket.onclose = null;
  const usable = early.closedWith === undefined && early.socket.readyState <= early.socket.OPEN;
  if (early.socket.url === url && usable) return early;
  early.socket.close();
  return undefined;
}

/** Closes an early socket no link took (the app found nothing to prove after all), so the host is not kept waiting. */
export function discardEarlySocket(): void {
  takeEarlySocket('')?.socket.close();
}
