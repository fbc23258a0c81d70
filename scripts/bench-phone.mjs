// A phone without a page, for the benches: paired with a real host over a real socket through the real
// handshake (the token from the host's pairing URL), then sending encrypted messages and awaiting the host's
// by a test, each wait bounded. Used by bench.mjs, bench-preview.mjs and bench-wine.mjs (under Wine too).
import { join } from 'node:path';
import { answerChallenge, decodeServer, FrameChannel, randomId, tokenFromHash } from '@deskremote/shared';
import { WebSocket } from 'ws';

const WAIT_MS = 5000;
const root = join(import.meta.dirname, '..');

/** Host.start's options for a bench: loopback, a port of its own, the built phone page, no approval asked. */
export function benchHostOptions(dataDir, more) {
  return {
    port: 0,
    bind: '127.0.0.1',
    dataDir,
    phoneDir: join(root, 'mobile-web/dist'),
    version: 'bench',
    requireApproval: false,
    ...more,
  };
}

/**
 * `host`: a started Host (its port and pairing URL). `x25519`: the key exchange the phone uses (the shared
 * package's default, or the page's own, noble, where the phone's CPU is part of what is measured).
 */
export async function pairBenchPhone(host, x25519) {
  const channel = new FrameChannel({ plain: decodeServer, sealed: decodeServer });
  const inbox = [];
  let wake = () => {};
  const socket = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, { origin: `http://127.0.0.1:${host.port}` });
  socket.binaryType = 'nodebuffer';
  socket.on('message', (data) => {
    const bytes = new Uint8Array(data);
    inbox.push((channel.secured ? channel.decode(bytes) : channel.decodePlain(bytes)).message);
    wake();
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  /** The first message (taken out of the inbox) of type `match`, or matching it when it is a function. */
  const next = (match) =>
    new Promise((resolve, reject) => {
      const test = typeof match === 'function' ? match : (m) => m.t === match;
      const timer = setTimeout(
        () => reject(new Error(`no answer from the host in ${WAIT_MS} ms; got ${JSON.stringify(inbox)}`)),
        WAIT_MS,
      );
      const check = () => {
        const index = inbox.findIndex(test);
        if (index < 0) {
          wake = check;
          return;
        }
        clearTimeout(timer);
        wake = () => {};
        resolve(inbox.splice(index, 1)[0]);
      };
      check();
    });
  const answer = answerChallenge(
    await next('challenge'),
    {
      pairingToken: tokenFromHash(new URL(host.pairingUrl()).hash),
      saved: undefined,
      deviceName: 'bench',
      newDeviceId: () => randomId(18),
    },
    ...(x25519 ? [x25519] : []),
  );
  socket.send(channel.encode(answer.message));
  channel.secure(answer.keys.phoneToHost, answer.keys.hostToPhone);
  await next('welcome');
  return { socket, next, send: (message) => socket.send(channel.encode(message)), close: () => socket.close() };
}
