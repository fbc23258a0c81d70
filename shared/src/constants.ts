/** Bumped whenever a message changes shape; a phone page with another number is told to reload. */
export const PROTOCOL_VERSION = 8;

export const DEFAULT_PORT = 7531;
export const WS_PATH = '/ws';
/**
 * An empty answer for a phone knocking while the computer is away: far cheaper than a WebSocket (a key
 * exchange and a place among strangers), so a visible page can knock twice a second.
 */
export const ALIVE_PATH = '/alive';

/** Largest message either side accepts, before encryption; a text command is the only large message. */
export const MAX_FRAME_BYTES = 8 * 1024;
/** Largest frame on the wire: a message and its 16-byte Poly1305 tag. */
export const MAX_WIRE_BYTES = MAX_FRAME_BYTES + 16;
export const MAX_TEXT_CHARS = 2000;
export const MAX_DEVICE_NAME_CHARS = 48;

/** The first message must arrive within this time or the socket closes. */
export const AUTH_TIMEOUT_MS = 5000;
/** A new phone waits this long for the person at the computer to allow it; then it is denied. */
export const APPROVAL_TIMEOUT_MS = 30_000;
/** A QR code is replaced after this long even if no phone used it. */
export const PAIRING_TOKEN_LIFETIME_MS = 5 * 60_000;
/**
 * The phone pings this often while its page is shown, and the host answers: a few small frames a second
 * let both sides know within about a second that the other stopped answering (a frozen laptop, Wi-Fi
 * that stalls without closing the socket), where TCP would take minutes to tell.
 */
export const HEARTBEAT_INTERVAL_MS = 400;
/**
 * Silence this long and the phone says the computer is not answering (it keeps the socket: a host that
 * wakes up answers, and says which taps came too late). Two and a half pings: a healthy Wi-Fi's late
 * packet does not trip it, a stall shows within 1.1 s (it is checked every HEARTBEAT_CHECK_MS).
 */
export const QUIET_AFTER_MS = 1000;
export const HEARTBEAT_CHECK_MS = 100;
/** Silence this long and the phone closes the socket and looks for the computer anew. */
export const HEARTBEAT_TIMEOUT_MS = 8000;
/**
 * Silence this long from a phone (counted while the host itself runs: a host that was frozen does not
 * blame its phones for it) and the host closes its session, letting go of every key and button it held.
 */
export const HOST_SILENCE_LIMIT_MS = 2500;

/** Random bytes in a one-time pairing token (256 bits; the design asks for at least 128). */
export const PAIRING_TOKEN_BYTES = 32;
export const NONCE_BYTES = 24;
/** Name of the URL fragment parameter that carries the pairing token. */
export const PAIRING_FRAGMENT_KEY = 'pair';

/**
 * WebSocket close codes (4000-4999 are the application's own). They are not authenticated: the phone
 * words them for the reader but acts on them only where a forged one cannot hurt (it reconnects, or
 * shows why it stopped); forgetting a pairing or reloading needs an encrypted 'bye'.
 */
export const CloseCode = {
  normal: 1000,
  /** The proof was wrong: the QR code is wrong or was used already. */
  authFailed: 4001,
  authTimeout: 4002,
  /** The phone page speaks another protocol version: reload it from the host. */
  reloadPage: 4003,
  /** The device is not (or no longer) paired: scan the QR code again. */
  unknownDevice: 4004,
  badMessage: 4005,
  rateLimited: 4006,
  heartbeatTimeout: 4008,
  hostStopping: 4009,
  /** Too many attempts are waiting: try again in a moment (nothing was evaluated). */
  tryLater: 4010,
  /** The person at the computer said no (or did not answer in time: approvalTimeout). */
  denied: 4011,
  approvalTimeout: 4012,
  /** Two phones used the same QR code at once: both refused, a new code is shown. */
  codeConflict: 4013,
  /** The QR code expired: scan the one on screen now. */
  codeExpired: 4014,
  /** A frame did not decrypt as the next one: altered, replayed, reordered or in the clear. */
  cipherFailed: 4015,
  /** A newer connection of the same phone took over. */
  replaced: 4016,
  /** The stranger budget was full and this was the oldest unauthenticated socket. */
  crowded: 4017,
  /** The phone left more unread than the host keeps for one phone (it stopped reading): it may come back. */
  fellBehind: 4018,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];
