/**
 * X25519 for the phone, built from noble's `montgomery` alone: the `ed25519` export would add its
 * Edwards tables and SHA-512 (about 7 KB gzipped) to a page that only needs key agreement.
 * The host uses node:crypto's native X25519 instead (about 50 times faster), through the same interface.
 */
import { pow } from '@noble/curves/abstract/modular.js';
import { montgomery } from '@noble/curves/abstract/montgomery.js';
import type { KeyAgreement } from './handshake.js';

const P = 2n ** 255n - 19n;

const curve = montgomery({
  P,
  type: 'x25519',
  powPminus2: (x) => pow(x, P - 2n, P),
  // RFC 7748 clamping.
  adjustScalarBytes: (bytes: Uint8Array) => {
    bytes[0] = (bytes[0] ?? 0) & 248;
    bytes[31] = ((bytes[31] ?? 0) & 127) | 64;
    return bytes;
  },
});

export const nobleX25519: KeyAgreement = {
  generate() {
    const secretKey = curve.utils.randomSecretKey();
    return { publicKey: curve.getPublicKey(secretKey), secretKey };
  },
  // noble rejects low-order public keys (an all-zero shared secret) by throwing.
  agree: (secretKey, peerPublicKey) => curve.getSharedSecret(secretKey as Uint8Array, peerPublicKey),
};
