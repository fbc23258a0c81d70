import { createHmac, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type ClientMessage,
  constantTimeEqual,
  decodeClient,
  decodeServer,
  deriveSessionKeys,
  FrameChannel,
  fromBase64Url,
  type HostMessage,
  handshakeProof,
  MAX_FRAME_BYTES,
  nobleX25519,
  padToBucket,
  pairingUrl,
  randomId,
  type ServerMessage,
  type Transcript,
  toBase64Url,
  tokenFromHash,
  transcriptHash,
  utf8,
} from '../src/index.js';

const transcript = (overrides: Partial<Transcript> = {}): Transcript => ({
  kind: 'pair',
  serverNonce: randomId(24),
  serverKey: randomId(32),
  clientNonce: randomId(24),
  clientKey: randomId(32),
  deviceId: randomId(18),
  deviceName: 'Pixel 7',
  ...overrides,
});

describe('handshake', () => {
  it('agrees on one X25519 secret on both sides (RFC 7748 test vector too)', () => {
    const a = nobleX25519.generate();
    const b = nobleX25519.generate();
    expect(nobleX25519.agree(a.secretKey, b.publicKey)).toEqual(nobleX25519.agree(b.secretKey, a.publicKey));
    // RFC 7748 section 6.1.
    const alice = Buffer.from('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a', 'hex');
    const bobPublic = Buffer.from('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f', 'hex');
    expect(Buffer.from(nobleX25519.agree(new Uint8Array(alice), new Uint8Array(bobPublic))).toString('hex')).toBe(
      '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742',
    );
  });

  it('refuses a low-order public key (which would make the shared secret known)', () => {
    const own = nobleX25519.generate();
    expect(() => nobleX25519.agree(own.secretKey, new Uint8Array(32))).toThrow();
  });

  it('proves the credential with HMAC-SHA256 over the transcript hash, as node:crypto computes it', () => {
    const token = randomId(32);
    const hash = transcriptHash(transcript());
    const expected = createHmac('sha256', Buffer.from(token, 'base64url'))
      .update(Buffer.concat([Buffer.from('proof'), hash]))
      .digest('base64url');
    expect(handshakeProof(token, hash)).toBe(expected);
  });

  it('binds every field of the transcript, the device name included', () => {
    const base = transcript();
    const hashes = new Set(
      [
        base,
        { ...base, kind: 'resume' as const },
        { ...base, serverNonce: randomId(24) },
        { ...base, serverKey: randomId(32) },
        { ...base, clientNonce: randomId(24) },
        { ...base, clientKey: randomId(32) },
        { ...base, deviceId: randomId(18) },
        { ...base, deviceName: 'Pixel 8' },
      ].map((t) => toBase64Url(transcriptHash(t))),
    );
    expect(hashes.size).toBe(8);
  });

  it('derives keys from the exchange AND the credential: the token alone does not give them', () => {
    const token = randomId(32);
    const hash = transcriptHash(transcript());
    const exchange = new Uint8Array(32).fill(7);
    const keys = deriveSessionKeys(exchange, token, hash);
    const otherExchange = deriveSessionKeys(new Uint8Array(32).fill(8), token, hash);
    const otherToken = deriveSessionKeys(exchange, randomId(32), hash);
    for (const other of [otherExchange, otherToken]) {
      expect(other.deviceSecret).not.toBe(keys.deviceSecret);
      expect(other.phoneToHost).not.toEqual(keys.phoneToHost);
    }
    expect(keys.phoneToHost).not.toEqual(keys.hostToPhone);
    expect(fromBase64Url(keys.deviceSecret)?.length).toBe(32);
    expect(keys.confirmCode).toMatch(/^\d{6}$/);
    expect(deriveSessionKeys(exchange, token, hash)).toEqual(keys);
  });

  it('derives each key as HKDF-SHA256 over (exchange, credential) salted with the transcript (node:crypto agrees)', () => {
    const exchange = new Uint8Array(32).fill(7);
    const token = randomId(32);
    const hash = transcriptHash(transcript());
    const ikm = Buffer.concat([exchange, fromBase64Url(token) ?? new Uint8Array()]);
    const hkdf = (label: string, length: number) => new Uint8Array(hkdfSync('sha256', ikm, hash, `deskremote/${label}`, length));
    const keys = deriveSessionKeys(exchange, token, hash);
    expect(keys.phoneToHost).toEqual(hkdf('phone-to-host', 32));
    expect(keys.hostToPhone).toEqual(hkdf('host-to-phone', 32));
    expect(keys.deviceSecret).toBe(toBase64Url(hkdf('device-secret', 32)));
    const code = hkdf('confirm-code', 4);
    const number = ((code[0] ?? 0) * 2 ** 24 + (code[1] ?? 0) * 2 ** 16 + (code[2] ?? 0) * 2 ** 8 + (code[3] ?? 0)) % 1_000_000;
    expect(keys.confirmCode).toBe(String(number).padStart(6, '0'));
  });

  it('compares proofs without short-circuiting on the first difference', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
  });
});

