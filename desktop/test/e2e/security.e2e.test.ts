/**
 * The negative half, against the real host with the real driver and a real desktop window: strangers
 * are refused before the upgrade or at their first message, and none of them injects anything.
 */
import { CloseCode, PROTOCOL_VERSION, randomId, tokenFromHash, utf8 } from '@deskremote/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRaw, upgradeStatus } from '../support/raw-client.js';
import { rawRequest } from '../support/raw-http.js';
import { type PairedPhone, resumePhone, startPairingOn } from '../support/test-host.js';
import { type DesktopRig, startDesktopRig } from './support/desktop-rig.js';
import type { DesktopWindow } from './support/desktop-window.js';
import type { HostProcess } from './support/host-process.js';

let rig: DesktopRig;
let desktop: DesktopWindow;
let host: HostProcess;
let port: number;
const INPUT_EVENTS = new Set(['mousedown', 'mouseup', 'click', 'contextmenu', 'keydown', 'wheel']);

beforeAll(async () => {
  rig = await startDesktopRig('sec');
  ({ desktop, host } = rig);
  port = host.port;
});

afterAll(() => rig?.stop());

const tokenOf = (url: string) => tokenFromHash(new URL(url).hash) ?? '';

type Auth = Parameters<Awaited<ReturnType<typeof connectRaw>>['send']>[0];

/** A pairing or resume message with a proof that is not right (a random one), and a random key. */
const guess = (t: 'pair' | 'resume'): Auth =>
  t === 'pair'
    ? {
        t,
        protocol: PROTOCOL_VERSION,
        deviceId: randomId(18),
        deviceName: 'x',
        clientNonce: randomId(24),
        key: randomId(32),
        proof: randomId(32),
      }
    : {
        t,
        protocol: PROTOCOL_VERSION,
        deviceId: randomId(18),
        clientNonce: randomId(24),
        key: randomId(32),
        proof: randomId(32),
      };

/** Authenticates with `auth`; with `pipeline`, at once sends commands that would show on the desktop if obeyed. */
async function attempt(auth: Auth, pipeline = false) {
  const client = await connectRaw(port);
  client.send(auth);
  if (pipeline) {
    client.send({ t: 'click', id: 1, button: 'left' });
    client.send({ t: 'key', id: 2, key: 'a' });
  }
  const closed = await client.closed;
  return { closed, messages: client.messages };
}

const inputEvents = async () => (await desktop.events()).filter((e) => INPUT_EVENTS.has(e.type)).length;

