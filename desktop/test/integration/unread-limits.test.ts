/**
 * A phone is sent no more than it reads (unread-limits.ts), against the real host with a real WebSocket
 * client whose socket stops reading: state changes are folded into one snapshot for when it reads again,
 * and a phone that keeps a reply stream going without reading (pings, whose pongs are the one stream not
 * held back) is closed once its backlog passes the per-phone limit, and the backlog let go.
 */
import type { DeviceSummary, HostMessage } from '@deskremote/shared';
import { afterEach, expect, it } from 'vitest';
import { UNREAD_HARD_BYTES, UNREAD_SOFT_BYTES } from '../../src/host/session/unread-limits.js';
import { hostsStoppedAfterEach, keepAlive, pairPhone } from '../support/test-host.js';
import { waitFor } from '../support/wait.js';

const start = hostsStoppedAfterEach(afterEach);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A list of paired phones about 5 kB long as a state change (frames are at most 8 kB), different each time by `n`. */
const manyDevices = (n: number): DeviceSummary[] =>
  Array.from({ length: 30 }, (_, i) => ({
    id: `device-${String(i).padStart(12, '0')}`,
    name: `Phone number ${i} of a long list`.padEnd(60, '.'),
    connected: false,
    pairedAt: n,
    lastSeenAt: n,
  }));

const lastDevices = (messages: HostMessage[]): DeviceSummary[] | undefined => {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m?.t === 'snapshot') return m.state.devices;
    if (m?.t === 'changes' && m.changes.devices) return m.changes.devices;
  }
  return undefined;
};

it('state changes to a phone that does not read are folded: a bounded backlog, and the newest state once it reads', async () => {
  const { host } = await start();
  const phone = await pairPhone(host, 'Stops reading');
  const stopPings = keepAlive(phone.client, 1000);
  phone.client.socket.pause();
  // Changes until the host itself holds more than the soft limit for it (the kernel took the first
  // megabytes), then 2,000 more: before, every one was queued (about 10 MB).
  let n = 0;
  let most = 0;
  const deadline = performance.now() + 20_000;
  while (host.mostUnreadBytes <= UNREAD_SOFT_BYTES && performance.now() < deadline) {
    host.state.update({ devices: manyDevices(++n) });
    if (n % 50 === 0) await sleep(1);
  }
  expect(host.mostUnreadBytes).toBeGreaterThan(UNREAD_SOFT_BYTES);
  for (let i = 0; i < 2000; i++) {
    host.state.update({ devices: manyDevices(++n) });
    most = Math.max(most, host.mostUnreadBytes);
    if (i % 50 === 0) await sleep(1);
  }
  expect(most).toBeLessThanOrEqual(UNREAD_SOFT_BYTES + 64 * 1024);
  // It reads again: what was queued arrives, then one snapshot with the state as it is now.
  phone.client.socket.resume();
  await waitFor(() => lastDevices(phone.client.messages)?.[0]?.pairedAt === n, 10_000);
  expect(phone.client.messages.filter((m) => m.t === 'snapshot').length).toBe(2);
  stopPings();
});

it('a phone that keeps pinging and never reads is closed once its backlog passes the per-phone limit, and it is let go', async () => {
  const lines: string[] = [];
  const { host } = await start({ log: (line) => lines.push(line) });
  const phone = await pairPhone(host, 'Pings, never reads');
  const other = await pairPhone(host, 'Reads');
  // The phone that reads pings as the page does: the flood takes longer than the host's silence limit.
  const stopPinging = keepAlive(other.client);
  phone.client.socket.pause();
  let most = 0;
  // Bounded: at most 1,500,000 pings or 60 s, in bursts of 2,000. The pongs are small and the kernel's socket
  // buffers take the first megabytes: this takes 5 s on a quiet machine, three times that on a busy one.
  const deadline = performance.now() + 60_000;
  for (let id = 0; id < 1_500_000 && performance.now() < deadline; id++) {
    phone.client.send({ t: 'ping', id });
    if (id % 2000 === 0) {
      await sleep(1);
      most = Math.max(most, host.mostUnreadBytes);
      if (lines.some((l) => l.includes('did not read'))) break;
    }
  }
  await waitFor(() => lines.some((l) => l.includes('closed Pings, never reads:') && l.includes('did not read')), 5000);
  expect(most).toBeLessThanOrEqual(UNREAD_HARD_BYTES + 64 * 1024);
  // Let go: within the second the closing handshake is given, nothing is held for it any more.
  await waitFor(() => host.mostUnreadBytes < 64 * 1024, 3000);
  expect(host.pairedDevices.find((d) => d.name === 'Pings, never reads')?.connected).toBe(false);
  // The phone that reads was never held back.
  other.client.send({ t: 'key', id: 1, key: 'Enter' });
  await other.client.next('ack', 2000);
  stopPinging();
  phone.client.socket.terminate();
}, 90_000);
