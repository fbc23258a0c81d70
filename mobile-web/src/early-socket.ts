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

/** The early socket if it was opened to `url` (undefined otherwise, and every time after the first). */
export function takeEarlySocket(url: string): EarlySocket | undefined {
  const boot = window as unknown as BootWindow;
  const early = boot.__deskremoteEarlySocket;
  boot.__deskremoteEarlySocket = undefined;
  if (!early) return undefined;
  early.socket.onmessage = null;
  early.socket.onclose = null;
  if (early.socket.url === url) return early;
  early.socket.close();
  return undefined;
}

/** Closes an early socket no link took (the app found nothing to prove after all), so the host is not kept waiting. */
export function discardEarlySocket(): void {
  takeEarlySocket('')?.socket.close();
}
