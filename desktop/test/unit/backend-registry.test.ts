import type { InputAvailability } from '@deskremote/shared';
import { describe, expect, it } from 'vitest';
import { type InputBackendCandidate, openFirstBackend } from '../../src/host/input/backends/registry.js';
import { openInputBackend } from '../../src/host/input/input-backend.js';
import { MemoryDriver } from '../support/memory-driver.js';

const candidate = (name: string, applies: boolean, availability: InputAvailability, opened: string[]): InputBackendCandidate => ({
  name,
  appliesTo: () => applies,
  open: async () => {
    opened.push(name);
    return { availability, driver: availability.status === 'unavailable' ? undefined : new MemoryDriver() };
  },
});

const CONTEXT = { dataDir: '/nonexistent', log: () => {} };

describe('input backend registry', () => {
  it('uses the first backend that can inject, skipping those that do not apply or say "not here"', async () => {
    const opened: string[] = [];
    const backend = await openFirstBackend(
      [
        candidate('portal', false, { status: 'ready', code: 'ok' }, opened),
        candidate('x11', true, { status: 'unavailable', code: 'display-unreachable' }, opened),
        candidate('nut', true, { status: 'limited', code: 'wayland' }, opened),
      ],
      'linux',
      {},
      CONTEXT,
    );
    expect(opened).toEqual(['x11', 'nut']);
    expect(backend.availability.code).toBe('wayland');
    expect(backend.driver).toBeDefined();
  });

  it('without any, gives the reason of the first that applied, or says the platform is not supported', async () => {
    const opened: string[] = [];
    const refusal = await openFirstBackend(
      [candidate('x11', true, { status: 'unavailable', code: 'no-display' }, opened)],
      'linux',
      {},
      CONTEXT,
    );
    expect(refusal).toEqual({ availability: { status: 'unavailable', code: 'no-display' }, driver: undefined });
    expect(await openFirstBackend([], 'aix', {}, CONTEXT)).toEqual({
      availability: { status: 'unavailable', code: 'unsupported-platform', params: { platform: 'aix' } },
      driver: undefined,
    });
  });

  it('the real registry explains a Linux session without a display, without loading anything native', async () => {
    expect((await openInputBackend(CONTEXT, 'linux', {})).availability).toEqual({ status: 'unavailable', code: 'no-display' });
    expect((await openInputBackend(CONTEXT, 'aix', {})).availability.code).toBe('unsupported-platform');
  });

  it('a Wayland session whose bus has no RemoteDesktop portal, and no XWayland, says so', async () => {
    const env = { WAYLAND_DISPLAY: 'wayland-0', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' };
    expect((await openInputBackend(CONTEXT, 'linux', env)).availability).toEqual({
      status: 'unavailable',
      code: 'wayland-no-portal',
    });
  });
});
