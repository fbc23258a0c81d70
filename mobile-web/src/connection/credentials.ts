import { type DeviceCredentials, randomId, tokenFromHash } from '@deskremote/shared';

const KEY = 'deskremote.device.v1';

export type { DeviceCredentials };

/** What this phone keeps to reconnect without a new scan (per origin, so per computer address). */
export const credentialStore = {
  load(): DeviceCredentials | undefined {
    try {
      const parsed = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<DeviceCredentials> | null;
      if (typeof parsed?.deviceId === 'string' && typeof parsed.secret === 'string') {
        return { deviceId: parsed.deviceId, secret: parsed.secret };
      }
    } catch {
      // Unreadable storage is the same as none: the phone pairs again.
    }
    return undefined;
  },
  save(credentials: DeviceCredentials): void {
    try {
      localStorage.setItem(KEY, JSON.stringify(credentials));
    } catch {
      // Private mode without storage: the session still works, it just needs a scan next time.
    }
  },
  clear(): void {
    try {
      localStorage.removeItem(KEY);
    } catch {
      // Nothing to clear.
    }
  },
};

export function newDeviceId(): string {
  return randomId(18);
}

/** Takes the pairing token out of the address bar, so it is neither bookmarked nor shown. */
export function takePairingToken(): string | undefined {
  const token = tokenFromHash(location.hash);
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  return token;
}
