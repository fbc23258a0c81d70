import { useEffect, useState } from 'react';
import { type AwakeState, KeepAwake } from './keep-awake';

/** The screen stays on while the component that calls this is mounted (the presenter panel). */
export function useKeepAwake(): AwakeState {
  const [state, setState] = useState<AwakeState>('off');
  useEffect(() => {
    const awake = new KeepAwake(setState);
    awake.start();
    return () => awake.stop();
  }, []);
  return state;
}
