/**
 * How late a command may reach the host and still be acted on. A phone on a stalled link (a frozen
 * laptop, Wi-Fi that stops without closing the socket) keeps sending; when the link comes back, what it
 * sent arrives all at once. Acting on it then surprises everyone: three Nexts tapped during a stall
 * would jump three slides after the phone said the computer was not answering. So every message carries
 * the phone's clock when it was sent, the host measures how late it is, and refuses what is too old.
 *
 * The limits are per kind of command: a Next half a second late is still what the speaker wanted; three
 * seconds late it is not. Letting go (a button or key up, 'release') is never refused: late or not, the
 * host must not keep something held. Requests for data and saved settings are never late either.
 */
import * as v from 'valibot';
import type { ClientMessage } from './messages.js';

/**
 * The phone's clock when it sent a message: milliseconds since its connection opened. The host learns
 * the offset from the messages that arrived fastest (pings, several a second), so the clocks need not
 * agree. In a binary delta or laser frame only its low 16 bits travel.
 */
export const SentAt = v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 32 - 1)));

/**
 * Motion: pointer moves, scrolling, pinch and the laser. Sent many times a second as short binary frames
 * (which carry only the low 16 bits of `at`) and never answered, so too late it is dropped, not refused.
 */
export const MOTION_TYPES: ReadonlySet<ClientMessage['t']> = new Set(['move', 'scroll', 'zoom', 'laser']);

/** Pointer motion, scrolling, pinch and the laser: dropped (not answered) past this; the next motion carries on. */
export const MOTION_LATE_MS = 1000;
/** A slide change, a key, a click: a speaker's tap half a second late is fine, three seconds late is not. */
export const TAP_LATE_MS = 1500;
/** Text, media and volume buttons, the talk timer: still wanted a little later, never long after. */
export const SLOW_LATE_MS = 3000;

/** The lateness past which a message is not acted on; undefined where any lateness is fine. */
export function lateLimitMs(message: ClientMessage): number | undefined {
  switch (message.t) {
    case 'move':
    case 'scroll':
    case 'zoom':
      return MOTION_LATE_MS;
    case 'laser':
      // Turning the dot off is letting go: never refused.
      return message.mode === 'off' ? undefined : MOTION_LATE_MS;
    case 'slide':
    case 'key':
    case 'click':
      return TAP_LATE_MS;
    case 'button':
    case 'hold':
      return message.down ? TAP_LATE_MS : undefined;
    case 'text':
    case 'media':
    case 'seek':
    case 'volume':
    case 'timer':
    case 'timerPlan':
      return SLOW_LATE_MS;
    case 'release':
    case 'ping':
    case 'preview':
    case 'art':
    case 'mediaWatch':
    case 'saveTouchpad':
    case 'saveDeck':
      return undefined;
  }
}
