/**
 * What the host keeps for each phone (touchpad settings, deck of buttons): sent when the phone connects,
 * saved atomically, applied again when it comes back (even after the host restarts), never shared with
 * another phone, forgotten with the phone, and a damaged file never stops the host.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_TOUCHPAD_SETTINGS, type HostMessage } from '@deskremote/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { Host } from '../../src/host/host.js';
import { hostsStoppedAfterEach, pairPhone, resumePhone } from '../support/test-host.js';

const start = hostsStoppedAfterEach(afterEach);
const settingsOf = (message: HostMessage) => {
  if (message.t !== 'phoneSettings') throw new Error(`expected phoneSettings, got ${message.t}`);
  return message;
};
/** Waits for the host's answer to command `id` (`next` finds the first message of a type, not the next one). */
async function answered(client: { messages: HostMessage[] }, id: number): Promise<HostMessage> {
  for (let i = 0; i < 100; i++) {
    const hit = client.messages.find((m) => (m.t === 'ack' || m.t === 'error') && m.id === id);
    if (hit) return hit;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no answer to command ${id}`);
}
const TUNED = { sensitivity: 1.75, acceleration: 0.25, naturalScroll: false, tapToClick: false, edgeButtons: true };
const DECK = [
  { id: 'reopen', label: 'Reopen tab', icon: 'tab', steps: [{ t: 'key', key: 't', mods: ['ctrl', 'shift'] }] },
  {
    id: 'sign',
    label: 'Sign',
    icon: 'text',
    steps: [
      { t: 'text', text: 'Best, Ann' },
      { t: 'key', key: 'Enter' },
    ],
  },
] as const;

describe('settings the host keeps for each phone', () => {
  it('a new phone gets the defaults; what it saves comes back when it reconnects, and after a restart', async () => {
    const { host, dataDir } = await start();
    const phone = await pairPhone(host);
    expect(settingsOf(await phone.client.next('phoneSettings'))).toMatchObject({ touchpad: DEFAULT_TOUCHPAD_SETTINGS, deck: [] });
    phone.client.send({ t: 'saveTouchpad', id: 1, touchpad: TUNED });
    expect(await answered(phone.client, 1)).toMatchObject({ t: 'ack' });
    phone.client.send({ t: 'saveDeck', id: 2, deck: [...DECK] as never });
    expect(await answered(phone.client, 2)).toMatchObject({ t: 'ack' });
    expect(settingsOf(phone.client.messages.filter((m) => m.t === 'phoneSettings').at(-1) as HostMessage).deck).toEqual(DECK);
    phone.client.socket.close();

    const back = await resumePhone(host, phone.deviceId, phone.secret);
    expect(settingsOf(await back.next('phoneSettings'))).toMatchObject({ touchpad: TUNED, deck: DECK });
    back.socket.close();

    await host.stop();
    const restarted = await start({ dataDir });
    const again = await resumePhone(restarted.host, phone.deviceId, phone.secret);
    expect(settingsOf(await again.next('phoneSettings'))).toMatchObject({ touchpad: TUNED, deck: DECK });
  });

  it('one phone never sees another one’s settings, and a removed phone’s settings go with it', async () => {
    const { host, dataDir } = await start();
    const first = await pairPhone(host, 'First');
    const second = await pairPhone(host, 'Second');
    first.client.send({ t: 'saveTouchpad', id: 1, touchpad: TUNED });
    await answered(first.client, 1);
    expect(second.client.messages.filter((m) => m.t === 'phoneSettings')).toHaveLength(1);
    expect(settingsOf(await second.client.next('phoneSettings')).touchpad).toEqual(DEFAULT_TOUCHPAD_SETTINGS);
    await host.revokeDevice(first.deviceId);
    const saved = JSON.parse(await readFile(join(dataDir, 'phone-settings.json'), 'utf8'));
    expect(Object.keys(saved)).not.toContain(first.deviceId);
  });

  it('refuses a deck with two buttons of one id, or a button that is more than keys and text', async () => {
    const { host } = await start();
    const phone = await pairPhone(host);
    phone.client.send({ t: 'saveDeck', id: 7, deck: [DECK[0], DECK[0]] as never });
    expect(await answered(phone.client, 7)).toMatchObject({ t: 'error', code: 'bad-message' });
    // Not a deck at all: refused by the schema before any feature sees it (so without its id).
    phone.client.send({ t: 'saveDeck', id: 8, deck: [{ ...DECK[0], steps: [{ t: 'run', command: 'xterm' }] }] as never });
    await expect
      .poll(() => phone.client.messages.some((m) => m.t === 'error' && m.id === undefined && m.code === 'bad-message'))
      .toBe(true);
    expect(phone.client.messages.filter((m) => m.t === 'phoneSettings')).toHaveLength(1);
  });

  it('a damaged settings file is replaced by the defaults, and the host starts', async () => {
    const { host, dataDir } = await start();
    const phone = await pairPhone(host);
    await host.stop();
    await writeFile(join(dataDir, 'phone-settings.json'), '{"broken": ');
    const lines: string[] = [];
    const restarted = await start({ dataDir, log: (line) => lines.push(line) });
    expect(restarted.host).toBeInstanceOf(Host);
    const back = await resumePhone(restarted.host, phone.deviceId, phone.secret);
    expect(settingsOf(await back.next('phoneSettings')).touchpad).toEqual(DEFAULT_TOUCHPAD_SETTINGS);
    expect(lines.join('\n')).toContain('phone-settings.json is not JSON');
  });
});

describe('a revoked phone is refused at once', () => {
  it('a deck save racing the revocation is never answered and never writes the phone back', async () => {
    const { host, dataDir } = await start();
    for (let round = 0; round < 10; round++) {
      const phone = await pairPhone(host, `Racer ${round}`);
      await phone.client.next('phoneSettings');
      // The save and the revocation leave together; saves keep coming while the files are written.
      const revoked = host.revokeDevice(phone.deviceId);
      for (let id = 1; id <= 5; id++) phone.client.send({ t: 'saveDeck', id, deck: [...DECK] as never });
      await revoked;
      await new Promise((r) => setTimeout(r, 50));
      expect(phone.client.messages.some((m) => m.t === 'ack')).toBe(false);
      expect(phone.client.messages.some((m) => m.t === 'bye' && m.reason === 'revoked')).toBe(true);
      const saved = JSON.parse(await readFile(join(dataDir, 'phone-settings.json'), 'utf8').catch(() => '{}'));
      expect(Object.keys(saved)).not.toContain(phone.deviceId);
    }
  });
});
