/**
 * Which slide app has the focus, from what the window system says of the focused window: on X11 its
 * WM_CLASS (instance and class) and its title; elsewhere the application's name and the window title.
 */
import type { Platform, SlideProfileId } from '@deskremote/shared';
import { defaultProfileId } from './slide-profiles.js';

export interface WindowFacts {
  /** WM_CLASS's class, or the application's name (macOS), or the executable (Windows). */
  app: string;
  /** WM_CLASS's instance, where there is one. */
  instance?: string;
  title: string;
  /** Where the window is on the whole screen, in pixels, where the system tells (the laser's screen follows it). */
  bounds?: { x: number; y: number; width: number; height: number };
}

const BROWSER = /chrom|firefox|brave|edge|opera|vivaldi|safari|epiphany|web/i;
/**
 * A LibreOffice window that is Impress's: a deck by its extension, or the slide show itself, whose window
 * has the bare class "LibreOffice 7.4" (no "impress" in it) and a title "Presenting: …" (or the presenter
 * console's), so White still works during the show.
 */
const IMPRESS_TITLE = /impress|\.(odp|otp|fodp|pptx?|ppsx?)\b|^presenting\b|presenter console|^演示/i;

export function pickProfile(window: WindowFacts | undefined, platform: Platform): SlideProfileId {
  if (!window) return defaultProfileId(platform);
  const app = `${window.app} ${window.instance ?? ''}`;
  const { title } = window;
  if (/impress/i.test(app) || (/libreoffice|soffice/i.test(app) && IMPRESS_TITLE.test(title))) return 'impress';
  if (/powerpnt|powerpoint/i.test(app)) return platform === 'darwin' ? 'powerpoint-mac' : 'powerpoint';
  if (/keynote/i.test(app)) return 'keynote';
  if (/evince|papers/i.test(app)) return 'evince';
  if (/okular/i.test(app)) return 'okular';
  if (/acroread|acrobat|acrord32|adobe reader/i.test(app)) return 'adobe-reader';
  if (platform === 'darwin' && /^preview\b/i.test(window.app.trim())) return 'mac-preview';
  if (BROWSER.test(app)) {
    if (/google slides|google 幻灯片|google 簡報|docs\.google\.com\/presentation/i.test(title)) return 'google-slides';
    if (/reveal\.?js|slides\.com/i.test(title)) return 'reveal';
    if (/powerpoint/i.test(title)) return 'powerpoint';
  }
  return defaultProfileId(platform);
}
