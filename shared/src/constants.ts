/** Bumped whenever a message changes shape; a phone page with another number is told to reload. */
export const PROTOCOL_VERSION = 1;

export const DEFAULT_PORT = 7531;
export const WS_PATH = '/ws';

/** Largest frame either side accepts; a text command is the only large message. */
export const MAX_FRAME_BYTES = 8 * 1024;
export const MAX_TEXT_CHARS = 2000;
export const MAX_DEVICE_NAME_CHARS = 48;

/** The first message must authenticate within this time or the socket closes. */
export const AUTH_TIMEOUT_MS = 5000;
/** The phone pings this often; the host answers. Silence for HEARTBEAT_TIMEOUT_MS means the link is dead. */
export const HEARTBEAT_INTERVAL_MS = 5000;
export const HEARTBEAT_TIMEOUT_MS = 12_000;

/** Random bytes in a one-time pairing token (256 bits; the design asks for at least 128). */
export const PAIRING_TOKEN_BYTES = 32;
export const NONCE_BYTES = 24;
/** Name of the URL fragment parameter that carries the pairing token. */
export const PAIRING_FRAGMENT_KEY = 'pair';

/** WebSocket close codes (4000-4999 are the application's own). */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  authFailed: 4001,
  authTimeout: 4002,
  /** The phone page speaks another protocol version: reload it from the host. */
  reloadPage: 4003,
  /** The device is not (or no longer) paired: scan the QR code again. */
  unknownDevice: 4004,
  badMessage: 4005,
  rateLimited: 4006,
  tooManyConnections: 4007,
  heartbeatTimeout: 4008,
  hostStopping: 4009,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];
