/**
 * Pairing as a feature: the one-time code on screen, the questions asked of the person at the computer,
 * and the checking of every connection's proof. The host wires it to sessions and the window; the state
 * lives here.
 */

import type { KeyAgreement } from '@deskremote/shared';
import { PAIRING_TOKEN_LIFETIME_MS } from '@deskremote/shared';
import type { DeviceStore } from '../devices/device-store.js';
import { type ApprovalRequest, Approvals } from './approvals.js';
import { Authenticator } from './authenticator.js';
import { PairingToken } from './pairing-token.js';

export interface PairingNotice {
  /** Two phones showed one code (both refused), or a phone's question went unanswered (it was refused). */
  code: 'code-conflict' | 'approval-timeout';
  deviceNames: string[];
  at: number;
}

export type PairingEvent =
  | { type: 'code'; expiresAt: number }
  | { type: 'approvals'; requests: ApprovalRequest[] }
  | { type: 'notice'; notice: PairingNotice };

export interface PairingOptions {
  devices: DeviceStore;
  keyAgreement: KeyAgreement;
  /** New phones wait for "Allow" on the desktop (the default). */
  requireApproval?: boolean;
  lifetimeMs?: number;
  approvalTimeoutMs?: number;
  log: (line: string) => void;
  onEvent: (event: PairingEvent) => void;
}

export class Pairing {
  readonly token: PairingToken;
  readonly approvals: Approvals;
  readonly authenticator: Authenticator;
  private required: boolean;
  /** The latest warning for the person at the computer, kept so a window opened later shows it too. */
  lastNotice: PairingNotice | undefined;

  constructor(options: PairingOptions) {
    this.required = options.requireApproval ?? true;
    this.token = new PairingToken(options.lifetimeMs ?? PAIRING_TOKEN_LIFETIME_MS);
    this.approvals = new Approvals(() => this.required, options.approvalTimeoutMs);
    this.authenticator = new Authenticator(this.token, options.devices, options.keyAgreement);
    this.token.onEvent((event) => {
      if (event.type === 'rotated') {
        options.onEvent({ type: 'code', expiresAt: event.expiresAt });
        return;
      }
      options.log(`refused phones sharing one QR code: ${event.deviceNames.join(', ')}`);
      this.lastNotice = { code: 'code-conflict', deviceNames: event.deviceNames, at: Date.now() };
      options.onEvent({ type: 'notice', notice: this.lastNotice });
    });
    this.approvals.onChange((requests) => options.onEvent({ type: 'approvals', requests }));
    this.approvals.onTimedOut((request) => {
      this.lastNotice = { code: 'approval-timeout', deviceNames: [request.deviceName], at: Date.now() };
      options.onEvent({ type: 'notice', notice: this.lastNotice });
    });
  }

  /** When the QR code on screen is replaced by itself. */
  get expiresAt(): number {
    return this.token.expiresAt;
  }

  /** Replaces the code on screen, so a photographed QR code is worth nothing. */
  renew(): void {
    this.token.rotate('renewed');
  }

  get approvalRequired(): boolean {
    return this.required;
  }

  /** Approvals off: every phone with a valid code pairs at once (for scripts, tests, a trusted room). */
  setApprovalRequired(required: boolean): void {
    this.required = required;
  }

  /** The person at the computer answers "Allow ‹phone›?"; false when the question is no longer open. */
  decide(id: string, allow: boolean): boolean {
    return this.approvals.decide(id, allow);
  }

  stop(): void {
    this.token.stop();
    this.approvals.cancelAll();
  }
}
