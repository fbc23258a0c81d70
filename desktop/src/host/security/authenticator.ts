/**
 * Checks a connection's first message: a pairing proof made with the current one-time token, or a
 * reconnect proof made with a paired device's secret. Where the pairing token is checked.
 */
import {
  type AuthMessage,
  constantTimeEqual,
  deriveDeviceSecret,
  hostProof,
  type ProofContext,
  pairProof,
  resumeProof,
} from '@deskremote/shared';
import type { DeviceStore } from '../devices/device-store.js';
import type { PairingToken } from './pairing-token.js';

export type AuthOutcome =
  | { ok: true; deviceId: string; deviceName: string; paired: boolean; hostProof: string }
  | { ok: false; unknownDevice: boolean; reason: string };

export class Authenticator {
  constructor(
    private readonly token: PairingToken,
    private readonly devices: DeviceStore,
    private readonly now: () => number = Date.now,
  ) {}

  async verify(message: AuthMessage, serverNonce: string): Promise<AuthOutcome> {
    const context: ProofContext = { serverNonce, clientNonce: message.clientNonce, deviceId: message.deviceId };
    if (message.t === 'pair') {
      const token = this.token.current;
      if (!constantTimeEqual(message.proof, pairProof(token, context))) {
        return {
          ok: false,
          unknownDevice: false,
          reason: 'pairing failed: this QR code is wrong or was already used; scan the one on the desktop now',
        };
      }
      // One-time: whoever pairs next needs the new code on screen.
      this.token.rotate();
      const secret = deriveDeviceSecret(token, context);
      const at = this.now();
      const deviceName = message.deviceName.replace(/[\p{Cc}\p{Cf}]/gu, '').trim() || 'Phone';
      await this.devices.add({ id: message.deviceId, name: deviceName, secret, pairedAt: at, lastSeenAt: at });
      return { ok: true, deviceId: message.deviceId, deviceName, paired: true, hostProof: hostProof(secret, context) };
    }
    const device = this.devices.get(message.deviceId);
    if (!device) {
      return {
        ok: false,
        unknownDevice: true,
        reason: 'this phone is not paired with this computer (or was removed): scan the QR code',
      };
    }
    if (!constantTimeEqual(message.proof, resumeProof(device.secret, context))) {
      return { ok: false, unknownDevice: true, reason: 'this phone could not prove it is paired: scan the QR code again' };
    }
    return {
      ok: true,
      deviceId: device.id,
      deviceName: device.name,
      paired: false,
      hostProof: hostProof(device.secret, context),
    };
  }
}
