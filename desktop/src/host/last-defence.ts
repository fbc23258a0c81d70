/**
 * The last line of defence. No request, frame or message should throw out of the host, and each layer
 * answers its own errors; should one slip through anyway, the process logs it, lets go of every key
 * and button it holds (a stuck button is worse than a lost click) and keeps serving the phones.
 */
export function guardProcess(releaseAll: () => Promise<void> | undefined, log: (line: string) => void): void {
  const onError = (kind: string) => (error: unknown) => {
    log(`${kind}, still serving: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    void Promise.resolve(releaseAll()).catch(() => {});
  };
  process.on('uncaughtException', onError('unexpected error'));
  process.on('unhandledRejection', onError('unhandled rejection'));
}
