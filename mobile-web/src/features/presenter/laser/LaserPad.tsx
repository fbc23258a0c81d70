import type { PresenterSlotProps } from '../slot-props';

/** Hold a finger here: a dot (or a spotlight) follows it over the slide. */
export default function LaserPad(_props: PresenterSlotProps) {
  return null;
}
