/**
 * Which display server the app's windows use on Linux. Since Electron 38 a Wayland session gets native
 * Wayland windows, where always-on-top, placement and showInactive (all three needed by the laser
 * overlay) are not supported; under XWayland they are. So on Wayland with XWayland (DISPLAY set) the app
 * asks Chromium for X11, unless someone chose the platform on the command line. Pure; main applies it
 * with app.commandLine.appendSwitch before the app is ready. No Electron import here.
 */

/** Why the laser overlay cannot work here: a code the host or the window could word. */
export type OverlayUnavailableReason =
  /** Wayland without XWayland: nowhere to put an always-on-top window where we want it. */
  | 'wayland-without-xwayland'
  /** Native Wayland windows were asked for on the command line (--ozone-platform=wayland). */
  | 'native-wayland';

export interface DisplayServerPlan {
  /** The value for Chromium's --ozone-platform switch; undefined: leave Chromium's choice alone. */
  ozonePlatform: 'x11' | undefined;
  overlay: { available: true } | { available: false; reason: OverlayUnavailableReason };
}

export function isWaylandSession(env: NodeJS.ProcessEnv): boolean {
  return env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY);
}

/** `chosen`: the --ozone-platform value already on the command line, if any (start.mjs or the user). */
export function planDisplayServer(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, chosen?: string): DisplayServerPlan {
  const available = { available: true } as const;
  if (platform !== 'linux' || !isWaylandSession(env)) return { ozonePlatform: undefined, overlay: available };
  if (chosen === 'wayland') return { ozonePlatform: undefined, overlay: { available: false, reason: 'native-wayland' } };
  if (!env.DISPLAY) return { ozonePlatform: undefined, overlay: { available: false, reason: 'wayland-without-xwayland' } };
  return { ozonePlatform: chosen ? undefined : 'x11', overlay: available };
}
