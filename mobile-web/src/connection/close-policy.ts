/**
 * What the phone does when a connection ends. Close codes are not authenticated (anyone on the Wi-Fi
 * can forge one), so a bare code only changes what the phone says and how soon it tries again; the
 * phone forgets its pairing or reloads only for a 'bye' that arrived inside the encrypted channel.
 */
import { type ByeReason, CloseCode } from '@deskremote/shared';

/** Why the phone cannot control the computer until something changes; worded by the page. */
export type StopReason =
  | 'no-pairing'
  | 'code-wrong'
  | 'code-expired'
  | 'code-conflict'
  | 'denied'
  | 'approval-timeout'
  | 'removed'
  | 'not-recognized'
  | 'host-mismatch';

/** Why the phone is about to try again; worded by the page. */
export type RetryReason = 'lost' | 'host-stopping' | 'busy' | 'no-answer';

export interface LinkEnd {
  code: number;
  /** The encrypted reason the host gave before closing, if it gave one. */
  bye?: ByeReason;
  /** This connection tried to pair with a QR token. */
  pairing: boolean;
  /** The first encrypted frame did not decrypt: not the computer this phone paired with. */
  hostMismatch?: boolean;
}

export type CloseAction =
  | { kind: 'retry'; reason: RetryReason }
  /** Stop pairing with the token; if the phone was paired before, it reconnects as that phone. */
  | { kind: 'pairing-failed'; reason: StopReason }
  /** Show why and keep the saved pairing; try again slowly (a forged code must not strand the phone). */
  | { kind: 'unrecognized'; reason: StopReason }
  | { kind: 'forget'; reason: 'removed' }
  | { kind: 'reload' }
  | { kind: 'replaced' };

const PAIRING_REFUSALS: Partial<Record<number, StopReason>> = {
  [CloseCode.authFailed]: 'code-wrong',
  [CloseCode.codeExpired]: 'code-expired',
  [CloseCode.codeConflict]: 'code-conflict',
  [CloseCode.denied]: 'denied',
  [CloseCode.approvalTimeout]: 'approval-timeout',
};

export function closeAction(end: LinkEnd): CloseAction {
  switch (end.bye) {
    case 'revoked':
      return { kind: 'forget', reason: 'removed' };
    case 'reload':
      return { kind: 'reload' };
    case 'replaced':
      return { kind: 'replaced' };
    case 'host-stopping':
      return { kind: 'retry', reason: 'host-stopping' };
    case undefined:
      break;
  }
  if (end.hostMismatch) return { kind: 'unrecognized', reason: 'host-mismatch' };
  if (end.pairing) {
    const refusal = PAIRING_REFUSALS[end.code];
    if (refusal) return { kind: 'pairing-failed', reason: refusal };
  } else if (end.code === CloseCode.unknownDevice || end.code === CloseCode.authFailed) {
    return { kind: 'unrecognized', reason: 'not-recognized' };
  }
  if (end.code === CloseCode.tryLater || end.code === CloseCode.crowded) return { kind: 'retry', reason: 'busy' };
  if (end.code === CloseCode.heartbeatTimeout) return { kind: 'retry', reason: 'no-answer' };
  return { kind: 'retry', reason: 'lost' };
}
