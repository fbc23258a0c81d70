/** The laser over the real wire: the host with an overlay passes points on unanswered; without one it says so. */
import type { LaserCommand } from '@deskremote/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { hostsStoppedAfterEach, pairPhone } from '../support/test-host.js';
import { waitFor } from '../support/wait.js';

const start = hostsStoppedAfterEach(afterEach);
const laser = (mode: LaserCommand['mode'], x: number, y: number): LaserCommand => ({ t: 'laser', mode, x, y });

describe('the laser pointer through the host', () => {
  it('with an overlay: ready in the snapshot, points reach it once each, never answered, lifted when the phone goes', async () => {
    const shown: LaserCommand[] = [];
    const { host } = await start({ laserOverlay: { show: (point) => shown.push(point) } });
    const phone = await pairPhone(host);
    const snapshot = phone.client.messages.find((m) => m.t === 'snapshot');
    expect(snapshot?.t === 'snapshot' && snapshot.state.presenterTools.laser).toBe('ready');
    phone.client.send(laser('dot', 1000, 2000));
    phone.client.send(laser('dot', 1000, 2000));
    phone.client.send(laser('spotlight', 3000, 4000));
    // A ping after them: its pong means the host has read everything before it.
    phone.client.send({ t: 'ping', id: 77 });
    await phone.client.next('pong');
    expect(shown).toEqual([laser('dot', 1000, 2000), laser('spotlight', 3000, 4000)]);
    expect(phone.client.messages.filter((m) => m.t === 'ack' || m.t === 'error')).toEqual([]);
    phone.client.socket.close();
    await waitFor(() => shown.length === 3);
    expect(shown[2]).toEqual(laser('off', 3000, 4000));
  });

  it('without one (the headless host): the state says it needs the desktop app; laser frames are dropped quietly', async () => {
    const { host } = await start();
    const phone = await pairPhone(host);
    const snapshot = phone.client.messages.find((m) => m.t === 'snapshot');
    expect(snapshot?.t === 'snapshot' && snapshot.state.presenterTools.laser).toBe('needs-desktop-app');
    for (let i = 0; i < 20; i++) phone.client.send(laser('dot', i * 100, 500));
    phone.client.send({ t: 'ping', id: 5 });
    await phone.client.next('pong');
    expect(phone.client.messages.filter((m) => m.t === 'ack' || m.t === 'error')).toEqual([]);
    expect(phone.client.socket.readyState).toBe(phone.client.socket.OPEN);
  });
});
