import type { StopReason } from '../connection/close-policy';
import { t } from '../i18n/i18n';
import { stopCard } from '../i18n/words';

/** Refusals the page keeps retrying by itself, where trying now can help (the computer may be back). */
const RETRYING: ReadonlySet<StopReason> = new Set(['not-recognized', 'host-mismatch']);

/** Why this phone cannot control the computer, in its own headline, and what to do about it. */
export function UnpairedCard({ reason, onTryNow }: { reason: StopReason; onTryNow?: () => void }) {
  const card = stopCard(reason);
  return (
    <div className="card" data-testid="unpaired" data-reason={reason}>
      <h1>{card.title}</h1>
      <p className="card-cause">{card.cause}</p>
      <p className="card-action" data-testid="card-action">
        {card.action}
      </p>
      {onTryNow && RETRYING.has(reason) && (
        <button type="button" className="card-button" data-testid="try-now" onClick={onTryNow}>
          {t('tryNow')}
        </button>
      )}
    </div>
  );
}
