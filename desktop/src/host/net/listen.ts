import type { Server } from 'node:http';

/**
 * Listens on the wanted port, or the next free one above it when it is taken (said to the user; the
 * phones' pages on the wanted port find it there and bring their pairing along).
 * Port 0 asks the OS for any free port.
 *
 * The wanted port is tried for a moment first: a DeskRemote that was just closed (an update, a restart)
 * may still hold it for a little while, and moving would be for nothing.
 */
export async function listenOnFreePort(
  server: Server,
  port: number,
  bind: string,
  tries = 20,
  { waitForWantedMs = 1500 }: { waitForWantedMs?: number } = {},
): Promise<number> {
  const patience = Date.now() + waitForWantedMs;
  for (let attempt = 0; attempt < tries; attempt++) {
    const candidate = port === 0 ? 0 : port + attempt;
    try {
      await new Promise<void>((resolve, reject) => {
        const onError = (error: Error) => {
          server.off('listening', onListening);
          reject(error);
        };
        const onListening = () => {
          server.off('error', onError);
          resolve();
        };
        server.once('error', onError);
        server.once('listening', onListening);
        server.listen(candidate, bind);
      });
      const address = server.address();
      if (address && typeof address === 'object') return address.port;
      throw new Error('the server has no address');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE' || port === 0) throw error;
      if (attempt === 0 && Date.now() < patience) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        attempt--;
      }
    }
  }
  throw new Error(`ports ${port} to ${port + tries - 1} are all in use: choose another with --port`);
}
