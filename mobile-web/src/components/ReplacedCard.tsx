import { t } from '../i18n/i18n';

export function ReplacedCard({ onConnectHere }: { onConnectHere: () => void }) {
  return (
    <div className="card" data-testid="replaced">
      <h1>{t('replacedTitle')}</h1>
      <p>{t('replacedBody')}</p>
      <button type="button" className="card-button" onClick={onConnectHere}>
        {t('connectHere')}
      </button>
    </div>
  );
}