describe('strangers are refused and inject nothing', () => {
  let usedToken = '';
  let reference: PairedPhone;
  let eventsBefore = 0;

  it('a phone with the QR token pairs (the reference for the refusals below)', async () => {
    usedToken = tokenOf(host.pairingUrl());
    reference = await startPairingOn(port, usedToken, { deviceName: 'Reference' });
    expect((await reference.client.next('welcome')).t).toBe('welcome');
    reference.client.socket.close();
    await reference.client.closed;
    await host.waitForOutput(/paired: Reference/);
    eventsBefore = await inputEvents();
  });

  it('survives the requests that used to end it (a target new URL() cannot parse), on the page and the upgrade', async () => {
    const at = `127.0.0.1:${port}`;
    expect((await rawRequest(port, `GET // HTTP/1.1\r\nHost: ${at}\r\n\r\n`)).status).toBe(400);
    const upgrade = `GET // HTTP/1.1\r\nHost: ${at}\r\nOrigin: http://${at}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`;
    expect((await rawRequest(port, upgrade)).status).toBe(400);
    // The process is alive and serving.
    expect((await fetch(`http://${at}/`)).status).toBe(200);
    expect(host.log).not.toMatch(/still serving/);
  });

  it('refuses a foreign Origin before the upgrade', async () => {
    expect(await upgradeStatus(port, { Origin: 'http://evil.example' })).toBe(403);
    expect(await upgradeStatus(port, { Origin: `http://127.0.0.1:${port + 1}` })).toBe(403);
    expect(await upgradeStatus(port, {})).toBe(403);
  });

  it('refuses a foreign Host before the upgrade (DNS rebinding)', async () => {
    expect(await upgradeStatus(port, { Host: `evil.example:${port}`, Origin: `http://evil.example:${port}` })).toBe(421);
    expect(await upgradeStatus(port, { Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port}` })).toBe(101);
  });

  it('refuses a client without the token at its first message', async () => {
    const { closed, messages } = await attempt(guess('pair'));
    expect(closed.code).toBe(CloseCode.authFailed);
    expect(messages.map((m) => m.t)).toEqual(['challenge']);
  });

  it('refuses an unknown device that tries to resume', async () => {
    const { closed } = await attempt(guess('resume'));
    expect(closed.code).toBe(CloseCode.unknownDevice);
  });

  it('refuses a proof made for another connection (a replay of the reference pairing)', async () => {
    // The reference phone's own pairing message, sent again on a new connection: other keys, other nonces.
    const replayed = reference.client.sent[0];
    if (!replayed) throw new Error('the reference sent nothing');
    const client = await connectRaw(port);
    client.sendBytes(replayed);
    expect((await client.closed).code).toBe(CloseCode.authFailed);
    expect(client.messages.map((m) => m.t)).toEqual(['challenge']);
  });

  it('refuses a token that was already used', async () => {
    const late = await startPairingOn(port, usedToken);
    expect((await late.client.closed).code).toBe(CloseCode.authFailed);
    expect(late.client.messages.map((m) => m.t)).toEqual(['challenge']);
  });

  it('closes a client that sends commands behind a failed authentication, without parsing them', async () => {
    const { closed, messages } = await attempt(guess('pair'), true);
    expect([CloseCode.authFailed, CloseCode.badMessage]).toContain(closed.code);
    expect(messages.map((m) => m.t)).toEqual(['challenge']);
  });

  it('refuses a first message that is not authentication, and one that never comes', async () => {
    const client = await connectRaw(port);
    client.send({ t: 'click', id: 1, button: 'left' });
    expect((await client.closed).code).toBe(CloseCode.authFailed);
    const silent = await connectRaw(port);
    expect((await silent.closed).code).toBe(CloseCode.authTimeout);
  });

  it('none of them injected anything into the desktop', async () => {
    await new Promise((r) => setTimeout(r, 300));
    expect(await inputEvents()).toBe(eventsBefore);
    expect(host.log).not.toMatch(/paired: x\b/);
  });

  describe('after the welcome, a frame that is not the next one sealed closes the socket and injects nothing', () => {
    /** A fresh session of the reference phone, and a sealed key press that would show on the desktop. */
    async function session() {
      const client = await resumePhone(port, reference.deviceId, reference.secret);
      await client.next('welcome');
      await client.next('snapshot');
      return client;
    }

    /** Seals commands as the next frames without putting them on the wire, for the test to send as it likes. */
    function sealOnly(client: Awaited<ReturnType<typeof session>>, send: () => void): Uint8Array[] {
      const sealed: Uint8Array[] = [];
      const real = client.socket.send.bind(client.socket);
      client.socket.send = ((data: Uint8Array) => sealed.push(Uint8Array.from(data))) as typeof client.socket.send;
      try {
        send();
      } finally {
        client.socket.send = real;
      }
      return sealed;
    }

    it('a flipped bit', async () => {
      const client = await session();
      const events = await inputEvents();
      const [frame] = sealOnly(client, () => client.send({ t: 'key', id: 1, key: 'a' }));
      const altered = Uint8Array.from(frame ?? []);
      altered[5] = (altered[5] ?? 0) ^ 0x01;
      client.sendBytes(altered);
      expect((await client.closed).code).toBe(CloseCode.cipherFailed);
      await new Promise((r) => setTimeout(r, 200));
      expect(await inputEvents()).toBe(events);
    });

    it('a replayed frame', async () => {
      const client = await session();
      const since = (await desktop.events()).length;
      client.send({ t: 'key', id: 1, key: 'Escape' });
      await client.next('ack');
      // The ack means the key was sent to X; wait until the window has it, then count.
      await desktop.waitForKeys(since, 1);
      const events = await inputEvents();
      client.sendBytes(client.sent.at(-1) ?? new Uint8Array());
      expect((await client.closed).code).toBe(CloseCode.cipherFailed);
      await new Promise((r) => setTimeout(r, 200));
      expect(await inputEvents()).toBe(events);
    });

    it('a reordered frame', async () => {
      const client = await session();
      const events = await inputEvents();
      const sealed = sealOnly(client, () => {
        client.send({ t: 'key', id: 1, key: 'a' });
        client.send({ t: 'key', id: 2, key: 'b' });
      });
      client.sendBytes(sealed[1] ?? new Uint8Array());
      client.sendBytes(sealed[0] ?? new Uint8Array());
      expect((await client.closed).code).toBe(CloseCode.cipherFailed);
      await new Promise((r) => setTimeout(r, 200));
      expect(await inputEvents()).toBe(events);
    });

    it('a plaintext frame', async () => {
      const client = await session();
      const events = await inputEvents();
      client.sendBytes(utf8.encode(JSON.stringify({ t: 'key', id: 1, key: 'a' })));
      expect((await client.closed).code).toBe(CloseCode.cipherFailed);
      await new Promise((r) => setTimeout(r, 200));
      expect(await inputEvents()).toBe(events);
    });

    it('and the paired phone keeps working afterwards', async () => {
      const client = await session();
      const since = (await desktop.events()).length;
      client.send({ t: 'key', id: 1, key: 'Escape' });
      await client.next('ack');
      expect(await desktop.waitForKeys(since, 1)).toEqual(['Escape']);
      client.socket.close();
    });
  });
});
