import type { HostState } from '@deskremote/shared';
import type { LinkStatus } from '../connection/connection';
import { t } from '../i18n/i18n';
import { inputIssueText, retryReasonText } from '../i18n/words';
import { LanguageSwitch } from './LanguageSwitch';

const PLATFORM_NAMES: Record<HostState['host']['platform'], string> = {
  linux: 'Linux',
  darwin: 'macOS',
  win32: 'Windows',
  other: 'Desktop',
};

function statusLine(status: LinkStatus, state: HostState | undefined): string {
  switch (status.kind) {
    case 'open':
      return state ? t('connectedTo', { name: state.host.name }) : t('connecting');
    case 'waiting':
      return t('reconnecting', { s: Math.max(1, Math.round(status.retryInMs / 1000)) });
    case 'paused':
      return t('paused');
    case 'reloading':
      return t('reloading');
    default:
      return t('connecting');
  }
}

/** Which computer this phone controls, whether input works there, and who else is connected. */
export function StatusBar({ status, state }: { status: LinkStatus; state: HostState | undefined }) {
  const open = status.kind === 'open';
  const phones = state?.devices.filter((d) => d.connected) ?? [];
  const me = status.kind === 'open' ? status.deviceId : undefined;
  const input = state?.input;
  return (
    <header className="status">
      <div className="status-line" data-testid="status">
        <span className={`dot ${open ? 'dot-on' : 'dot-off'}`} aria-hidden="true" />
        <span className="status-text">{statusLine(status, state)}</span>
        {open && state && <span className="chip">{PLATFORM_NAMES[state.host.platform]}</span>}
        <LanguageSwitch />
      </div>
      {status.kind === 'waiting' && (
        <div className="phones" data-testid="retry-reason">
          {retryReasonText(status.reason)}
        </div>
      )}
      {open && phones.length > 0 && (
        <div className="phones" data-testid="phones">
          {t('phones', {
            list: phones.map((p) => (p.id === me ? t('thisPhone', { name: p.name }) : p.name)).join(t('listSeparator')),
          })}
        </div>
      )}
      {open && input && input.status !== 'ready' && (
        <div className={`banner banner-${input.status}`} role="alert" data-testid="input-problem" data-code={input.code}>
          {inputIssueText(input.code, input.params)}
        </div>
      )}
    </header>
  );
}
