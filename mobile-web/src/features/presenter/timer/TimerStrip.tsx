import type { PresenterSlotProps } from '../slot-props';

/** The talk timer, as the computer keeps it for every phone. */
export function TimerStrip(_props: PresenterSlotProps) {
  return null;
}
