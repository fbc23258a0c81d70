import type { InputAvailability } from '@deskremote/shared';

export const READY: InputAvailability = { status: 'ready', code: 'ok' };
export const CHECKING: InputAvailability = { status: 'checking', code: 'checking' };

/**
 * What the session environment alone says about injecting input, before anything native is loaded.
 * Returns undefined where only a probe of the real display can tell.
 */
export function assessEnvironment(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): InputAvailability | undefined {
  if (platform === 'linux' || platform === 'freebsd' || platform === 'openbsd') {
    const wayland = env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY);
    if (!env.DISPLAY) {
      return { status: 'unavailable', code: wayland ? 'wayland-no-portal' : 'no-display' };
    }
    if (wayland) {
      return { status: 'limited', code: 'wayland' };
    }
    return undefined;
  }
  if (platform === 'darwin') {
    return { status: 'limited', code: 'mac-permission-unknown' };
  }
  if (platform === 'win32') return undefined;
  return { status: 'unavailable', code: 'unsupported-platform', params: { platform } };
}
