/**
 * The speaker's choice of slide app, remembered on this phone (each phone may present from a different
 * app); undefined lets the computer pick from the focused window.
 */
import { type SlideProfileId, SlideProfileIds } from '@deskremote/shared';
import { useSyncExternalStore } from 'react';

const KEY = 'deskremote.slideProfile';
const listeners = new Set<() => void>();

function read(): SlideProfileId | undefined {
  try {
    const saved = localStorage.getItem(KEY);
    return (SlideProfileIds as readonly string[]).includes(saved ?? '') ? (saved as SlideProfileId) : undefined;
  } catch {
    return undefined;
  }
}

let current = read();

export function chooseProfile(choice: SlideProfileId | undefined): void {
  current = choice;
  try {
    if (choice) localStorage.setItem(KEY, choice);
    else localStorage.removeItem(KEY);
  } catch {
    // Private browsing without storage: the choice lasts until the page closes.
  }
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function useProfileChoice(): SlideProfileId | undefined {
  return useSyncExternalStore(subscribe, () => current);
}
