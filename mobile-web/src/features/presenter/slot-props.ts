import type { Connection, ConnectionSnapshot } from '../../connection/connection';

/** What every part of the presenter panel gets: the connection to send through and what it last heard. */
export interface PresenterSlotProps {
  connection: Connection;
  snapshot: ConnectionSnapshot;
}
