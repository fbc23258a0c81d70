import { afterEach, describe, expect, it } from 'vitest';
import { discardEarlySocket, type EarlySocket, takeEarlySocket } from '../src/early-socket.js';

const URL = 'ws://deskremote.test:7531/ws';

/** What boot.js leaves on the window: a socket (a stand-in here), what it received, how it closed. */
function bootOpened(readyState = 1, closedWith?: number, url = URL): EarlySocket & { closed: () => boolean } {
  let closed = false;
  const socket = {
    url,
    readyState,
    OPEN: 1,
    onmessage: () => {},
    onclose: () => {},
    close: () => {
      closed = true;
    },
  } as unknown as WebSocket;
  const early = { socket, frames: [new ArrayBuffer(3)], closedWith, closed: () => closed };
  (globalThis as { __deskremoteEarlySocket?: unknown }).__deskremoteEarlySocket = early;
  return early;
}

afterEach(() => {
  (globalThis as { __deskremoteEarlySocket?: unknown }).__deskremoteEarlySocket = undefined;
});

describe('the socket the page opened as it loaded', () => {
  it('is taken once, with what it received, and boot.js stops listening to it', () => {
    const early = bootOpened();
    const taken = takeEarlySocket(URL);
    expect(taken?.socket).toBe(early.socket);
    expect(taken?.frames).toHaveLength(1);
    expect(early.socket.onmessage).toBeNull();
    expect(early.socket.onclose).toBeNull();
    expect(takeEarlySocket(URL)).toBeUndefined();
    expect(early.closed()).toBe(false);
  });

  it('is closed, not handed on, when it goes elsewhere or the host already closed it', () => {
    const elsewhere = bootOpened(1, undefined, 'ws://other.test:7531/ws');
    expect(takeEarlySocket(URL)).toBeUndefined();
    expect(elsewhere.closed()).toBe(true);
    const timedOut = bootOpened(3, 4002);
    expect(takeEarlySocket(URL)).toBeUndefined();
    expect(timedOut.closed()).toBe(true);
  });

  it('is closed when no link took it (nothing to prove after all)', () => {
    const early = bootOpened();
    discardEarlySocket();
    expect(early.closed()).toBe(true);
    expect(takeEarlySocket(URL)).toBeUndefined();
    discardEarlySocket();
  });
});
