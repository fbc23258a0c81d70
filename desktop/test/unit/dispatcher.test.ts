import type { InputAvailability } from '@deskremote/shared';
import { describe, expect, it } from 'vitest';
import { Dispatcher, SCROLL_PIXELS_PER_STEP } from '../../src/host/input/dispatcher.js';
import { READY } from '../../src/host/input/input-availability.js';
import { InjectionBlocked } from '../../src/host/input/input-driver.js';
import { CLICKER_PROFILE } from '../../src/host/presenter/slide-profiles.js';
import { MemoryDriver } from '../support/memory-driver.js';

function setup(availability: InputAvailability = READY) {
  const driver = new MemoryDriver();
  let input = availability;
  const timings: string[] = [];
  let wanted = 0;
  const dispatcher = new Dispatcher({
    driver: () => driver,
    availability: () => input,
    slideProfile: () => CLICKER_PROFILE,
    onExecuted: (t) => timings.push(t.kind),
    onUnavailable: () => wanted++,
  });
  return { driver, dispatcher, timings, setInput: (a: InputAvailability) => (input = a), wanted: () => wanted };
}

const idle = () => new Promise((r) => setTimeout(r, 30));

describe('dispatcher', () => {
  it('refuses a command type that means nothing to input, and presses nothing (never an ack for nothing)', async () => {
    const { driver, dispatcher } = setup();
    const stray = { t: 'timer', id: 9, op: 'start' } as unknown as Parameters<Dispatcher['submit']>[1];
    await expect(dispatcher.submit('a', stray)).rejects.toMatchObject({ code: 'bad-message', params: { type: 'timer' } });
    expect(driver.calls).toEqual([]);
  });

  it('runs discrete commands in arrival order and reports each', async () => {
    const { driver, dispatcher } = setup();
    await Promise.all([
      dispatcher.submit('a', { t: 'click', id: 1, button: 'left' }),
      dispatcher.submit('a', { t: 'key', id: 2, key: 'Enter' }),
      dispatcher.submit('b', { t: 'text', id: 3, text: 'hi!' }),
      dispatcher.submit('a', { t: 'media', id: 4, action: 'playPause' }),
      dispatcher.submit('a', { t: 'slide', id: 5, action: 'next' }),
    ]);
    expect(driver.calls).toEqual([
      ['click', 'left', false],
      ['tapKey', 'Enter', []],
      ['typeText', 'hi!'],
      ['tapMediaKey', 'playPause'],
      ['tapKey', CLICKER_PROFILE.keys.next![0]!.key, []],
    ]);
  });

  it('sums pointer moves that pile up behind a slow injection, never losing any', async () => {
    const { driver, dispatcher } = setup();
    driver.delayMs = 20;
    for (let i = 0; i < 50; i++) dispatcher.submitDelta('move', 2, -1);
    await new Promise((r) => setTimeout(r, 120));
    const moves = driver.calls.filter((c) => c[0] === 'moveBy');
    expect(moves.length).toBeLessThan(5);
    const total = moves.reduce((acc, c) => ({ x: acc.x + (c[1] as number), y: acc.y + (c[2] as number) }), { x: 0, y: 0 });
    expect(total).toEqual({ x: 100, y: -50 });
  });

  it('never reorders a move across a click', async () => {
    const { driver, dispatcher } = setup();
    driver.delayMs = 5;
    dispatcher.submitDelta('move', 10, 0);
    const click = dispatcher.submit('a', { t: 'click', id: 1, button: 'left' });
    dispatcher.submitDelta('move', 5, 0);
    dispatcher.submitDelta('move', 5, 0);
    await click;
    await idle();
    expect(driver.calls).toEqual([
      ['moveBy', 10, 0],
      ['click', 'left', false],
      ['moveBy', 10, 0],
    ]);
  });

  it('turns scroll pixels into whole wheel steps, carrying the remainder', async () => {
    const { driver, dispatcher } = setup();
    const third = SCROLL_PIXELS_PER_STEP / 3;
    for (let i = 0; i < 7; i++) {
      dispatcher.submitDelta('scroll', 0, third);
      await idle();
    }
    const steps = driver.calls.filter((c) => c[0] === 'scrollSteps').reduce((n, c) => n + (c[2] as number), 0);
    expect(steps).toBe(2);
    dispatcher.submitDelta('scroll', 0, -3 * SCROLL_PIXELS_PER_STEP);
    await idle();
    expect(driver.calls.at(-1)).toEqual(['scrollSteps', 0, -2]);
  });

  it('releases what a session holds when it ends, but not what another session still holds', async () => {
    const { driver, dispatcher } = setup();
    await dispatcher.submit('a', { t: 'button', id: 1, button: 'left', down: true });
    await dispatcher.submit('a', { t: 'button', id: 2, button: 'right', down: true });
    await dispatcher.submit('b', { t: 'button', id: 3, button: 'right', down: true });
    expect(dispatcher.heldButtons('a').sort()).toEqual(['left', 'right']);
    await dispatcher.releaseSession('a');
    expect(driver.calls.slice(3)).toEqual([['setButton', 'left', false]]);
    expect(dispatcher.heldButtons('a')).toEqual([]);
    await dispatcher.releaseAll();
    expect(driver.calls.at(-1)).toEqual(['setButton', 'right', false]);
  });

  it('holds keys and modifiers, and lets go of them when the session ends unless another still holds them', async () => {
    const { driver, dispatcher } = setup();
    await dispatcher.submit('a', { t: 'hold', id: 1, key: 'shift', down: true });
    await dispatcher.submit('a', { t: 'hold', id: 2, key: 'alt', down: true });
    await dispatcher.submit('b', { t: 'hold', id: 3, key: 'alt', down: true });
    await dispatcher.releaseSession('a');
    expect(driver.calls).toEqual([
      ['setKey', 'shift', true],
      ['setKey', 'alt', true],
      ['setKey', 'alt', true],
      ['setKey', 'shift', false],
    ]);
    await dispatcher.releaseSession('b');
    expect(driver.calls.at(-1)).toEqual(['setKey', 'alt', false]);
  });

  it('a release command from the phone lets go of its buttons', async () => {
    const { driver, dispatcher } = setup();
    await dispatcher.submit('a', { t: 'button', id: 1, button: 'left', down: true });
    await dispatcher.submit('a', { t: 'release', id: 2 });
    expect(driver.calls.at(-1)).toEqual(['setButton', 'left', false]);
  });

  it('drops the commands of a closed session that have not started', async () => {
    const { driver, dispatcher } = setup();
    driver.delayMs = 20;
    const first = dispatcher.submit('a', { t: 'click', id: 1, button: 'left' });
    const second = dispatcher.submit('a', { t: 'click', id: 2, button: 'right' }).catch((error: unknown) => error);
    const closed = dispatcher.releaseSession('a');
    await first;
    expect(await second).toMatchObject({ code: 'session-closed' });
    await closed;
    expect(driver.calls).toEqual([['click', 'left', false]]);
  });

  it('refuses everything, with the reason, while input is unavailable', async () => {
    const { driver, dispatcher } = setup({ status: 'unavailable', code: 'no-display' });
    await expect(dispatcher.submit('a', { t: 'click', id: 1, button: 'left' })).rejects.toMatchObject({
      code: 'input-unavailable',
      params: { issue: 'no-display' },
    });
    dispatcher.submitDelta('move', 5, 5);
    await idle();
    expect(driver.calls).toEqual([]);
  });

  it('while the portal is asking, nothing is injected, and each refused input says input is wanted', async () => {
    const { driver, dispatcher, wanted, setInput } = setup({ status: 'checking', code: 'portal-asking' });
    await expect(dispatcher.submit('a', { t: 'key', id: 1, key: 'a' })).rejects.toMatchObject({
      params: { issue: 'portal-asking' },
    });
    dispatcher.submitDelta('move', 5, 5);
    await idle();
    expect(driver.calls).toEqual([]);
    expect(wanted()).toBe(2);
    setInput(READY);
    dispatcher.submitDelta('move', 5, 5);
    await idle();
    expect(driver.calls).toEqual([['moveBy', 5, 5]]);
    expect(wanted()).toBe(2);
  });

  it('refuses text it cannot type exactly before typing any of it', async () => {
    const { driver, dispatcher } = setup();
    await expect(dispatcher.submit('a', { t: 'text', id: 1, text: 'ok\u0007bell' })).rejects.toMatchObject({
      code: 'unsupported-text',
    });
    expect(driver.calls).toEqual([]);
  });

  it('reports an injection the OS refused, and carries on with the next command', async () => {
    const { driver, dispatcher } = setup();
    driver.failNext = 'XTest is gone';
    await expect(dispatcher.submit('a', { t: 'key', id: 1, key: 'a' })).rejects.toMatchObject({ code: 'injection-failed' });
    await dispatcher.submit('a', { t: 'key', id: 2, key: 'b' });
    expect(driver.calls).toEqual([['tapKey', 'b', []]]);
  });

  it('says why when the system kept the input out (an elevated window on Windows), as a reason and not a message', async () => {
    const { driver, dispatcher } = setup();
    driver.typeText = async () => {
      throw new InjectionBlocked('elevated-window');
    };
    await expect(dispatcher.submit('a', { t: 'text', id: 1, text: 'hello' })).rejects.toMatchObject({
      code: 'injection-failed',
      params: { why: 'elevated-window' },
    });
  });

  it('times every executed command for the benchmark', async () => {
    const { dispatcher, timings } = setup();
    dispatcher.submitDelta('move', 1, 1);
    await dispatcher.submit('a', { t: 'click', id: 1, button: 'left' });
    expect(timings).toEqual(['move', 'click']);
  });
});
