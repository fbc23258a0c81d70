/**
 * Pairing and reconnection proofs. The pairing token and the device secret never cross the wire:
 * each side proves it holds them with HMAC-SHA256 over both nonces and the device id.
 * Pure JavaScript (noble), because a page served over plain http on the LAN has no crypto.subtle.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { fromBase64Url, toBase64Url, utf8 } from './encoding.js';

export interface ProofContext {
  serverNonce: string;
  clientNonce: string;
  deviceId: string;
}

type Purpose = 'pair' | 'device-secret' | 'resume' | 'host';

function mac(key: string, purpose: Purpose, context: ProofContext): string {
  const keyBytes = fromBase64Url(key);
  if (!keyBytes) throw new Error('key is not base64url');
  // Every field is base64url, so a newline separator cannot be forged by a field's content.
  const message = ['deskremote/v1', purpose, context.serverNonce, context.clientNonce, context.deviceId].join('\n');
  return toBase64Url(hmac(sha256, keyBytes, utf8.encode(message)));
}

/** Sent by a phone that holds the one-time pairing token from the QR code. */
export const pairProof = (token: string, context: ProofContext): string => mac(token, 'pair', context);

/** Both sides derive the device's long-term secret from the token; it is never sent. */
export const deriveDeviceSecret = (token: string, context: ProofContext): string => mac(token, 'device-secret', context);

/** Sent by a paired phone on every reconnect. */
export const resumeProof = (deviceSecret: string, context: ProofContext): string => mac(deviceSecret, 'resume', context);

/** Sent back by the host: it holds the same device secret, so it is the computer the phone paired with. */
export const hostProof = (deviceSecret: string, context: ProofContext): string => mac(deviceSecret, 'host', context);

/** Comparison whose time does not depend on where the strings first differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
