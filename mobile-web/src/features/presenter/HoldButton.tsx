import { type ReactNode, useEffect, useRef, useState } from 'react';

/** How long a finger must stay on a guarded button: a slip in the dark is shorter than this. */
export const HOLD_MS = 600;

/**
 * A button that acts only when held (End, the screen blankers, Start): a slip does not end the show.
 * A fill shows the hold filling up; a short tap asks to hold instead. A keyboard or a switch
 * (a click with no pointer behind it) acts at once, since it cannot slip.
 */
export function HoldButton(props: {
  className?: string;
  dataSlide?: string;
  onHold: () => void;
  onShortTap: () => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  const [holding, setHolding] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const fired = useRef(false);
  useEffect(() => () => clearTimeout(timer.current), []);

  const cancel = () => {
    clearTimeout(timer.current);
    setHolding(false);
  };
  return (
    <button
      type="button"
      className={`hold-button${holding ? ' holding' : ''} ${props.className ?? ''}`}
      data-slide={props.dataSlide}
      disabled={props.disabled}
      style={{ '--hold-ms': `${HOLD_MS}ms` } as React.CSSProperties}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        fired.current = false;
        setHolding(true);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => {
          fired.current = true;
          setHolding(false);
          props.onHold();
        }, HOLD_MS);
      }}
      onPointerUp={() => {
        if (!fired.current && holding) props.onShortTap();
        cancel();
      }}
      onPointerLeave={cancel}
      onPointerCancel={cancel}
      onContextMenu={(event) => event.preventDefault()}
      onClick={(event) => {
        if (event.detail === 0) props.onHold();
      }}
    >
      <span className="hold-fill" aria-hidden="true" />
      <span className="hold-label">{props.children}</span>
    </button>
  );
}
