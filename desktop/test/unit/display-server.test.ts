import { describe, expect, it } from 'vitest';
import { planDisplayServer } from '../../src/electron/display-server.js';

const OK = { available: true };

describe('the display server the app asks Chromium for', () => {
  it('asks for X11 (XWayland) on Wayland when DISPLAY is set, so the overlay can stay on top and in place', () => {
    expect(planDisplayServer('linux', { XDG_SESSION_TYPE: 'wayland', DISPLAY: ':0' })).toEqual({
      ozonePlatform: 'x11',
      overlay: OK,
    });
    expect(planDisplayServer('linux', { WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':1' })).toEqual({
      ozonePlatform: 'x11',
      overlay: OK,
    });
  });

  it('leaves X11 sessions and other systems alone', () => {
    expect(planDisplayServer('linux', { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' })).toEqual({
      ozonePlatform: undefined,
      overlay: OK,
    });
    expect(planDisplayServer('darwin', { WAYLAND_DISPLAY: 'x', DISPLAY: ':0' })).toEqual({
      ozonePlatform: undefined,
      overlay: OK,
    });
    expect(planDisplayServer('win32', {})).toEqual({ ozonePlatform: undefined, overlay: OK });
  });

  it('says the overlay is unavailable on Wayland without XWayland', () => {
    expect(planDisplayServer('linux', { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0' })).toEqual({
      ozonePlatform: undefined,
      overlay: { available: false, reason: 'wayland-without-xwayland' },
    });
  });

  it('respects a platform chosen on the command line', () => {
    const env = { XDG_SESSION_TYPE: 'wayland', DISPLAY: ':0' };
    expect(planDisplayServer('linux', env, 'x11')).toEqual({ ozonePlatform: undefined, overlay: OK });
    expect(planDisplayServer('linux', env, 'wayland')).toEqual({
      ozonePlatform: undefined,
      overlay: { available: false, reason: 'native-wayland' },
    });
  });
});
