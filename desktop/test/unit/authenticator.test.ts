import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  deriveDeviceSecret,
  hostProof,
  type PairMessage,
  PROTOCOL_VERSION,
  pairProof,
  type ResumeMessage,
  randomId,
  resumeProof,
} from '@deskremote/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { DeviceStore } from '../../src/host/devices/device-store.js';
import { Authenticator } from '../../src/host/security/authenticator.js';
import { PairingToken } from '../../src/host/security/pairing-token.js';

let token: PairingToken;
let store: DeviceStore;
let auth: Authenticator;

beforeEach(async () => {
  token = new PairingToken();
  store = await DeviceStore.open(await mkdtemp(join(tmpdir(), 'auth-')));
  auth = new Authenticator(token, store, () => 1000);
});

function pairMessage(withToken: string, serverNonce: string, deviceId = randomId(18)) {
  const clientNonce = randomId(24);
  const context = { serverNonce, clientNonce, deviceId };
  const message: PairMessage = {
    t: 'pair',
    protocol: PROTOCOL_VERSION,
    deviceId,
    deviceName: ' Pixel\u200b 7\u0000 ',
    clientNonce,
    proof: pairProof(withToken, context),
  };
  return { context, message };
}

describe('authenticator', () => {
  it('pairs a phone that proves it holds the token, once', async () => {
    const used = token.current;
    const serverNonce = randomId(24);
    const { message, context } = pairMessage(used, serverNonce);
    const outcome = await auth.verify(message, serverNonce);
    expect(outcome).toMatchObject({ ok: true, paired: true, deviceName: 'Pixel 7' });
    const secret = deriveDeviceSecret(used, context);
    expect(outcome.ok && outcome.hostProof).toBe(hostProof(secret, context));
    expect(store.get(message.deviceId)?.secret).toBe(secret);
    expect(token.current).not.toBe(used);

    const again = pairMessage(used, serverNonce);
    expect(await auth.verify(again.message, serverNonce)).toMatchObject({ ok: false, unknownDevice: false });
  });

  it('refuses a pairing proof over another nonce (a replay)', async () => {
    const { message } = pairMessage(token.current, randomId(24));
    expect((await auth.verify(message, randomId(24))).ok).toBe(false);
    expect(store.list()).toEqual([]);
  });

  it('lets a paired phone back in with its device secret, and no one else', async () => {
    const serverNonce = randomId(24);
    const { message, context } = pairMessage(token.current, serverNonce);
    const pairedToken = token.current;
    await auth.verify(message, serverNonce);
    const secret = deriveDeviceSecret(pairedToken, context);

    const nonce2 = randomId(24);
    const clientNonce = randomId(24);
    const resume: ResumeMessage = { t: 'resume', protocol: PROTOCOL_VERSION, deviceId: message.deviceId, clientNonce, proof: '' };
    const ctx2 = { serverNonce: nonce2, clientNonce, deviceId: message.deviceId };
    expect(await auth.verify({ ...resume, proof: resumeProof(secret, ctx2) }, nonce2)).toMatchObject({ ok: true, paired: false });
    expect(await auth.verify({ ...resume, proof: resumeProof(randomId(32), ctx2) }, nonce2)).toMatchObject({
      ok: false,
      unknownDevice: true,
    });
    expect(await auth.verify({ ...resume, deviceId: randomId(18), proof: resumeProof(secret, ctx2) }, nonce2)).toMatchObject({
      ok: false,
      unknownDevice: true,
    });
  });
});
