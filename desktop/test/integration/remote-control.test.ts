/**
 * What the person at the computer decides for every phone: the pause switch (nothing injected while paused,
 * moves, keys, the laser, media and volume alike; held input let go), the mark while a phone controls the
 * computer, a phone's name, and the address the QR code carries. Real host on 127.0.0.1, a real client.
 */
import type { HostMessage } from '@deskremote/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { hostsStoppedAfterEach, pairPhone } from '../support/test-host.js';
import { waitFor } from '../support/wait.js';

const start = hostsStoppedAfterEach(afterEach);
const reply = (messages: HostMessage[], id: number) => messages.find((m) => 'id' in m && m.id === id);

describe('the pause switch', () => {
  it('refuses every command with the code, injects nothing, and lets go of what was held', async () => {
    const { host, driver } = await start();
    const { client } = await pairPhone(host);
    client.send({ t: 'button', id: 1, button: 'left', down: true });
    await waitFor(() => reply(client.messages, 1)?.t === 'ack');
    driver.calls.length = 0;
    await host.setPaused(true);
    // The button held before the pause is released at once.
    expect(driver.calls).toEqual([['setButton', 'left', false]]);
    driver.calls.length = 0;
    await waitFor(() => client.messages.some((m) => m.t === 'changes' && m.changes.input?.code === 'paused'));
    client.send({ t: 'move', dx: 40, dy: 10 });
    client.send({ t: 'scroll', dx: 0, dy: 3 });
    client.send({ t: 'key', id: 2, key: 'Enter' });
    client.send({ t: 'text', id: 3, text: 'hello' });
    client.send({ t: 'slide', id: 4, action: 'next' });
    client.send({ t: 'media', id: 5, action: 'playPause' });
    client.send({ t: 'volume', id: 6, level: 10 });
    await waitFor(() => [2, 3, 4, 5, 6].every((id) => reply(client.messages, id) !== undefined));
    for (const id of [2, 3, 4, 5, 6]) {
      expect(reply(client.messages, id)).toEqual({ t: 'error', id, code: 'input-unavailable', params: { issue: 'paused' } });
    }
    // The timer stays the speaker's own: it acts on nothing on the computer.
    client.send({ t: 'timer', id: 7, op: 'start' });
    await waitFor(() => reply(client.messages, 7) !== undefined);
    expect(reply(client.messages, 7)).toEqual({ t: 'ack', id: 7 });
    client.send({ t: 'ping', id: 8 });
    await client.next('pong');
    expect(driver.calls).toEqual([]);
    expect(client.socket.readyState).toBe(client.socket.OPEN);
  });

  it('resuming lets commands through again, and the phones see the input as it really is', async () => {
    const { host, driver } = await start();
    const { client } = await pairPhone(host);
    await host.setPaused(true);
    expect(host.state.state.input).toEqual({ status: 'unavailable', code: 'paused' });
    await host.setPaused(false);
    expect(host.state.state.input).toEqual({ status: 'ready', code: 'ok' });
    client.send({ t: 'key', id: 1, key: 'Enter' });
    await waitFor(() => reply(client.messages, 1) !== undefined);
    expect(reply(client.messages, 1)).toEqual({ t: 'ack', id: 1 });
    expect(driver.calls).toContainEqual(['tapKey', 'Enter', []]);
  });
});

describe('the mark while a phone controls the computer', () => {
  it('comes on with injected input and goes once it stops', async () => {
    const { host } = await start();
    const { client } = await pairPhone(host);
    const seen: boolean[] = [];
    host.onEvent((event) => {
      if (event.type === 'controlling') seen.push(event.active);
    });
    expect(host.controlling).toBe(false);
    client.send({ t: 'key', id: 1, key: 'Enter' });
    await waitFor(() => host.controlling);
    client.send({ t: 'key', id: 2, key: 'Enter' });
    await waitFor(() => reply(client.messages, 2) !== undefined);
    // Told once per burst, not per command.
    expect(seen).toEqual([true]);
    await waitFor(() => !host.controlling, 6000);
    expect(seen).toEqual([true, false]);
  });
});

describe('a phone’s name', () => {
  it('given at the computer, reaches every phone; an empty name goes back to its own', async () => {
    const { host } = await start();
    const { client, deviceId } = await pairPhone(host, 'Pixel 7');
    expect(await host.renameDevice(deviceId, '  Lectern \u202ephone  ')).toBe(true);
    expect(host.pairedDevices.find((d) => d.id === deviceId)?.name).toBe('Lectern phone');
    await waitFor(() =>
      client.messages.some((m) => m.t === 'changes' && m.changes.devices?.some((d) => d.name === 'Lectern phone')),
    );
    expect(host.pairedDeviceDetails().find((d) => d.id === deviceId)).toMatchObject({
      name: 'Pixel 7',
      label: 'Lectern phone',
      address: '127.0.0.1',
    });
    expect(await host.renameDevice(deviceId, 'x'.repeat(49))).toBe(false);
    expect(await host.renameDevice('no-such-phone', 'Other')).toBe(false);
    expect(await host.renameDevice(deviceId, '')).toBe(true);
    expect(host.pairedDevices.find((d) => d.id === deviceId)?.name).toBe('Pixel 7');
  });
});

describe('the address in the QR code', () => {
  it('is the chosen one while this computer has it, else the likeliest', async () => {
    const { host } = await start();
    expect(new URL(host.pairingUrl()).hostname).toBe('127.0.0.1');
    const urls: string[] = [];
    host.onEvent((event) => {
      if (event.type === 'pairing-url') urls.push(event.url);
    });
    host.setPreferredAddress('10.99.0.1');
    // Not an address of this host (it serves loopback only): the code keeps a reachable one.
    expect(new URL(host.pairingUrl()).hostname).toBe('127.0.0.1');
    host.setPreferredAddress('127.0.0.1');
    expect(new URL(host.pairingUrl()).hostname).toBe('127.0.0.1');
    expect(host.chosenAddress).toBe('127.0.0.1');
    host.setPreferredAddress('auto');
    expect(host.chosenAddress).toBeUndefined();
    expect(urls).toHaveLength(3);
  });
});

describe('the hint when no phone gets through', () => {
  it('is due a set time after the code is shown, and gone once anything reaches the host', async () => {
    const { host } = await start({ reachHintAfterMs: 0 });
    expect(host.reachHintAt).toBeLessThanOrEqual(Date.now());
    const reached = new Promise<void>((resolve) =>
      host.onEvent((event) => {
        if (event.type === 'reached') resolve();
      }),
    );
    await fetch(`http://127.0.0.1:${host.port}/`);
    await reached;
    expect(host.reachHintAt).toBeUndefined();
  });
});
