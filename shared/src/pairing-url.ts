import { PAIRING_FRAGMENT_KEY } from './constants.js';

/** The URL the QR code encodes: the token rides in the fragment, which browsers never send to a server. */
export function pairingUrl(origin: string, token: string): string {
  return `${origin}/#${PAIRING_FRAGMENT_KEY}=${token}`;
}

/** Reads the pairing token from a location hash such as '#pair=abc'. */
export function tokenFromHash(hash: string): string | undefined {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  return params.get(PAIRING_FRAGMENT_KEY) ?? undefined;
}
