import { leftAt, type TalkTimer } from '@deskremote/shared';
import { useEffect, useState } from 'react';

/** Time left on the talk timer, in the host's time, re-read four times a second while it runs. */
export function useTalkTime(timer: TalkTimer | undefined, clockOffsetMs: number): number | undefined {
  const [, setTick] = useState(0);
  const running = timer?.status === 'running';
  useEffect(() => {
    if (!running) return;
    const interval = setInterval(() => setTick((n) => n + 1), 250);
    return () => clearInterval(interval);
  }, [running]);
  return timer ? leftAt(timer, Date.now() + clockOffsetMs) : undefined;
}
