/**
 * The touchpad's settings as this phone uses them: the host's copy (kept per phone, sent when it
 * connects) with the phone's unsaved changes on top, saved a moment after the last change.
 */
import { DEFAULT_TOUCHPAD_SETTINGS, type TouchpadSettings } from '@deskremote/shared';
import { useEffect, useRef, useState } from 'react';
import type { Connection, ConnectionSnapshot } from '../../connection/connection';

const SAVE_AFTER_MS = 400;

export function useTouchpadSettings(
  connection: Connection,
  snapshot: ConnectionSnapshot,
): [TouchpadSettings, (change: Partial<TouchpadSettings>) => void] {
  const saved = snapshot.phoneSettings?.touchpad ?? DEFAULT_TOUCHPAD_SETTINGS;
  const [pending, setPending] = useState<TouchpadSettings | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  // Once the host has the change, its copy is the truth again.
  useEffect(() => {
    if (pending && JSON.stringify(pending) === JSON.stringify(saved)) setPending(undefined);
  }, [saved, pending]);
  const current = pending ?? saved;
  const change = (part: Partial<TouchpadSettings>) => {
    const next = { ...current, ...part };
    setPending(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      connection.fire({ t: 'saveTouchpad', touchpad: next });
    }, SAVE_AFTER_MS);
  };
  return [current, change];
}
