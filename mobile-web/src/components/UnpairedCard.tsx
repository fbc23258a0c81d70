import type { StopReason } from '../connection/close-policy';
import { t } from '../i18n/i18n';
import { stopReasonText } from '../i18n/words';

export function UnpairedCard({ reason }: { reason: StopReason }) {
  return (
    <div className="card" data-testid="unpaired" data-reason={reason}>
      <h1>{t('unpairedTitle')}</h1>
      <p>{stopReasonText(reason)}</p>
    </div>
  );
}
