import { t } from '../i18n/messages';

export function UnpairedCard({ reason }: { reason: string }) {
  const detail =
    reason === 'no-pairing'
      ? t('unpairedNoPairing')
      : reason === 'host-mismatch'
        ? t('unpairedHostMismatch')
        : `${reason.includes(' ') ? reason : t('unpairedGeneric')}`;
  return (
    <div className="unpaired" data-testid="unpaired">
      <h1>{t('unpairedTitle')}</h1>
      <p>{detail}</p>
    </div>
  );
}
