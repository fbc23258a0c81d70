import type { TalkTimer } from '@deskremote/shared';
import { useEffect, useRef } from 'react';

/** A long double buzz when a warning fires or the talk runs over; not for what had happened before the page looked. */
export const WARNING_BUZZ = [200, 100, 200];

/** `onFire` also hears each warning (the screen flashes as the phone buzzes). */
export function useWarningBuzz(timer: TalkTimer | undefined, onFire?: () => void): void {
  const seen = useRef<{ warned: number; overtime: boolean } | undefined>(undefined);
  useEffect(() => {
    if (!timer) return;
    const before = seen.current;
    seen.current = { warned: timer.warned, overtime: timer.overtime };
    if (!before) return;
    if (timer.warned > before.warned || (timer.overtime && !before.overtime)) {
      navigator.vibrate?.(WARNING_BUZZ);
      onFire?.();
    }
  }, [timer, onFire]);
}
