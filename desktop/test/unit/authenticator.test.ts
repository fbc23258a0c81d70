import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuthMessage, answerChallenge, CloseCode, PROTOCOL_VERSION, randomId } from '@deskremote/shared';
import { beforeEach, describe, expect, it } from 'vitest';

import { DeviceStore } from '../../src/host/devices/device-store.js';
import { Authenticator, type ChallengeSecrets } from '../../src/host/pairing/authenticator.js';
import { PairingToken } from '../../src/host/pairing/pairing-token.js';
import { nodeX25519 } from '../../src/host/session/node-x25519.js';

let token: PairingToken;
let store: DeviceStore;
let auth: Authenticator;

beforeEach(async () => {
  token = new PairingToken(0);
  store = await DeviceStore.open(await mkdtemp(join(tmpdir(), 'auth-')));
  auth = new Authenticator(token, store, nodeX25519);
});

function challenge(): ChallengeSecrets & {
  message: { t: 'challenge'; protocol: typeof PROTOCOL_VERSION; nonce: string; key: string };
} {
  const pair = nodeX25519.generate();
  const nonce = randomId(24);
  const publicKey = Buffer.from(pair.publicKey).toString('base64url');
  return {
    nonce,
    publicKey,
    secretKey: pair.secretKey,
    message: { t: 'challenge', protocol: PROTOCOL_VERSION, nonce, key: publicKey },
  };
}

/** The phone page's own handshake code answers. */
function answer(c: ReturnType<typeof challenge>, credentials: { token?: string; saved?: { deviceId: string; secret: string } }) {
  const deviceId = credentials.saved?.deviceId ?? randomId(18);
  const result = answerChallenge(c.message, {
    pairingToken: credentials.token,
    saved: credentials.saved,
    deviceName: ' Pixel\u200b 7\u0000 ',
    newDeviceId: () => deviceId,
  });
  if (!result) throw new Error('no answer');
  return result;
}

describe('authenticator', () => {
  it('accepts a phone that proves the token, with the same keys, code and device secret on both sides', () => {
    const c = challenge();
    const phone = answer(c, { token: token.current });
    const outcome = auth.verify(phone.message, c);
    expect(outcome).toMatchObject({ ok: true, kind: 'pair', deviceName: 'Pixel 7', token: token.current });
    if (!outcome.ok) return;
    expect(outcome.keys).toEqual(phone.keys);
    // Nothing irreversible yet: the session spends the token and stores the device with the welcome.
    expect(store.list()).toEqual([]);
  });

  it('refuses a pairing proof made for another connection (a replay) or with another token', () => {
    const first = challenge();
    const phone = answer(first, { token: token.current });
    expect(auth.verify(phone.message, challenge())).toMatchObject({ ok: false, close: CloseCode.authFailed });
    const c = challenge();
    expect(auth.verify(answer(c, { token: PairingToken.fresh() }).message, c)).toMatchObject({
      ok: false,
      close: CloseCode.authFailed,
    });
  });

  it('says a code expired, was used or was copied, rather than only "wrong"', () => {
    const expired = token.current;
    token.rotate('expired');
    let c = challenge();
    expect(auth.verify(answer(c, { token: expired }).message, c)).toMatchObject({ ok: false, close: CloseCode.codeExpired });
    const used = token.current;
    expect(token.spend(used)).toBe(true);
    c = challenge();
    expect(auth.verify(answer(c, { token: used }).message, c)).toMatchObject({
      ok: false,
      close: CloseCode.authFailed,
      why: 'code already used',
    });
  });

  it('lets a paired phone back in with its device secret, and no one else', async () => {
    const secret = randomId(32);
    const deviceId = randomId(18);
    await store.add({ id: deviceId, name: 'Pixel 7', secret, pairedAt: 1, lastSeenAt: 1 });
    let c = challenge();
    const back = answer(c, { saved: { deviceId, secret } });
    const outcome = auth.verify(back.message, c);
    expect(outcome).toMatchObject({ ok: true, kind: 'resume', deviceId, deviceName: 'Pixel 7' });
    expect(outcome.ok && outcome.keys.phoneToHost).toEqual(back.keys.phoneToHost);
    c = challenge();
    expect(auth.verify(answer(c, { saved: { deviceId, secret: randomId(32) } }).message, c)).toMatchObject({
      ok: false,
      close: CloseCode.authFailed,
    });
    c = challenge();
    expect(auth.verify(answer(c, { saved: { deviceId: randomId(18), secret } }).message, c)).toMatchObject({
      ok: false,
      close: CloseCode.unknownDevice,
    });
  });

  it('refuses a low-order key instead of agreeing on a known secret', () => {
    const c = challenge();
    const phone = answer(c, { token: token.current });
    const message: AuthMessage = { ...phone.message, key: Buffer.alloc(32).toString('base64url') };
    expect(auth.verify(message, c)).toMatchObject({ ok: false, close: CloseCode.authFailed });
  });
});
