import type { HostState } from '@deskremote/shared';
import { useEffect, useState } from 'react';
import type { Connection, LinkStatus } from './connection';

/** The connection's status, the desktop's state and the last problem, as React state. */
export function useConnection(connection: Connection): {
  status: LinkStatus;
  state: HostState | undefined;
  problem: { message: string; at: number } | undefined;
} {
  const [status, setStatus] = useState(connection.status);
  const [state, setState] = useState(connection.state);
  const [problem, setProblem] = useState<{ message: string; at: number }>();
  useEffect(
    () =>
      connection.subscribe({
        status: setStatus,
        state: setState,
        problem: (message) => setProblem({ message, at: Date.now() }),
      }),
    [connection],
  );
  return { status, state, problem };
}
