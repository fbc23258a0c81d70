/** Codes from the wire and the connection, worded in the reader's language. */
import type { CodeParams, InputIssueCode } from '@deskremote/shared';
import type { RetryReason, StopReason } from '../connection/close-policy';
import type { ProblemCode } from '../connection/requests';
import type { MessageKey } from './en';
import { t } from './i18n';

/** Each refusal its own headline, its cause, and what to do about it. */
interface Card {
  title: MessageKey;
  cause: MessageKey;
  action: MessageKey;
}

const STOP: Record<StopReason, Card> = {
  'no-pairing': { title: 'stopTitleNoPairing', cause: 'stopNoPairing', action: 'actionNoPairing' },
  'code-wrong': { title: 'stopTitleCodeWrong', cause: 'stopCodeWrong', action: 'actionScanNow' },
  'code-expired': { title: 'stopTitleCodeExpired', cause: 'stopCodeExpired', action: 'actionScanNew' },
  'code-conflict': { title: 'stopTitleCodeConflict', cause: 'stopCodeConflict', action: 'actionScanNew' },
  denied: { title: 'stopTitleDenied', cause: 'stopDenied', action: 'actionAskOwner' },
  'approval-timeout': { title: 'stopTitleApprovalTimeout', cause: 'stopApprovalTimeout', action: 'actionScanAndAllow' },
  removed: { title: 'stopTitleRemoved', cause: 'stopRemoved', action: 'actionScanToPair' },
  'not-recognized': { title: 'stopTitleNotRecognized', cause: 'stopNotRecognized', action: 'actionScanOrTry' },
  'host-mismatch': { title: 'stopTitleHostMismatch', cause: 'stopHostMismatch', action: 'actionScanOrTry' },
};

/** Each kind of drop its own headline and what happens or what to do. */
const DROP: Record<RetryReason, { title: MessageKey; action: MessageKey }> = {
  lost: { title: 'dropTitleLost', action: 'dropActionLost' },
  'host-stopping': { title: 'dropTitleHostStopping', action: 'dropActionHostStopping' },
  busy: { title: 'dropTitleBusy', action: 'dropActionBusy' },
  'no-answer': { title: 'dropTitleNoAnswer', action: 'dropActionNoAnswer' },
};

const INPUT: Record<Exclude<InputIssueCode, 'ok'>, MessageKey> = {
  checking: 'inputChecking',
  'no-display': 'inputNoDisplay',
  'display-unreachable': 'inputDisplayUnreachable',
  wayland: 'inputWayland',
  'wayland-no-portal': 'inputWaylandNoPortal',
  'portal-not-asked': 'inputPortalNotAsked',
  'portal-asking': 'inputPortalAsking',
  'portal-refused': 'inputPortalRefused',
  'portal-closed': 'inputPortalClosed',
  'portal-failed': 'inputPortalFailed',
  'mac-permission': 'inputMacPermission',
  'mac-permission-unknown': 'inputMacPermissionUnknown',
  'text-ascii-only': 'inputTextAsciiOnly',
  'driver-failed': 'inputDriverFailed',
  'unsupported-platform': 'inputUnsupportedPlatform',
  paused: 'inputPaused',
};

const PROBLEM: Record<ProblemCode, MessageKey> = {
  'bad-message': 'problemBadMessage',
  'rate-limited': 'problemRateLimited',
  'input-unavailable': 'problemInputUnavailable',
  'injection-failed': 'problemInjectionFailed',
  'unsupported-text': 'problemUnsupportedText',
  'not-connected': 'problemNotConnected',
  'no-answer': 'problemNoAnswer',
  'connection-closed': 'problemConnectionClosed',
  'held-too-long': 'problemHeldTooLong',
  'not-in-profile': 'problemNotInProfile',
  'preview-unavailable': 'problemPreviewUnavailable',
  'needs-desktop-app': 'problemNeedsDesktopApp',
  'player-unavailable': 'problemPlayerUnavailable',
  'volume-unavailable': 'problemVolumeUnavailable',
  'no-show': 'problemNoShow',
  'too-late': 'problemTooLate',
  'host-moved': 'problemHostMoved',
  'host-moved-unsaved': 'problemHostMovedUnsaved',
};

/** What a tap that came too late was, by its command type. */
const LATE_WHAT: Partial<Record<string, MessageKey>> = {
  slide: 'lateSlide',
  key: 'lateKey',
  click: 'lateClick',
  button: 'lateClick',
  hold: 'lateKey',
  text: 'lateText',
  media: 'lateMedia',
  seek: 'lateMedia',
  volume: 'lateVolume',
  timer: 'lateTimer',
  timerPlan: 'lateTimer',
};

/** Modifier codes as the reader knows them (the host names the key it let go of by its code). */
const MODIFIER = new Map<unknown, MessageKey>([
  ['ctrl', 'modCtrl'],
  ['alt', 'modAlt'],
  ['shift', 'modShift'],
  ['meta', 'modSuper'],
]);

/** A refusal's card: headline, cause, action. */
export function stopCard(reason: StopReason): { title: string; cause: string; action: string } {
  const card = STOP[reason];
  return { title: t(card.title), cause: t(card.cause), action: t(card.action) };
}
/** A refusal in one line (a toast, where the phone stays paired): the cause and what to do. */
export const stopReasonText = (reason: StopReason): string => `${t(STOP[reason].cause)} ${t(STOP[reason].action)}`;
export const dropTitle = (reason: RetryReason): string => t(DROP[reason].title);
export const dropAction = (reason: RetryReason): string => t(DROP[reason].action);

export function inputIssueText(code: InputIssueCode, params: CodeParams = {}): string {
  return code === 'ok' ? '' : t(INPUT[code], params);
}

/** A problem with a command, or a pairing that failed while the phone stays paired (a stop reason). */
export function problemText(code: ProblemCode | StopReason, params: CodeParams = {}): string {
  // Input that cannot be injected says why: the same words as the banner.
  const issue = params.issue;
  if (code === 'input-unavailable' && typeof issue === 'string' && issue in INPUT)
    return inputIssueText(issue as InputIssueCode, params);
  // Windows kept the input out of an elevated window (UIPI): a reason and what to do, not an error text.
  if (code === 'injection-failed' && params.why === 'elevated-window') return t('problemElevatedWindow');
  if (code === 'too-late') return tooLateText(params);
  const modifier = MODIFIER.get(params.key);
  if (code === 'held-too-long' && modifier) return t(PROBLEM[code], { ...params, key: t(modifier) });
  if (code in PROBLEM) return t(PROBLEM[code as ProblemCode], params);
  return stopReasonText(code as StopReason);
}

/** "Not done: a slide change reached the computer 4.2 s late", or how many taps were not done. */
function tooLateText(params: CodeParams): string {
  const s = (Math.max(0, Number(params.lateMs ?? 0)) / 1000).toFixed(1);
  const count = Number(params.count ?? 1);
  if (count > 1) return t('problemTooLateMany', { n: count, s });
  const what = LATE_WHAT[String(params.what)];
  return t('problemTooLate', { what: t(what ?? 'lateTap'), s });
}
