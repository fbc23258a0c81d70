import { randomBytes } from 'node:crypto';
import { PAIRING_TOKEN_BYTES } from '@deskremote/shared';

/** The one-time token the QR code carries. It is replaced as soon as a phone pairs with it. */
export class PairingToken {
  private token = PairingToken.fresh();
  private readonly listeners = new Set<(token: string) => void>();

  static fresh(): string {
    return randomBytes(PAIRING_TOKEN_BYTES).toString('base64url');
  }

  get current(): string {
    return this.token;
  }

  rotate(): string {
    this.token = PairingToken.fresh();
    for (const listener of this.listeners) listener(this.token);
    return this.token;
  }

  onRotate(listener: (token: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
