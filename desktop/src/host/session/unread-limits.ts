/**
 * What a phone has not read yet bounds what the host sends it. The bytes its socket still holds (not yet
 * handed to the network: the phone is slow, or stopped reading on purpose) are checked before every
 * stream adds to them: past the soft limit, preview frames wait for the phone to read, album art is
 * refused for now, and state changes are folded into one fresh snapshot for later. What still goes out
 * then (acks, pongs, errors) is small and rate-limited; a phone whose backlog passes the hard limit anyway
 * is closed (fellBehind), and its backlog is let go with it. Before, a phone that asked for frames and never
 * read got hundreds queued, and the host grew by about 14 MB a minute.
 */
import { MAX_PREVIEW_FRAME_BYTES } from '@deskremote/shared';

/** Past this, nothing more is produced for the phone until it reads: room for a few frames in flight. */
export const UNREAD_SOFT_BYTES = 256 * 1024;

/** The most one phone may leave unread: the soft limit, one largest frame and plenty of small replies. */
export const UNREAD_HARD_BYTES = UNREAD_SOFT_BYTES + MAX_PREVIEW_FRAME_BYTES + 1024 * 1024;

/** Whether a stream should hold back for this phone until it reads what it has. */
export function isBehind(phone: { readonly bufferedBytes: number }): boolean {
  return phone.bufferedBytes > UNREAD_SOFT_BYTES;
}
