import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  constantTimeEqual,
  deriveDeviceSecret,
  fromBase64Url,
  hostProof,
  pairingUrl,
  pairProof,
  randomId,
  resumeProof,
  toBase64Url,
  tokenFromHash,
} from '../src/index.js';

const context = { serverNonce: randomId(24), clientNonce: randomId(24), deviceId: randomId(18) };

describe('pairing proofs', () => {
  it('is HMAC-SHA256 over the labelled fields, as node:crypto computes it', () => {
    const token = randomId(32);
    const expected = createHmac('sha256', Buffer.from(token, 'base64url'))
      .update(['deskremote/v1', 'pair', context.serverNonce, context.clientNonce, context.deviceId].join('\n'))
      .digest('base64url');
    expect(pairProof(token, context)).toBe(expected);
  });

  it('gives a different value for each purpose, token and nonce', () => {
    const token = randomId(32);
    const values = new Set([
      pairProof(token, context),
      deriveDeviceSecret(token, context),
      resumeProof(token, context),
      hostProof(token, context),
      pairProof(randomId(32), context),
      pairProof(token, { ...context, serverNonce: randomId(24) }),
    ]);
    expect(values.size).toBe(6);
  });

  it('derives the same device secret on both sides', () => {
    const token = randomId(32);
    expect(deriveDeviceSecret(token, { ...context })).toBe(deriveDeviceSecret(token, context));
    expect(fromBase64Url(deriveDeviceSecret(token, context))?.length).toBe(32);
  });

  it('compares proofs without short-circuiting on the first difference', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
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
