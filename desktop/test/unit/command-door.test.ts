/**
 * The command door: the schema decides which commands are a feature's and which are input, every type is
 * one or the other, a feature command nobody registered is refused with its code (never acknowledged),
 * and slide strokes from two phones at once never interleave in the input queue.
 */
import { ClientCommandTypes, FeatureCommandTypes, InputCommand } from '@deskremote/shared';
import { describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/host/input/dispatcher.js';
import { READY } from '../../src/host/input/input-availability.js';
import { slideProfile } from '../../src/host/presenter/slide-profiles.js';
import { FeatureRouter, isFeatureCommand } from '../../src/host/session/feature-router.js';
import { MemoryDriver } from '../support/memory-driver.js';

const port = { id: 's', deviceId: undefined, send: () => {}, bufferedBytes: 0 };

describe('the command door', () => {
  it('every command type is input, a feature’s or the ping, and never two of them', () => {
    const input = InputCommand.options.map((o) => o.entries.t.literal as string);
    const features = FeatureCommandTypes as readonly string[];
    expect(input.filter((t) => features.includes(t))).toEqual([]);
    expect([...input, ...features, 'ping'].sort()).toEqual([...ClientCommandTypes].sort());
    expect(isFeatureCommand({ t: 'showGoto', id: 1, slide: 2 })).toBe(true);
    expect(isFeatureCommand({ t: 'slide', id: 1, action: 'next' })).toBe(false);
  });

  it('a feature command that no feature registered is refused with its code, naming the type', async () => {
    const router = new FeatureRouter();
    router.on('timer', () => 'ack');
    await expect(router.run(port, { t: 'showGoto', id: 3, slide: 2 })).rejects.toMatchObject({
      code: 'bad-message',
      params: { type: 'showGoto' },
    });
    await expect(router.run(port, { t: 'timer', id: 4, op: 'start' })).resolves.toBe('ack');
  });

  it('slide strokes from two phones at once never interleave', async () => {
    const driver = new MemoryDriver();
    // Evince starts a show with two strokes (F5, then Home), with a moment between them.
    const dispatcher = new Dispatcher({
      driver: () => driver,
      availability: () => READY,
      slideProfile: () => slideProfile('evince'),
    });
    await Promise.all([
      dispatcher.submit('phone-a', { t: 'slide', id: 1, action: 'start' }),
      dispatcher.submit('phone-b', { t: 'slide', id: 1, action: 'start' }),
      dispatcher.submit('phone-a', { t: 'slide', id: 2, action: 'next' }),
    ]);
    const keys = driver.calls.filter((c) => c[0] === 'tapKey').map((c) => c[1]);
    // Each phone's start whole (F5 then Home), in the order they arrived, then the next slide.
    expect(keys.slice(0, 4)).toEqual(['F5', 'Home', 'F5', 'Home']);
    expect(keys).toHaveLength(5);
  });

  it('a slide command the app itself carries out sends no keys, and one it cannot falls back to the keys', async () => {
    const driver = new MemoryDriver();
    const told: string[] = [];
    const dispatcher = new Dispatcher({
      driver: () => driver,
      availability: () => READY,
      slideProfile: () => slideProfile('impress'),
      slideByApp: (action) => {
        told.push(action);
        return action !== 'white';
      },
    });
    await dispatcher.submit('phone', { t: 'slide', id: 1, action: 'next' });
    await dispatcher.submit('phone', { t: 'slide', id: 2, action: 'white' });
    expect(told).toEqual(['next', 'white']);
    expect(driver.calls.filter((c) => c[0] === 'tapKey').map((c) => c[1])).toEqual(['w']);
  });
});
