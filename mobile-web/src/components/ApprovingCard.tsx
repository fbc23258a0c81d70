import { t } from '../i18n/i18n';

/** While the desktop asks its person "Allow this phone?": the same six digits on both screens. */
export function ApprovingCard({ code }: { code: string }) {
  return (
    <div className="card" data-testid="approving">
      <h1>{t('approvingTitle')}</h1>
      <p>{t('approvingBody')}</p>
      <p className="confirm-code" data-testid="confirm-code">
        {code.slice(0, 3)} {code.slice(3)}
      </p>
      <p className="card-note">{t('approvingWait')}</p>
    </div>
  );
}
