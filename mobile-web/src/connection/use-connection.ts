import { useSyncExternalStore } from 'react';
import type { Connection, ConnectionSnapshot } from './connection';

/**
 * The connection's status, the desktop's state and the last problem. useSyncExternalStore reads the
 * current snapshot at render and subscribes before anything can be missed (WebKit delivered the
 * welcome between the first render and a useEffect subscription, and the page stayed on "Connecting").
 */
export function useConnection(connection: Connection): ConnectionSnapshot {
  return useSyncExternalStore(connection.subscribe, connection.getSnapshot);
}
