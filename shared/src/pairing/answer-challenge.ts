/**
 * The phone's half of the handshake: answers the host's challenge with a pairing proof (the QR token)
 * or a resume proof (the saved device secret), both bound to a fresh X25519 exchange, and derives the
 * keys the frame channel needs. Here in shared/ because the phone page, the tests and the bench all
 * speak as a phone; it is tested against the host's half.
 */
import { NONCE_BYTES, PROTOCOL_VERSION } from '../constants.js';
import { fromBase64Url, randomId, toBase64Url } from '../encoding.js';
import type { AuthMessage, ServerMessage } from '../messages.js';
import { deriveSessionKeys, handshakeProof, type KeyAgreement, type SessionKeys, transcriptHash } from './handshake.js';
import { nobleX25519 } from './x25519.js';

/** What a paired phone keeps to come back without a scan. */
export interface DeviceCredentials {
  deviceId: string;
  secret: string;
}

type Challenge = Extract<ServerMessage, { t: 'challenge' }>;

export interface HandshakeAnswer {
  message: AuthMessage;
  keys: SessionKeys;
  pairing: boolean;
}

export interface HandshakeInputs {
  /** The token from a QR code just opened, if any: it wins over saved credentials. */
  pairingToken: string | undefined;
  saved: DeviceCredentials | undefined;
  deviceName: string;
  newDeviceId: () => string;
}

/** Undefined when the phone has nothing to prove (never paired, no code). Throws for an unusable host key. */
export function answerChallenge(
  challenge: Challenge,
  inputs: HandshakeInputs,
  keyAgreement: KeyAgreement = nobleX25519,
): HandshakeAnswer | undefined {
  const pairing = inputs.pairingToken !== undefined;
  const credential = inputs.pairingToken ?? inputs.saved?.secret;
  if (credential === undefined) return undefined;
  const deviceId = inputs.saved?.deviceId ?? inputs.newDeviceId();
  const own = keyAgreement.generate();
  const hostKey = fromBase64Url(challenge.key);
  if (hostKey?.length !== 32) throw new Error('the host key is not 32 bytes of base64url');
  const exchange = keyAgreement.agree(own.secretKey, hostKey);
  const clientNonce = randomId(NONCE_BYTES);
  const clientKey = toBase64Url(own.publicKey);
  const deviceName = pairing ? inputs.deviceName : '';
  const hash = transcriptHash({
    kind: pairing ? 'pair' : 'resume',
    serverNonce: challenge.nonce,
    serverKey: challenge.key,
    clientNonce,
    clientKey,
    deviceId,
    deviceName,
  });
  const proof = handshakeProof(credential, hash);
  const keys = deriveSessionKeys(exchange, credential, hash);
  const message: AuthMessage = pairing
    ? { t: 'pair', protocol: PROTOCOL_VERSION, deviceId, deviceName, clientNonce, key: clientKey, proof }
    : { t: 'resume', protocol: PROTOCOL_VERSION, deviceId, clientNonce, key: clientKey, proof };
  return { message, keys, pairing };
}
