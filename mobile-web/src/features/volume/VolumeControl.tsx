import type { Connection, ConnectionSnapshot } from '../../connection/connection';

/** The computer's own volume: a slider and mute, following changes made elsewhere. */
export function VolumeControl(_props: { connection: Connection; snapshot: ConnectionSnapshot }) {
  return null;
}
