/**
 * A sheet from the bottom over a dimmed page (settings, editors): the one dialog shell the panels share.
 * With `onSubmit` its body is a form (Enter saves); otherwise a plain box.
 */
import type { FormEvent, ReactNode } from 'react';
import { t } from '../i18n/i18n';
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

/** Cancel and Save at a form sheet's foot: Save submits the form, and waits until what is typed is valid. */
export function SheetActions(props: { className: string; onCancel: () => void; canSave: boolean; saveTestId: string }) {
  return (
    <div className={props.className}>
      <button type="button" onClick={props.onCancel}>
        {t('timerCancel')}
      </button>
      <button type="submit" className="primary" disabled={!props.canSave} data-testid={props.saveTestId}>
        {t('timerSave')}
      </button>
    </div>
  );
}
