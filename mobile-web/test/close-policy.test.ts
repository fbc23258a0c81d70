import { CloseCode } from '@deskremote/shared';
import { describe, expect, it } from 'vitest';
import { closeAction } from '../src/connection/close-policy.js';

describe('close policy', () => {
  it('forgets the pairing or reloads only when told so inside the encrypted channel', () => {
    expect(closeAction({ code: CloseCode.unknownDevice, pairing: false, bye: 'revoked' })).toEqual({
      kind: 'forget',
      reason: 'removed',
    });
    expect(closeAction({ code: CloseCode.normal, pairing: false, bye: 'reload' })).toEqual({ kind: 'reload' });
    expect(closeAction({ code: CloseCode.replaced, pairing: false, bye: 'replaced' })).toEqual({ kind: 'replaced' });
  });

  it('treats every bare close code as something that cannot strand the phone', () => {
    for (const code of Object.values(CloseCode)) {
      const action = closeAction({ code, pairing: false });
      expect(['retry', 'unrecognized']).toContain(action.kind);
    }
    // A forged "removed" or "reload" code: the phone says it is not recognised, keeps its pairing and retries.
    expect(closeAction({ code: CloseCode.unknownDevice, pairing: false })).toEqual({
      kind: 'unrecognized',
      reason: 'not-recognized',
    });
    expect(closeAction({ code: CloseCode.reloadPage, pairing: false })).toEqual({ kind: 'retry', reason: 'lost' });
  });

  it('says why a pairing failed', () => {
    expect(closeAction({ code: CloseCode.authFailed, pairing: true })).toEqual({ kind: 'pairing-failed', reason: 'code-wrong' });
    expect(closeAction({ code: CloseCode.codeExpired, pairing: true })).toEqual({
      kind: 'pairing-failed',
      reason: 'code-expired',
    });
    expect(closeAction({ code: CloseCode.codeConflict, pairing: true })).toEqual({
      kind: 'pairing-failed',
      reason: 'code-conflict',
    });
    expect(closeAction({ code: CloseCode.denied, pairing: true })).toEqual({ kind: 'pairing-failed', reason: 'denied' });
    expect(closeAction({ code: CloseCode.approvalTimeout, pairing: true })).toEqual({
      kind: 'pairing-failed',
      reason: 'approval-timeout',
    });
    // Busy is not a refusal: try again.
    expect(closeAction({ code: CloseCode.tryLater, pairing: true })).toEqual({ kind: 'retry', reason: 'busy' });
  });

  it('knows a welcome that does not decrypt comes from another computer', () => {
    expect(closeAction({ code: CloseCode.normal, pairing: false, hostMismatch: true })).toEqual({
      kind: 'unrecognized',
      reason: 'host-mismatch',
    });
  });
});
