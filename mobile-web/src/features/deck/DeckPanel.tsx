import type { Connection, ConnectionSnapshot } from '../../connection/connection';

/** Buttons of the phone's own: chords and short sequences of keys and text, kept by the computer. */
export default function DeckPanel(_props: { connection: Connection; snapshot: ConnectionSnapshot }) {
  return null;
}
