/**
 * How long the pointer lingers after the finger lifts. The overlay page fades over this time and the
 * Electron side hides the window only after it, so both import it from here (no DOM, no Electron).
 */
export const LASER_FADE_MS = 400;

/** The window stays up a little past the fade, so the last faded frame is painted before it hides. */
export const OVERLAY_HIDE_MARGIN_MS = 150;
