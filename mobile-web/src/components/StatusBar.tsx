import type { HostState } from '@deskremote/shared';
import { useEffect, useRef, useState } from 'react';
import type { LinkStatus } from '../connection/connection';
import { t } from '../i18n/i18n';
import { dropAction, dropTitle, inputIssueText } from '../i18n/words';
import { LanguageSwitch } from './LanguageSwitch';

const PLATFORM_NAMES: Record<HostState['host']['platform'], string> = {
  linux: 'Linux',
  darwin: 'macOS',
  win32: 'Windows',
  other: 'Desktop',
};

/** How long "back" is said after the computer answers again. */
const BACK_NOTICE_MS = 3000;
/** Away this long, the phone says what else may have happened (a new address) and what to do. */
const AWAY_HELP_MS = 15_000;

/** Whether the computer has been away for AWAY_HELP_MS (re-rendered when that time comes). */
function useLongAway(status: LinkStatus): boolean {
  const since = status.kind === 'waiting' ? status.awaySince : undefined;
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (since === undefined) return;
    const left = since + AWAY_HELP_MS - Date.now();
    if (left <= 0) return;
    const timer = setTimeout(() => setNow(Date.now()), left + 50);
    return () => clearTimeout(timer);
  }, [since]);
  return since !== undefined && Math.max(now, Date.now()) - since >= AWAY_HELP_MS;
}

function statusLine(status: LinkStatus, state: HostState | undefined, quiet: boolean, back: boolean): string {
  switch (status.kind) {
    case 'open':
      if (!state) return t('connecting');
      if (quiet) return t('notAnswering', { name: state.host.name });
      return t(back ? 'backAgain' : 'connectedTo', { name: state.host.name });
    case 'waiting':
      return dropTitle(status.reason);
    case 'paused':
      return t('paused');
    case 'reloading':
      return t('reloading');
    default:
      return t('connecting');
  }
}

/**
 * Says "back" for a moment when the computer answers again after a silence or a drop; not when it answers
 * for the first time (a page that is drawn before its welcome arrives was never away).
 */
function useBackNotice(answering: boolean): boolean {
  const answered = useRef(false);
  const wasAway = useRef(false);
  const [back, setBack] = useState(false);
  useEffect(() => {
    if (!answering) {
      wasAway.current = answered.current;
      setBack(false);
      return;
    }
    answered.current = true;
    if (!wasAway.current) return;
    wasAway.current = false;
    setBack(true);
    const timer = setTimeout(() => setBack(false), BACK_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [answering]);
  return back;
}

/** Which computer this phone controls, whether it answers and input works there, and who else is connected. */
export function StatusBar({
  status,
  state,
  quiet = false,
  onTryNow,
}: {
  status: LinkStatus;
  state: HostState | undefined;
  quiet?: boolean;
  onTryNow?: () => void;
}) {
  const open = status.kind === 'open';
  const answering = open && !quiet;
  const back = useBackNotice(answering || status.kind === 'paused');
  const longAway = useLongAway(status);
  const phones = state?.devices.filter((d) => d.connected) ?? [];
  const me = status.kind === 'open' ? status.deviceId : undefined;
  const input = state?.input;
  return (
    <header className="status">
      <div className="status-line" data-testid="status">
        <span className={`dot ${answering ? 'dot-on' : quiet ? 'dot-quiet' : 'dot-off'}`} aria-hidden="true" />
        <span className="status-text" data-quiet={quiet || undefined}>
          {statusLine(status, state, quiet, back)}
        </span>
        {open && state && <span className="chip">{PLATFORM_NAMES[state.host.platform]}</span>}
        <LanguageSwitch />
      </div>
      {status.kind === 'waiting' && (
        <div className="retry-row">
          <span className="retry-action" data-testid="retry-reason">
            {dropAction(status.reason)}
            {status.retryInMs !== undefined && ` ${t('nextTryIn', { s: Math.max(1, Math.round(status.retryInMs / 1000)) })}`}
          </span>
          {onTryNow && (
            <button type="button" className="try-now" data-testid="try-now" onClick={onTryNow}>
              {t('tryNow')}
            </button>
          )}
        </div>
      )}
      {longAway && (
        <div className="banner banner-quiet" role="alert" data-testid="away-help">
          {t('awayHelp', { where: location.host })}
        </div>
      )}
      {open && quiet && (
        <div className="banner banner-quiet" role="alert" data-testid="not-answering">
          {t('notAnsweringHelp')}
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
