/**
 * Follows the focused window and puts it, with the slide profile picked for it, in the state every
 * phone sees. On X11 through the window manager's announcements; elsewhere (and without a window
 * manager) the focus is null and slide commands use the platform's default profile or the phone's choice.
 */
import { platform as osPlatform } from 'node:os';
import type { FocusedWindow, Platform } from '@deskremote/shared';
import type { FeatureDeps } from './feature-deps.js';
import { pickProfile, type WindowFacts } from './profile-picker.js';
import { X11Focus } from './x11-focus.js';

export function focusOf(window: WindowFacts | undefined, platform: Platform): FocusedWindow | null {
  if (!window) return null;
  return {
    app: (window.app || window.instance || '').slice(0, 100),
    title: window.title.slice(0, 200),
    profile: pickProfile(window, platform),
  };
}

/** Where the focused window is (X11 pixels on the whole screen), for the laser overlay's choice of screen. */
export interface FocusBounds {
  bounds(): WindowFacts['bounds'];
}

export function installFocusWatch(deps: FeatureDeps): FocusBounds {
  let latest: WindowFacts['bounds'];
  const focus: FocusBounds = { bounds: () => latest };
  const display = deps.display;
  if (!display) return focus;
  const platform: Platform = osPlatform() === 'linux' ? 'linux' : 'other';
  let watch: X11Focus | undefined;
  let stopped = false;
  const changed = (window: WindowFacts | undefined) => {
    latest = window?.bounds;
    deps.state.update({ focus: focusOf(window, platform) });
  };
  X11Focus.open(display, changed, deps.log).then(
    (opened) => {
      if (stopped) opened.stop();
      else watch = opened;
    },
    (error: unknown) => deps.log(`focused window not followed: ${error instanceof Error ? error.message : String(error)}`),
  );
  deps.onStop(() => {
    stopped = true;
    watch?.stop();
  });
  return focus;
}
