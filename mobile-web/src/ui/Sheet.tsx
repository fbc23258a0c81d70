/**
 * A sheet from the bottom over a dimmed page (settings, editors): the one dialog shell the panels share.
 * With `onSubmit` its body is a form (Enter saves); otherwise a plain box.
 */
import type { FormEvent, ReactNode } from 'react';
import './sheet.css';

export function Sheet(props: {
  label: string;
  testId: string;
  /** Extra classes on the backdrop (a panel's own, 'no-swipe'). */
  className?: string;
  /** Extra classes on the sheet itself. */
  sheetClass?: string;
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  const sheetClass = `sheet${props.sheetClass ? ` ${props.sheetClass}` : ''}`;
  return (
    <div
      className={`sheet-backdrop${props.className ? ` ${props.className}` : ''}`}
      role="dialog"
      aria-modal="true"
      aria-label={props.label}
      data-testid={props.testId}
    >
      {props.onSubmit ? (
        <form className={sheetClass} onSubmit={props.onSubmit}>
          {props.children}
        </form>
      ) : (
        <div className={sheetClass}>{props.children}</div>
      )}
    </div>
  );
}
