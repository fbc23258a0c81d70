import type { HostState, LaserCommand } from '@deskremote/shared';
import { describe, expect, it } from 'vitest';
import type { FeatureDeps } from '../../src/host/presenter/feature-deps.js';
import { installLaser, LaserRelay } from '../../src/host/presenter/laser-relay.js';
import { FeatureRouter, type SessionPort } from '../../src/host/session/feature-router.js';
import { HostStateStore } from '../../src/host/session/host-state.js';

const laser = (mode: LaserCommand['mode'], x: number, y: number): LaserCommand => ({ t: 'laser', mode, x, y });

function sink() {
  const shown: LaserCommand[] = [];
  return { shown, overlay: { show: (point: LaserCommand) => shown.push(point) } };
}

describe('the laser relay', () => {
  it('forwards points and drops repeats', () => {
    const { shown, overlay } = sink();
    const relay = new LaserRelay(overlay);
    relay.point('a', laser('dot', 100, 200));
    relay.point('a', laser('dot', 100, 200));
    relay.point('a', laser('spotlight', 100, 200));
    relay.point('a', laser('spotlight', 101, 200));
    relay.point('a', laser('off', 101, 200));
    relay.point('a', laser('off', 101, 200));
    expect(shown).toEqual([
      laser('dot', 100, 200),
      laser('spotlight', 100, 200),
      laser('spotlight', 101, 200),
      laser('off', 101, 200),
    ]);
  });

  it('clamps to the screen and ignores what is not a number', () => {
    const { shown, overlay } = sink();
    const relay = new LaserRelay(overlay);
    relay.point('a', laser('dot', -5, 70_000));
    relay.point('a', laser('dot', Number.NaN, 5));
    relay.point('a', laser('dot', 10.4, 5));
    expect(shown).toEqual([laser('dot', 0, 65535), laser('dot', 10, 5)]);
  });

  it('lifts the finger of a phone that goes away while pointing, not of another', () => {
    const { shown, overlay } = sink();
    const relay = new LaserRelay(overlay);
    relay.point('a', laser('dot', 1, 2));
    relay.sessionClosed('b');
    expect(shown).toHaveLength(1);
    relay.sessionClosed('a');
    expect(shown.at(-1)).toEqual(laser('off', 1, 2));
    relay.sessionClosed('a');
    expect(shown).toHaveLength(2);
  });

  it('a lift from a phone that is not pointing leaves the other phone’s dot alone', () => {
    const { shown, overlay } = sink();
    const relay = new LaserRelay(overlay);
    relay.point('a', laser('dot', 1, 2));
    relay.point('b', laser('off', 9, 9));
    expect(shown).toEqual([laser('dot', 1, 2)]);
    relay.point('b', laser('dot', 9, 9));
    relay.point('b', laser('off', 9, 9));
    expect(shown.at(-1)).toEqual(laser('off', 9, 9));
  });
});

function deps() {
  const state = new HostStateStore({
    presenterTools: { laser: 'needs-desktop-app', preview: 'ready' },
  } as unknown as HostState);
  const stops: Array<() => void | Promise<void>> = [];
  const features = new FeatureRouter();
  const featureDeps: FeatureDeps = {
    features,
    state,
    log: () => {},
    display: undefined,
    dataDir: '/nonexistent',
    inject: async () => {},
    onStop: (stop) => {
      stops.push(stop);
    },
  };
  return { featureDeps, features, state, stops };
}

const session = (id: string): SessionPort => ({ id, deviceId: undefined, send: () => {}, bufferedBytes: 0 });

describe('installing the laser', () => {
  it('with an overlay: ready, points reach it unanswered, and a closed session lifts its finger', async () => {
    const { featureDeps, features, state, stops } = deps();
    const { shown, overlay } = sink();
    installLaser(featureDeps, overlay);
    expect(state.state.presenterTools).toEqual({ laser: 'ready', preview: 'ready' });
    expect(await features.run(session('s1'), laser('dot', 5, 6))).toBe('answered');
    features.sessionClosed(session('s1'));
    expect(shown).toEqual([laser('dot', 5, 6), laser('off', 5, 6)]);
    await features.run(session('s2'), laser('spotlight', 7, 8));
    for (const stop of stops) await stop();
    expect(shown.at(-1)).toEqual(laser('off', 7, 8));
  });

  it('without one: the state says it needs the desktop app and laser frames are dropped silently', async () => {
    const { featureDeps, features, state } = deps();
    installLaser(featureDeps, undefined);
    expect(state.state.presenterTools.laser).toBe('needs-desktop-app');
    expect(await features.run(session('s1'), laser('dot', 5, 6))).toBe('answered');
  });
});
