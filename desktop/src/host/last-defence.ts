/**
 * The last line of defence. No request, frame or message should throw out of the host, and each layer
 * answers its own errors; should one slip through anyway, the process logs it, lets go of every key
 * and button it holds (a stuck button is worse than a lost click) and keeps serving the phones.
 *
 * Its own output must never feed it. When the program reading the host's stdout and stderr goes away (a
 * supervisor, `npm start | tee` with tee killed), each write fails with EPIPE as an 'error' event on the
 * stream; unheard, that is an uncaught exception, whose log line failed again: a core spinning and memory
 * growing by hundreds of megabytes a minute. So stdout and stderr get a listener that lets such failures go
 * (nothing more can be said there), and a failure while logging is never logged.
 */
export function guardProcess(releaseAll: () => Promise<void> | undefined, log: (line: string) => void): void {
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
  let logging = false;
  const safeLog = (line: string) => {
    if (logging) return;
    logging = true;
    try {
      log(line);
    } catch {
      // The log cannot be written: the host goes on without it.
    } finally {
      logging = false;
    }
  };
  const onError = (kind: string) => (error: unknown) => {
    safeLog(`${kind}, still serving: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    void Promise.resolve(releaseAll()).catch(() => {});
  };
  process.on('uncaughtException', onError('unexpected error'));
  process.on('unhandledRejection', onError('unhandled rejection'));
}
