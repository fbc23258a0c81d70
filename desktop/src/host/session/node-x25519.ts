/**
 * X25519 through node:crypto (OpenSSL): the host makes a key pair for every connection, strangers'
 * included, so it uses the native one (tens of microseconds) rather than noble's (milliseconds).
 */
import { createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { KeyAgreement } from '@deskremote/shared';

export const nodeX25519: KeyAgreement = {
  generate() {
    const { publicKey, privateKey } = generateKeyPairSync('x25519');
    const jwk = publicKey.export({ format: 'jwk' });
    return { publicKey: Buffer.from(jwk.x ?? '', 'base64url'), secretKey: privateKey };
  },
  agree(secretKey, peerPublicKey) {
    if (peerPublicKey.length !== 32) throw new Error('an X25519 key has 32 bytes');
    const publicKey = createPublicKey({
      key: { kty: 'OKP', crv: 'X25519', x: Buffer.from(peerPublicKey).toString('base64url') },
      format: 'jwk',
    });
    const shared = diffieHellman({ privateKey: secretKey as KeyObject, publicKey });
    // OpenSSL returns all zeros for a low-order point; noble throws. Refuse it the same way here.
    if (shared.every((byte) => byte === 0)) throw new Error('low-order X25519 key');
    return new Uint8Array(shared);
  },
};

/** For tests: a key object from raw bytes. */
export function x25519PrivateKey(raw: Uint8Array): KeyObject {
  const prefix = Buffer.from('302e020100300506032b656e04220420', 'hex');
  return createPrivateKey({ key: Buffer.concat([prefix, Buffer.from(raw)]), format: 'der', type: 'pkcs8' });
}
