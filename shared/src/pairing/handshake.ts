/**
 * The handshake's cryptography, the same on both sides.
 *
 * Every connection runs an ephemeral X25519 exchange. The phone proves it holds the credential (the
 * QR's one-time token when pairing, the device secret when resuming) with an HMAC over the transcript,
 * which names both ephemeral keys. HKDF over (exchange || credential), salted with the transcript, gives
 * one ChaCha20-Poly1305 key per direction, a new device secret when pairing, and the short code both
 * screens show. Because the exchange is in every derivation, someone who photographed the QR code and
 * recorded the pairing still learns no key and no device secret. The host proves itself by sending the
 * welcome as the first encrypted frame: only a holder of the credential can make it decrypt.
 *
 * Pure JavaScript (noble), because a page served over plain http on the LAN has no crypto.subtle.
 */
import { expand, extract } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { PROTOCOL_VERSION } from '../constants.js';
import { fromBase64Url, toBase64Url, utf8 } from '../encoding.js';

/** X25519 key agreement: noble's on the phone, node:crypto's on the host. */
export interface KeyAgreement {
  generate(): { publicKey: Uint8Array; secretKey: unknown };
  /** Throws for a public key of low order (which would give a known shared secret). */
  agree(secretKey: unknown, peerPublicKey: Uint8Array): Uint8Array;
}

/** Everything both sides said before keys exist; each field is base64url except the name. */
export interface Transcript {
  kind: 'pair' | 'resume';
  serverNonce: string;
  serverKey: string;
  clientNonce: string;
  clientKey: string;
  deviceId: string;
  /** The name the desktop shows when asking for approval: bound, so it cannot be swapped on the way. */
  deviceName: string;
}

export interface SessionKeys {
  phoneToHost: Uint8Array;
  hostToPhone: Uint8Array;
  /** The long-term secret a pairing creates (base64url); unused when resuming. */
  deviceSecret: string;
  /** Six digits both the phone and the desktop show while the desktop asks for approval. */
  confirmCode: string;
}

export function transcriptHash(t: Transcript): Uint8Array {
  // JSON of an array: unambiguous whatever the name contains.
  const fields = [
    `deskremote/${PROTOCOL_VERSION}`,
    t.kind,
    t.serverNonce,
    t.serverKey,
    t.clientNonce,
    t.clientKey,
    t.deviceId,
    t.deviceName,
  ];
  return sha256(utf8.encode(JSON.stringify(fields)));
}

function credentialBytes(credential: string): Uint8Array {
  const bytes = fromBase64Url(credential);
  if (!bytes || bytes.length < 16) throw new Error('credential is not base64url of at least 16 bytes');
  return bytes;
}

/** The phone's proof that it holds the credential, bound to this connection's keys and nonces. */
export function handshakeProof(credential: string, hash: Uint8Array): string {
  return toBase64Url(hmac(sha256, credentialBytes(credential), concat(utf8.encode('proof'), hash)));
}

export function deriveSessionKeys(exchange: Uint8Array, credential: string, hash: Uint8Array): SessionKeys {
  // HKDF (RFC 5869) per label, with its extraction done once: the same bytes as hkdf() for each label, with
  // three fewer HMACs, which a phone's first visit runs cold (a few milliseconds of its handshake).
  const prk = extract(sha256, concat(exchange, credentialBytes(credential)), hash);
  const derive = (label: string, length: number) => expand(sha256, prk, utf8.encode(`deskremote/${label}`), length);
  const code = derive('confirm-code', 4);
  const number = ((code[0] ?? 0) * 2 ** 24 + (code[1] ?? 0) * 2 ** 16 + (code[2] ?? 0) * 2 ** 8 + (code[3] ?? 0)) % 1_000_000;
  return {
    phoneToHost: derive('phone-to-host', 32),
    hostToPhone: derive('host-to-phone', 32),
    deviceSecret: toBase64Url(derive('device-secret', 32)),
    confirmCode: String(number).padStart(6, '0'),
  };
}

/** Comparison whose time does not depend on where the strings first differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
