/**
 * The pictures and notes of the running show's slides, asked for one at a time as they are wanted (the
 * slide on screen and the next first, the rest for the grid) and kept until the show changes (its
 * revision). Pictures are object URLs, freed when the show changes or the view closes.
 */
import type { SlideShow } from '@deskremote/shared';
import { useEffect, useRef, useState } from 'react';
import type { Connection } from '../../../connection/connection';

export interface SlideStore {
  pictures: ReadonlyMap<number, string>;
  notes: ReadonlyMap<number, string>;
}

const EMPTY: SlideStore & { revision: number } = { revision: -1, pictures: new Map(), notes: new Map() };

/** `wanted`: slide numbers in the order they are wanted; only those the host holds (`show.ready`) are asked. */
export function useSlideStore(connection: Connection, show: SlideShow, wanted: readonly number[]): SlideStore {
  const [store, setStore] = useState(EMPTY);
  const held = useRef({ revision: -1, pictures: new Map<number, string>(), notes: new Map<number, string>() });
  const busy = useRef(false);
  const [tick, setTick] = useState(0);

  // Another show: everything held belongs to the old one.
  if (held.current.revision !== show.revision) {
    for (const url of held.current.pictures.values()) URL.revokeObjectURL(url);
    held.current = { revision: show.revision, pictures: new Map(), notes: new Map() };
  }

  useEffect(
    () => () => {
      for (const url of held.current.pictures.values()) URL.revokeObjectURL(url);
    },
    [],
  );

  const key = wanted.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `wanted`; `tick` asks again once one is done.
  useEffect(() => {
    if (busy.current) return;
    const mine = held.current;
    const slide = wanted.find((n) => n <= show.ready && (!mine.pictures.has(n) || !mine.notes.has(n)));
    if (slide === undefined) return;
    busy.current = true;
    void (async () => {
      try {
        if (!mine.notes.has(slide)) mine.notes.set(slide, await connection.requestNotes(slide));
        if (!mine.pictures.has(slide)) {
          const frame = await connection.requestSlidePicture(slide);
          const url = URL.createObjectURL(new Blob([frame.jpeg as BlobPart], { type: 'image/jpeg' }));
          if (held.current === mine) mine.pictures.set(slide, url);
          else URL.revokeObjectURL(url);
        }
        if (held.current === mine)
          setStore({ revision: mine.revision, pictures: new Map(mine.pictures), notes: new Map(mine.notes) });
      } catch {
        // Asked again on the next change (a reconnect, the next slide); a failing slide is not hammered.
        await new Promise((r) => setTimeout(r, 1000));
      } finally {
        busy.current = false;
        setTick((n) => n + 1);
      }
    })();
  }, [connection, key, show.ready, show.revision, tick]);

  return store.revision === show.revision ? store : EMPTY;
}
