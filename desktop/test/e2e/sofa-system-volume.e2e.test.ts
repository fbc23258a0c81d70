/**
 * The computer's own volume on the phone, against a real sound server (PipeWire with pipewire-pulse and a
 * null output): the slider sets the level that pactl reads back, the mute button mutes, and a change
 * made with pactl elsewhere shows on the phone. Real host, real page in headless Chromium.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../src/host/host.js';
import { startTestHost } from '../support/test-host.js';
import { PHONE_HOST_NAME } from './support/host-process.js';
import { Phone } from './support/phone.js';
import { type SoundServer, startSoundServer } from './support/sound-server.js';

const phoneDir = join(import.meta.dirname, '..', '..', '..', 'mobile-web', 'dist');
let sound: SoundServer;
let host: Host;
let phone: Phone;
const level = async () => Number(/(\d+)%/.exec(await sound.pactl('get-sink-volume', '@DEFAULT_SINK@'))?.[1]);

beforeAll(async () => {
  sound = await startSoundServer();
  await sound.pactl('set-sink-volume', '@DEFAULT_SINK@', '50%');
  // pactl, run by the host, finds this server through the environment.
  process.env.PULSE_SERVER = sound.env.PULSE_SERVER;
  ({ host } = await startTestHost({ phoneDir, names: [PHONE_HOST_NAME] }));
  phone = await Phone.open(host.pairingUrl());
  await phone.waitConnected();
  await phone.tapButton('[data-tab=media]');
});

afterAll(async () => {
  delete process.env.PULSE_SERVER;
  await phone?.close();
  await host?.stop();
  await sound?.stop();
});

describe('the computer’s volume', () => {
  it('the phone shows the level the sound server has', async () => {
    await expect.poll(() => phone.page.getByTestId('volume').getAttribute('data-level'), { timeout: 10_000 }).toBe('50');
    await phone.page.screenshot({ path: 'test-results/media-volume-en.png' });
  });

  it('the slider sets the level that pactl reads back', async () => {
    await phone.page.getByTestId('volume-slider').fill('30');
    await expect.poll(level, { timeout: 5000 }).toBe(30);
  });

  it('the mute button mutes and unmutes', async () => {
    await phone.tapButton('[data-testid=volume-mute]');
    await expect.poll(() => sound.pactl('get-sink-mute', '@DEFAULT_SINK@'), { timeout: 5000 }).toContain('yes');
    await expect.poll(() => phone.page.getByTestId('volume').getAttribute('data-muted')).toBe('true');
    await phone.tapButton('[data-testid=volume-mute]');
    await expect.poll(() => sound.pactl('get-sink-mute', '@DEFAULT_SINK@'), { timeout: 5000 }).toContain('no');
  });

  it('a change made elsewhere shows on the phone', async () => {
    await sound.pactl('set-sink-volume', '@DEFAULT_SINK@', '65%');
    await expect.poll(() => phone.page.getByTestId('volume').getAttribute('data-level'), { timeout: 5000 }).toBe('65');
    expect(await phone.page.getByTestId('volume-value').textContent()).toBe('65%');
  });

  it('a change made elsewhere right after the slider moved is shown at once, not the slider’s old value', async () => {
    // Within the slider's settle time: the phone must not keep showing its own value over the computer's.
    await phone.page.getByTestId('volume-slider').fill('40');
    await expect.poll(level, { timeout: 5000 }).toBe(40);
    await sound.pactl('set-sink-volume', '@DEFAULT_SINK@', '70%');
    await expect.poll(() => phone.page.getByTestId('volume').getAttribute('data-level'), { timeout: 5000 }).toBe('70');
    expect(await phone.page.getByTestId('volume-value').textContent()).toBe('70%');
    expect(await phone.page.getByTestId('volume-slider').inputValue()).toBe('70');
    expect(await level()).toBe(70);
  });
});
