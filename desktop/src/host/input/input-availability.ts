import type { InputAvailability } from '@deskremote/shared';

export const READY: InputAvailability = { status: 'ready', code: 'ok', detail: 'Input is injected into this desktop.' };
export const CHECKING: InputAvailability = {
  status: 'checking',
  code: 'checking',
  detail: 'Checking whether input can be injected…',
};

/**
 * What the session environment alone says about injecting input, before anything native is loaded.
 * Returns undefined where only a probe of the real display can tell.
 */
export function assessEnvironment(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): InputAvailability | undefined {
  if (platform === 'linux' || platform === 'freebsd' || platform === 'openbsd') {
    const wayland = env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY);
    if (!env.DISPLAY) {
      return {
        status: 'unavailable',
        code: wayland ? 'wayland' : 'no-display',
        detail: wayland
          ? 'This is a Wayland session without XWayland (DISPLAY is not set): DeskRemote cannot inject input. Log in with an X11 session ("GNOME on Xorg", "Plasma (X11)").'
          : 'No X display (DISPLAY is not set): start DeskRemote from inside your desktop session.',
      };
    }
    if (wayland) {
      return {
        status: 'limited',
        code: 'wayland',
        detail:
          'Wayland session: input reaches only X11 (XWayland) windows. For full control log in with an X11 session ("GNOME on Xorg", "Plasma (X11)").',
      };
    }
    return undefined;
  }
  if (platform === 'darwin') {
    return {
      status: 'limited',
      code: 'mac-permission-unknown',
      detail: 'macOS needs DeskRemote to be allowed under System Settings › Privacy & Security › Accessibility.',
    };
  }
  if (platform === 'win32') return undefined;
  return { status: 'unavailable', code: 'driver-failed', detail: `Injecting input is not supported on ${platform}.` };
}
