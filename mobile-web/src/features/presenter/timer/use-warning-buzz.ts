import type { TalkTimer } from '@deskremote/shared';
import { useEffect, useRef } from 'react';
import { buzz } from '../../../ui/haptics';

/** `onFire` also hears each warning (the screen flashes as the phone buzzes). */
export function useWarningBuzz(timer: TalkTimer | undefined, onFire?: () => void): void {
  const seen = useRef<{ warned: number; overtime: boolean } | undefined>(undefined);
  useEffect(() => {
    if (!timer) return;
    const before = seen.current;
    seen.current = { warned: timer.warned, overtime: timer.overtime };
    if (!before) return;
    if (timer.warned > before.warned || (timer.overtime && !before.overtime)) {
      buzz('warning');
      onFire?.();
    }
  }, [timer, onFire]);
}
