import type { Server } from 'node:http';

/**
 * Listens on the wanted port, or the next free one above it when it is taken (said to the user).
 * Port 0 asks the OS for any free port.
 */
export async function listenOnFreePort(server: Server, port: number, bind: string, tries = 20): Promise<number> {
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
    }
  }
  throw new Error(`ports ${port} to ${port + tries - 1} are all in use: choose another with --port`);
}
