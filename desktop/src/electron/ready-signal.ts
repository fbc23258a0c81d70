import { closeSync, writeSync } from 'node:fs';

/**
 * Tells `npm start` (scripts/start.mjs) that the app is up, on the file descriptor it names: until then an
 * exit means the app could not start and the headless host takes over. Started any other way, nothing.
 */
export function signalReady(env: NodeJS.ProcessEnv = process.env): void {
  const fd = Number(env.DESKREMOTE_READY_FD);
  if (!Number.isInteger(fd) || fd < 3) return;
  try {
    writeSync(fd, 'ready\n');
    closeSync(fd);
  } catch {
    // start.mjs is gone or gave no such descriptor: nobody to tell.
  }
}
