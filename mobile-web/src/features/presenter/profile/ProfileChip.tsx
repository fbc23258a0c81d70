import type { PresenterSlotProps } from '../slot-props';

/** Which slide app the keys are for: picked by the computer from the focused window, or chosen here. */
export function ProfileChip(_props: PresenterSlotProps) {
  return null;
}
