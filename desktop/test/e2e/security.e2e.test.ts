/**
 * The negative half, against the real host with the real driver and a real desktop window: strangers
 * are refused before the upgrade or at their first message, and none of them injects anything.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloseCode, PROTOCOL_VERSION, pairProof, randomId, resumeProof, tokenFromHash } from '@deskremote/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRaw, upgradeStatus } from '../support/raw-client.js';
import { assertChromium } from './support/chromium.js';
import { DesktopWindow } from './support/desktop-window.js';
import { HostProcess } from './support/host-process.js';
import { startXvfb, type XDisplay } from './support/xvfb.js';

let x: XDisplay;
let desktop: DesktopWindow;
let host: HostProcess;
let dataDir: string;
let port: number;
const INPUT_EVENTS = new Set(['mousedown', 'mouseup', 'click', 'contextmenu', 'keydown', 'wheel']);

beforeAll(async () => {
  assertChromium();
  dataDir = await mkdtemp(join(tmpdir(), 'deskremote-sec-'));
  x = await startXvfb();
  desktop = await DesktopWindow.open(x.display, x.width, x.height);
  host = await HostProcess.start({ display: x.display, dataDir });
  port = host.port;
});

afterAll(async () => {
  await host?.stop();
  await desktop?.close();
  await x?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const tokenOf = (url: string) => tokenFromHash(new URL(url).hash) ?? '';

type Auth = Parameters<Awaited<ReturnType<typeof connectRaw>>['send']>[0];

/** A pairing message made with `token`, its proof over the server's nonce (or over `proofNonce`, to forge one). */
const pairingWith =
  (token: string, proofNonce?: string) =>
  (serverNonce: string): Auth => {
    const deviceId = randomId(18);
    const clientNonce = randomId(24);
    const proof = pairProof(token, { serverNonce: proofNonce ?? serverNonce, clientNonce, deviceId });
    return { t: 'pair', protocol: PROTOCOL_VERSION, deviceId, deviceName: 'x', clientNonce, proof };
  };

/** Authenticates with `auth`; with `pipeline`, at once sends commands that would show on the desktop if obeyed. */
async function attempt(auth: (nonce: string) => Auth, pipeline = false) {
  const client = await connectRaw(port);
  client.send(auth(client.challenge.nonce));
  if (pipeline) {
    client.send({ t: 'click', id: 1, button: 'left' });
    client.send({ t: 'key', id: 2, key: 'a' });
  }
  const closed = await client.closed;
  return { closed, messages: client.messages };
}

describe('strangers are refused and inject nothing', () => {
  let usedToken = '';
  let eventsBefore = 0;

  it('a phone with the QR token pairs (the reference for the refusals below)', async () => {
    usedToken = tokenOf(host.pairingUrl());
    const client = await connectRaw(port);
    const deviceId = randomId(18);
    const clientNonce = randomId(24);
    const context = { serverNonce: client.challenge.nonce, clientNonce, deviceId };
    client.send({
      t: 'pair',
      protocol: PROTOCOL_VERSION,
      deviceId,
      deviceName: 'Reference',
      clientNonce,
      proof: pairProof(usedToken, context),
    });
    expect((await client.next('welcome')).t).toBe('welcome');
    client.socket.close();
    await client.closed;
    await host.waitForOutput(/paired: Reference/);
    eventsBefore = (await desktop.events()).filter((e) => INPUT_EVENTS.has(e.type)).length;
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
    const { closed, messages } = await attempt(pairingWith(randomId(32)));
    expect(closed.code).toBe(CloseCode.authFailed);
    expect(messages.map((m) => m.t)).toEqual(['challenge']);
  });

  it('refuses an unknown device that tries to resume', async () => {
    const { closed } = await attempt((nonce) => {
      const deviceId = randomId(18);
      const clientNonce = randomId(24);
      const proof = resumeProof(randomId(32), { serverNonce: nonce, clientNonce, deviceId });
      return { t: 'resume', protocol: PROTOCOL_VERSION, deviceId, clientNonce, proof };
    });
    expect(closed.code).toBe(CloseCode.unknownDevice);
  });

  it('refuses a wrong proof made with the current token', async () => {
    // A proof over another nonce: a replay of someone else's exchange.
    const { closed, messages } = await attempt(pairingWith(tokenOf(host.pairingUrl()), randomId(24)));
    expect(closed.code).toBe(CloseCode.authFailed);
    expect(messages.map((m) => m.t)).toEqual(['challenge']);
  });

  it('refuses a token that was already used', async () => {
    const { closed, messages } = await attempt(pairingWith(usedToken));
    expect(closed.code).toBe(CloseCode.authFailed);
    expect(messages.map((m) => m.t)).toEqual(['challenge']);
  });

  it('closes a client that sends commands behind a failed authentication, without parsing them', async () => {
    const { closed, messages } = await attempt(pairingWith(usedToken), true);
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
    const events = (await desktop.events()).filter((e) => INPUT_EVENTS.has(e.type));
    expect(events.length).toBe(eventsBefore);
    expect(host.log).not.toMatch(/paired: x\b/);
  });
});
