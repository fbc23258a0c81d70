import type { PresenterSlotProps } from '../slot-props';

/** The computer's screen, a few frames a second, while this is shown. */
export default function PreviewView(_props: PresenterSlotProps) {
  return null;
}