describe('frame channel', () => {
  const pair = () => {
    const k1 = new Uint8Array(32).fill(1);
    const k2 = new Uint8Array(32).fill(2);
    const host = new FrameChannel<ServerMessage, ClientMessage>({ plain: decodeClient, sealed: decodeClient });
    const phone = new FrameChannel<ClientMessage, HostMessage>({ plain: decodeServer, sealed: decodeServer });
    host.secure(k1, k2);
    phone.secure(k2, k1);
    return { host, phone };
  };

  it('carries messages both ways, encrypted', () => {
    const { host, phone } = pair();
    const frame = phone.encode({ t: 'text', id: 1, text: 'secret sentence' });
    expect(Buffer.from(frame).includes('secret sentence')).toBe(false);
    expect(host.decode(frame)).toEqual({ ok: true, message: { t: 'text', id: 1, text: 'secret sentence' } });
    expect(phone.decode(host.encode({ t: 'ack', id: 1 }))).toEqual({ ok: true, message: { t: 'ack', id: 1 } });
  });

  it('pads JSON to a size bucket, so the length of what was typed does not show', () => {
    const { phone } = pair();
    const short = phone.encode({ t: 'text', id: 1, text: 'a' });
    const longer = phone.encode({ t: 'text', id: 1, text: 'a'.repeat(20) });
    expect(short.length).toBe(longer.length);
    expect(padToBucket(utf8.encode('{}')).length).toBe(64);
    expect(padToBucket(new Uint8Array(MAX_FRAME_BYTES - 1).fill(0x20)).length).toBe(MAX_FRAME_BYTES);
  });

  it('refuses, as fatal, a flipped bit, a replayed frame, a reordered frame and a plaintext frame', () => {
    const make = () => {
      const { host, phone } = pair();
      return { host, frames: [1, 2, 3].map((id) => phone.encode({ t: 'ping', id })) };
    };
    const flipped = make();
    const altered = Uint8Array.from(flipped.frames[0] ?? []);
    altered[3] = (altered[3] ?? 0) ^ 1;
    expect(flipped.host.decode(altered)).toMatchObject({ ok: false, fatal: true });

    const replayed = make();
    expect(replayed.host.decode(replayed.frames[0] ?? new Uint8Array())).toMatchObject({ ok: true });
    expect(replayed.host.decode(replayed.frames[0] ?? new Uint8Array())).toMatchObject({ ok: false, fatal: true });

    const reordered = make();
    expect(reordered.host.decode(reordered.frames[1] ?? new Uint8Array())).toMatchObject({ ok: false, fatal: true });

    const plain = make();
    expect(plain.host.decode(utf8.encode('{"t":"ping","id":1}'))).toMatchObject({ ok: false, fatal: true });
  });
});

describe('base64url', () => {
  it('matches Node for every length', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 37 + n) & 255);
      const text = toBase64Url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromBase64Url(text)).toEqual(bytes);
    }
  });

  it('rejects what is not canonical base64url', () => {
    expect(fromBase64Url('a+b/')).toBeUndefined();
    expect(fromBase64Url('abcde')).toBeUndefined();
    expect(fromBase64Url('AB')).toBeUndefined();
  });
});

describe('pairing URL', () => {
  it('carries the token in the fragment, which browsers never send to the server', () => {
    const url = new URL(pairingUrl('http://192.168.1.20:7531', 'TOKEN'));
    expect(url.pathname).toBe('/');
    expect(url.search).toBe('');
    expect(tokenFromHash(url.hash)).toBe('TOKEN');
    expect(tokenFromHash('')).toBeUndefined();
  });
});
