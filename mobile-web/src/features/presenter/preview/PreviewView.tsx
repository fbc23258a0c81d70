/**
 * The computer's screen, a few frames a second, while this is shown. It asks for the next frame only
 * after the last one is on screen, so a slow network shows the newest frame late, never a queue of old
 * ones; it stops asking when it is closed or the page is hidden.
 */
import { useEffect, useRef, useState } from 'react';
import { CommandFailed } from '../../../connection/requests';
import { t } from '../../../i18n/i18n';
import type { PresenterSlotProps } from '../slot-props';
import './preview.css';

type Shown = { url: string; width: number; height: number } | undefined;

/**
 * `inPad`: drawn as the laser pad's face (pointing by touching the slide), filling it without a frame of
 * its own and letting touches through to the pad; `onShape` hears the screen's size from each frame.
 */
export default function PreviewView({
  connection,
  snapshot,
  inPad = false,
  onShape,
}: PresenterSlotProps & { inPad?: boolean; onShape?: (width: number, height: number) => void }) {
  const [shown, setShown] = useState<Shown>(undefined);
  const [problem, setProblem] = useState(false);
  const loaded = useRef<(() => void) | undefined>(undefined);
  const onShapeNow = useRef(onShape);
  onShapeNow.current = onShape;
  const open = snapshot.status.kind === 'open';
  const available = snapshot.state?.presenterTools.preview === 'ready';

  useEffect(() => {
    if (!open || !available) return;
    let stopped = false;
    let url: string | undefined;
    const loop = async () => {
      while (!stopped) {
        if (document.visibilityState !== 'visible') {
          await new Promise<void>((resolve) => document.addEventListener('visibilitychange', () => resolve(), { once: true }));
          continue;
        }
        try {
          const frame = await connection.requestFrame();
          if (stopped) return;
          const next = URL.createObjectURL(new Blob([frame.jpeg as BlobPart], { type: 'image/jpeg' }));
          // The next request waits until this frame is on screen (or failed to decode).
          const shownNow = new Promise<void>((resolve) => {
            loaded.current = resolve;
          });
          setShown({ url: next, width: frame.width, height: frame.height });
          onShapeNow.current?.(frame.width, frame.height);
          setProblem(false);
          await Promise.race([shownNow, new Promise((r) => setTimeout(r, 2000))]);
          if (url) URL.revokeObjectURL(url);
          url = next;
        } catch (error) {
          if (stopped) return;
          if (error instanceof CommandFailed && error.code === 'preview-unavailable') setProblem(true);
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    };
    void loop();
    return () => {
      stopped = true;
      loaded.current?.();
      if (url) URL.revokeObjectURL(url);
    };
  }, [connection, open, available]);

  const ratio = shown ? `${shown.width} / ${shown.height}` : '16 / 9';
  return (
    <figure
      className={`preview${inPad ? ' in-pad' : ''}`}
      data-testid="preview"
      style={inPad ? undefined : { aspectRatio: ratio }}
    >
      {shown && !problem && available ? (
        <img
          src={shown.url}
          alt={t('previewAlt')}
          data-testid="preview-image"
          width={shown.width}
          height={shown.height}
          onLoad={() => loaded.current?.()}
          onError={() => loaded.current?.()}
        />
      ) : (
        <figcaption>{t(!available || problem ? 'previewUnavailable' : 'previewWaiting')}</figcaption>
      )}
    </figure>
  );
}
