/**
 * Tells the phone that a text is still being typed, so a long one (or one waiting for a busy application)
 * shows progress on the phone instead of "the computer did not answer", and the commands queued behind it
 * keep waiting (the phone renews every deadline on a progress message):
 * the newest count at most every REPORT_MS as the driver counts, and at least every KEEPALIVE_MS while
 * nothing changes. A command that ends within KEEPALIVE_MS sends nothing.
 */
import type { ProgressMessage } from '@deskremote/shared';
import type { TextProgress } from '../input/input-driver.js';

const REPORT_MS = 250;
const KEEPALIVE_MS = 1000;

export interface CommandProgress {
  /** For the driver: characters done of total. */
  progress: TextProgress;
  /** The command has ended (its ack or error is being sent). */
  stop(): void;
}

export function commandProgress(id: number, send: (message: ProgressMessage) => void, now = () => Date.now()): CommandProgress {
  let done = 0;
  let total = 0;
  const started = now();
  let lastSent = Number.NEGATIVE_INFINITY;
  const report = () => {
    lastSent = now();
    send({ t: 'progress', id, done, total });
  };
  const keepalive = setInterval(report, KEEPALIVE_MS);
  return {
    progress(typed, of) {
      done = typed;
      total = of;
      const at = now();
      if (at - started >= KEEPALIVE_MS && at - lastSent >= REPORT_MS) report();
    },
    stop() {
      clearInterval(keepalive);
    },
  };
}
