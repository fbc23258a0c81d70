/** Keys held from a phone through the real host: released when held too long, and whenever the session ends. */
import { CloseCode, type HostMessage } from '@deskremote/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type { DriverCall } from '../support/memory-driver.js';
import { hostsStoppedAfterEach, pairPhone } from '../support/test-host.js';
import { waitFor } from '../support/wait.js';

const start = hostsStoppedAfterEach(afterEach);

/** The host's answer to one command (the client's `next` finds only the first of a type). */
const answered = async (client: { messages: HostMessage[] }, id: number) => {
  await waitFor(() => client.messages.some((m) => (m.t === 'ack' || m.t === 'error') && m.id === id));
  return client.messages.find((m) => (m.t === 'ack' || m.t === 'error') && m.id === id);
};
const released = (calls: DriverCall[], key: string) => calls.some((c) => c[0] === 'setKey' && c[1] === key && c[2] === false);

describe('held keys', () => {
  it('lets go of a key held past the limit and tells the phone which, with no command id', async () => {
    const { host, driver } = await start({ heldKeyLimitMs: 200 });
    const phone = await pairPhone(host);
    phone.client.send({ t: 'hold', id: 1, key: 'shift', down: true });
    await phone.client.next('ack');
    const startedAt = Date.now();
    const told = await phone.client.next('error', 3000);
    expect(told).toEqual({ t: 'error', code: 'held-too-long', params: { key: 'shift' } });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(150);
    expect(driver.calls).toEqual([
      ['setKey', 'shift', true],
      ['setKey', 'shift', false],
    ]);
    // The session carries on: a key pressed afterwards works.
    phone.client.send({ t: 'key', id: 2, key: 'F5' });
    expect(await answered(phone.client, 2)).toEqual({ t: 'ack', id: 2 });
    expect(driver.calls.at(-1)).toEqual(['tapKey', 'F5', []]);
  });

  it('a key held within the limit by repeated presses is pressed at the OS once', async () => {
    const { host, driver } = await start({ heldKeyLimitMs: 600 });
    const phone = await pairPhone(host);
    for (let id = 1; id <= 4; id++) {
      phone.client.send({ t: 'hold', id, key: 'alt', down: true });
      await answered(phone.client, id);
      // 4 × 250 ms: well past one limit, each press renewing it.
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(driver.calls).toEqual([['setKey', 'alt', true]]);
    expect(phone.client.messages.some((m) => m.t === 'error')).toBe(false);
    phone.client.send({ t: 'hold', id: 5, key: 'alt', down: false });
    expect(await answered(phone.client, 5)).toEqual({ t: 'ack', id: 5 });
    expect(driver.calls.at(-1)).toEqual(['setKey', 'alt', false]);
  });

  it('releases held keys when the socket is destroyed, when the phone falls silent, and when it is revoked', async () => {
    const { host, driver } = await start({ heartbeatTimeoutMs: 300 });
    const destroyed = await pairPhone(host, 'Destroyed');
    destroyed.client.send({ t: 'hold', id: 1, key: 'shift', down: true });
    await destroyed.client.next('ack');
    destroyed.client.socket.terminate();
    await waitFor(() => released(driver.calls, 'shift'));

    const silent = await pairPhone(host, 'Silent');
    silent.client.send({ t: 'hold', id: 1, key: 'ctrl', down: true });
    await silent.client.next('ack');
    expect((await silent.client.closed).code).toBe(CloseCode.heartbeatTimeout);
    await waitFor(() => released(driver.calls, 'ctrl'));

    const revoked = await pairPhone(host, 'Revoked');
    revoked.client.send({ t: 'hold', id: 1, key: 'alt', down: true });
    await revoked.client.next('ack');
    await host.revokeDevice(revoked.deviceId);
    await waitFor(() => released(driver.calls, 'alt'));
  });
});
