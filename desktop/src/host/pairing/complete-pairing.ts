/**
 * The end of a new phone's pairing, after its proof checked out: the token is held while the person
 * at the computer decides, the device is stored, and only then is the token spent, so that a code is
 * used up exactly when a welcome is about to go out.
 */
import { CloseCode } from '@deskremote/shared';
import type { DeviceStore } from '../devices/device-store.js';
import type { Approvals } from './approvals.js';
import type { AuthOutcome } from './authenticator.js';
import { describeUserAgent } from './device-description.js';
import type { PairingToken } from './pairing-token.js';

export interface PairingDeps {
  token: PairingToken;
  approvals: Approvals;
  devices: DeviceStore;
  log: (line: string) => void;
}

export interface PairingAttempt {
  outcome: Extract<AuthOutcome, { ok: true; kind: 'pair' }>;
  peer: { address: string; userAgent: string | undefined };
  /** Aborted when the socket closes: the question on the desktop disappears. */
  signal: AbortSignal;
  /** False once the session is closed or moved on; checked after every wait. */
  stillWaiting: () => boolean;
  /** Another connection proved the same token (whatever device it claims): this one is refused too. */
  onConflict: () => void;
  /** The person at the computer is being asked (approvals are on): the phone may show its code. */
  onAsking?: () => void;
}

export type PairingResult = { ok: true } | { ok: false; close: number | undefined };

export async function completePairing(deps: PairingDeps, attempt: PairingAttempt): Promise<PairingResult> {
  // Held until the welcome or the refusal, not only while the question is open: a copy that proves the
  // code while this phone is being stored is a conflict too (approvals off, the storing is the whole wait).
  const claim = deps.token.claim(attempt.outcome.token, {
    deviceName: attempt.outcome.deviceName,
    onConflict: attempt.onConflict,
  });
  if (!claim.ok) return { ok: false, close: CloseCode.codeConflict };
  try {
    return await decideAndStore(deps, attempt);
  } finally {
    claim.release();
  }
}

async function decideAndStore(deps: PairingDeps, attempt: PairingAttempt): Promise<PairingResult> {
  const { outcome, peer } = attempt;
  const decision = await deps.approvals.request(
    {
      deviceName: outcome.deviceName,
      device: describeUserAgent(peer.userAgent),
      address: peer.address,
      code: outcome.keys.confirmCode,
    },
    attempt.signal,
    attempt.onAsking,
  );
  if (!attempt.stillWaiting()) return { ok: false, close: undefined };
  if (decision !== 'allow') {
    deps.log(`pairing ${decision === 'deny' ? 'denied' : 'not answered'}: ${outcome.deviceName} from ${peer.address}`);
    return { ok: false, close: decision === 'deny' ? CloseCode.denied : CloseCode.approvalTimeout };
  }
  // Stored before the welcome, so a crash cannot leave a phone that thinks it is paired with a host
  // that forgot it; undone if the phone left meanwhile, so the token is spent only with a welcome.
  const at = Date.now();
  const device = {
    id: outcome.deviceId,
    name: outcome.deviceName,
    secret: outcome.keys.deviceSecret,
    pairedAt: at,
    lastSeenAt: at,
    address: peer.address,
    seenAs: describeUserAgent(peer.userAgent),
  };
  const previous = deps.devices.get(device.id);
  try {
    // Paired again: the name the person gave it stays.
    await deps.devices.add(previous?.label === undefined ? device : { ...device, label: previous.label });
  } catch (error) {
    deps.log(`could not save the paired phone: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false, close: CloseCode.authFailed };
  }
  if (!attempt.stillWaiting() || !deps.token.spend(outcome.token)) {
    await (previous ? deps.devices.add(previous) : deps.devices.remove(device.id)).catch(() => {});
    return { ok: false, close: CloseCode.authFailed };
  }
  return { ok: true };
}
