import type { SlideProfileId } from '@deskremote/shared';

/** The speaker's choice of slide app on this phone; undefined lets the computer pick from the focused window. */
export function useProfileChoice(): SlideProfileId | undefined {
  return undefined;
}
