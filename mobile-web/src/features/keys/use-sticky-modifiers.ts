import { type Modifier, Modifiers } from '@deskremote/shared';
import { useEffect, useSyncExternalStore } from 'react';
import type { ConnectionSnapshot } from '../../connection/connection';
import { type ModifierStates, stickyModifiers } from './sticky-modifiers';

export function useStickyModifiers(): ModifierStates {
  return useSyncExternalStore(stickyModifiers.subscribe, stickyModifiers.get);
}

const isModifier = (key: unknown): key is Modifier => Modifiers.some((mod) => mod === key);

/**
 * Keeps the shown locks true to the desktop, whichever tab is open: when the connection ends the desktop
 * lets go of everything this phone held, and it says so when it lets go of a key held too long.
 */
export function useStickyModifiersFollow({ status, problem }: ConnectionSnapshot): void {
  const open = status.kind === 'open';
  useEffect(() => {
    if (!open) stickyModifiers.forgetLocks();
  }, [open]);
  useEffect(() => {
    const key = problem?.params.key;
    if (problem?.code === 'held-too-long' && isModifier(key)) stickyModifiers.drop(key);
  }, [problem]);
}
