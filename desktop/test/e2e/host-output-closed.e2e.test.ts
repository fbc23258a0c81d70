/**
 * The host stays healthy whatever happens to its output: the program reading its stdout and stderr goes
 * away (a supervisor, `npm start | tee` with tee killed), and every line the host writes after that fails
 * with EPIPE. Before, the last line of defence logged that failure to the closed pipe, which failed again:
 * a core spinning and memory growing by hundreds of megabytes. Checked on the real host process: its CPU
 * and memory over ten seconds of phones connecting and typing, and a phone pairing and typing afterwards.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DesktopRig, startDesktopRig } from './support/desktop-rig.js';
import { TextPhone } from './support/text-phone.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let rig: DesktopRig;

beforeAll(async () => {
  rig = await startDesktopRig('output-closed');
});

afterAll(async () => {
  await rig?.stop();
});

/** CPU time (user + system, in clock ticks) and resident memory (kB) of a process, from /proc. */
function usage(pid: number): { ticks: number; rssKb: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return { ticks: Number(fields[11]) + Number(fields[12]), rssKb: Number(rss) };
}

it('with its stdout and stderr closed, the host neither spins nor grows, and a phone still pairs and types', async () => {
  const { host } = rig;
  host.closeOutput();
  // Pairing spends the code printed before (valid for minutes): the host prints a new one into the closed
  // pipe, and says the phone connected and, when it goes, that it left.
  const phone = await TextPhone.pair(host);
  await rig.desktop.clearTyped();
  await phone.type('paired with its output closed');
  await expect.poll(() => rig.desktop.typedText(), { timeout: 10_000 }).toBe('paired with its output closed');
  phone.close();
  await sleep(500);
  const before = usage(host.pid);
  await sleep(10_000);
  const after = usage(host.pid);
  // Clock ticks are hundredths of a second: the share of one core over the ten seconds.
  expect((after.ticks - before.ticks) / 100 / 10).toBeLessThan(0.1);
  expect(after.rssKb - before.rssKb).toBeLessThan(30_000);
  expect(host.exited).toBe(false);
  // The same phone comes back (no new code can be read now) and types.
  await rig.desktop.clearTyped();
  const again = await TextPhone.resume(phone);
  await again.type('still here');
  await expect.poll(() => rig.desktop.typedText(), { timeout: 10_000 }).toBe('still here');
  again.close();
}, 60_000);
