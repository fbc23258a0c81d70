/**
 * Checks a connection's one authentication message: a pairing proof made with the QR's token, or a
 * reconnect proof made with a paired device's secret, both bound to this connection's X25519 exchange.
 * It decides nothing irreversible: the session spends the token and stores the device only when its
 * welcome goes out.
 */
import {
  type AuthMessage,
  CloseCode,
  constantTimeEqual,
  deriveSessionKeys,
  handshakeProof,
  type KeyAgreement,
  type SessionKeys,
  type Transcript,
  transcriptHash,
} from '@deskremote/shared';
import type { DeviceStore } from '../devices/device-store.js';
import type { PairingToken } from './pairing-token.js';

/** What the host sent in its challenge, kept by the session until the phone answers. */
export interface ChallengeSecrets {
  nonce: string;
  publicKey: string;
  secretKey: unknown;
}

export type AuthOutcome =
  | { ok: true; kind: 'pair'; deviceId: string; deviceName: string; keys: SessionKeys; token: string }
  | { ok: true; kind: 'resume'; deviceId: string; deviceName: string; keys: SessionKeys }
  | { ok: false; close: CloseCode; why: string };

/** Names are shown on the desktop: no control or format characters, never empty. */
export function cleanDeviceName(name: string): string {
  return name.replace(/[\p{Cc}\p{Cf}]/gu, '').trim() || 'Phone';
}

export class Authenticator {
  constructor(
    private readonly token: PairingToken,
    private readonly devices: DeviceStore,
    private readonly keyAgreement: KeyAgreement,
  ) {}

  verify(message: AuthMessage, challenge: ChallengeSecrets): AuthOutcome {
    const peerKey = Buffer.from(message.key, 'base64url');
    let exchange: Uint8Array;
    try {
      exchange = this.keyAgreement.agree(challenge.secretKey, peerKey);
    } catch {
      return { ok: false, close: CloseCode.authFailed, why: 'unusable key' };
    }
    if (message.t === 'pair') return this.verifyPair(message, challenge, exchange);
    const device = this.devices.get(message.deviceId);
    if (!device) return { ok: false, close: CloseCode.unknownDevice, why: 'unknown device' };
    const hash = transcriptHash(this.transcript(message, challenge, device.name));
    if (!constantTimeEqual(message.proof, handshakeProof(device.secret, hash))) {
      return { ok: false, close: CloseCode.authFailed, why: 'wrong device proof' };
    }
    return {
      ok: true,
      kind: 'resume',
      deviceId: device.id,
      deviceName: device.name,
      keys: deriveSessionKeys(exchange, device.secret, hash),
    };
  }

  private verifyPair(
    message: Extract<AuthMessage, { t: 'pair' }>,
    challenge: ChallengeSecrets,
    exchange: Uint8Array,
  ): AuthOutcome {
    const hash = transcriptHash(this.transcript(message, challenge, message.deviceName));
    const found = this.token.find((token) => constantTimeEqual(message.proof, handshakeProof(token, hash)));
    if (!found) return { ok: false, close: CloseCode.authFailed, why: 'wrong pairing proof' };
    if (found.retired === 'expired' || found.retired === 'renewed')
      return { ok: false, close: CloseCode.codeExpired, why: 'expired code' };
    if (found.retired === 'conflict') return { ok: false, close: CloseCode.codeConflict, why: 'copied code' };
    if (found.retired === 'used') return { ok: false, close: CloseCode.authFailed, why: 'code already used' };
    return {
      ok: true,
      kind: 'pair',
      deviceId: message.deviceId,
      deviceName: cleanDeviceName(message.deviceName),
      keys: deriveSessionKeys(exchange, found.token, hash),
      token: found.token,
    };
  }

  private transcript(message: AuthMessage, challenge: ChallengeSecrets, deviceName: string): Transcript {
    return {
      kind: message.t,
      serverNonce: challenge.nonce,
      serverKey: challenge.publicKey,
      clientNonce: message.clientNonce,
      clientKey: message.key,
      deviceId: message.deviceId,
      // The phone binds the name it sent when pairing; when resuming it binds none.
      deviceName: message.t === 'pair' ? deviceName : '',
    };
  }
}
