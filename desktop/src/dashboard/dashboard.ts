/**
 * The desktop window: new phones asking to pair, the QR code to scan, the phones paired and connected,
 * and the settings. Words come from words.ts in the system's language; the host sends codes. Bundled into one
 * classic script (build-dashboard.mjs), as Electron loads the page from file://.
 */
import { type DashboardView, shown } from './bridge.js';
import { countdown, talkClock } from './clock.js';
import { renderAddressChoice, renderControl, renderFirewallNote, renderReachHint, wireControls } from './controls.js';
import { byId, element } from './dom.js';
import { renderDevices } from './phones.js';
import { installWebBridge } from './web-bridge.js';
import { type DashboardKey, dashboardChinese, say, sayInput } from './words.js';

function renderApprovals(view: DashboardView): void {
  const section = byId('approvals');
  section.replaceChildren();
  section.hidden = view.approvals.length === 0;
  for (const request of view.approvals) {
    const card = element('div', 'approval');
    card.dataset.id = request.id;
    const device =
      [request.device.model, request.device.os, request.device.browser].filter(Boolean).join(', ') || say('unknownDevice');
    const code = element('p', 'approval-code', `${request.code.slice(0, 3)} ${request.code.slice(3)}`);
    const allow = element('button', 'allow', say('allow'));
    allow.type = 'button';
    allow.addEventListener('click', () => void window.deskremote.decideApproval(request.id, true));
    const deny = element('button', 'deny', say('deny'));
    deny.type = 'button';
    deny.addEventListener('click', () => void window.deskremote.decideApproval(request.id, false));
    const buttons = element('div', 'approval-buttons');
    buttons.append(deny, allow);
    card.append(
      element('h1', '', say('approvalsTitle', { name: request.deviceName })),
      element('p', 'approval-device', say('approvalsDevice', { device, address: request.address.replace(/^::ffff:/, '') })),
      element('p', 'small', say('approvalsCode')),
      code,
      element(
        'p',
        'small approval-expires',
        say('approvalsExpires', { s: Math.max(0, Math.round((request.expiresAt - Date.now()) / 1000)) }),
      ),
      buttons,
    );
    section.append(card);
  }
}

/** The screens the laser pointer may be drawn on, and the one chosen; hidden while there is only one. */
function renderOverlayChoice(view: DashboardView): void {
  const select = byId<HTMLSelectElement>('overlay-display');
  byId('overlay-choice').hidden = view.displays.length < 2;
  // Rebuilt only when the list changes, so an open list is not closed under the pointer by a new view.
  const options = [
    { value: 'auto', text: say('laserAuto') },
    ...view.displays.map((display, index) => {
      const size = { width: display.bounds.width, height: display.bounds.height };
      const screen = display.label
        ? say('screenNamed', { name: display.label, ...size })
        : say('screenUnnamed', { n: index + 1, ...size });
      return { value: String(display.id), text: display.primary ? say('screenMain', { screen }) : screen };
    }),
  ];
  const key = JSON.stringify(options);
  if (select.dataset.options !== key) {
    select.dataset.options = key;
    select.replaceChildren(
      ...options.map(({ value, text }) => Object.assign(document.createElement('option'), { value, textContent: text })),
    );
  }
  const chosen = String(view.overlayDisplay);
  // A chosen screen that is unplugged shows as automatic, which is what the overlay then does.
  select.value = options.some((o) => o.value === chosen) ? chosen : 'auto';
}

function render(view: DashboardView): void {
  shown.view = view;
  renderApprovals(view);
  const notice = byId('notice');
  notice.hidden = !view.notice || Date.now() - view.notice.at > 10 * 60_000;
  notice.textContent = view.notice
    ? say(view.notice.code === 'approval-timeout' ? 'approvalTimedOut' : 'conflict', {
        names: view.notice.deviceNames.join(', '),
        time: new Date(view.notice.at).toLocaleTimeString(),
      })
    : '';
  notice.dataset.code = view.notice?.code ?? '';
  byId<HTMLImageElement>('qr').src = view.qrDataUrl;
  byId('url').textContent = view.pairingUrl.replace(/#.*/, '');
  byId('host-name').textContent = view.hostName;
  byId('other-urls').textContent = view.otherUrls.length > 0 ? say('alsoAt', { list: view.otherUrls.join(', ') }) : '';
  byId('port-note').textContent = view.portNote ? say('portTaken', view.portNote) : '';
  const portInput = byId<HTMLInputElement>('port');
  if (document.activeElement !== portInput) portInput.value = String(view.port);
  byId<HTMLInputElement>('require-approval').checked = view.requireApproval;
  const input = byId('input');
  input.className = `input input-${view.input.status}`;
  input.dataset.code = view.input.code;
  input.textContent = sayInput(view.input.code, view.input.params ?? {});
  renderControl(view);
  renderDevices(view);
  renderOverlayChoice(view);
  renderAddressChoice(view);
  renderImpress(view);
  const inBrowser = view.shell === 'browser';
  byId('close-note').textContent = say(inBrowser ? 'closeTab' : view.closeKeepsRunning ? 'closeKeeps' : 'closeQuits');
  byId('quit').textContent = say(inBrowser ? 'stopHost' : 'quitApp');
  byId('quit').dataset.shell = view.shell;
  tick();
}

/** Impress's remote control: how to switch it on, the PIN to type once, or that it is connected. */
function renderImpress(view: DashboardView): void {
  const { status, pin, name, slides, focused } = view.impress;
  const section = byId('impress');
  // Not answering is said only while Impress is in front: everyone else has no use for it.
  section.hidden = status === 'off' || (status === 'no-answer' && !focused);
  section.dataset.status = status;
  byId('impress-text').textContent =
    status === 'waiting-for-pin'
      ? say('impressWaitingForPin', { pin, name })
      : status === 'connected'
        ? slides
          ? say('impressShowing', { slides })
          : say('impressConnected')
        : say('impressNoAnswer');
}

/** Counts down the QR code's and the questions' remaining time between views. */
function tick(): void {
  const current = shown.view;
  if (!current) return;
  renderReachHint(current);
  renderFirewallNote(current);
  byId('expires').textContent = say('newCodeIn', { time: countdown(current.pairingExpiresAt) });
  const talk = current.talk;
  const strip = byId('talk');
  strip.hidden = talk.status === 'idle';
  strip.dataset.level = talk.level;
  strip.dataset.status = talk.status;
  byId('talk-time').textContent = talkClock(talk.leftMs - (talk.status === 'running' ? Date.now() - talk.at : 0));
  for (const request of current.approvals) {
    const left = document.querySelector(`.approval[data-id="${request.id}"] .approval-expires`);
    if (left) left.textContent = say('approvalsExpires', { s: Math.max(0, Math.round((request.expiresAt - Date.now()) / 1000)) });
  }
}

// In a browser (the headless host's window) the bridge is made here; in the app the preload has made it.
installWebBridge();
document.documentElement.lang = dashboardChinese ? 'zh-CN' : 'en';
document.title = say('title');
for (const labelled of document.querySelectorAll<HTMLElement>('[data-say]')) {
  labelled.textContent = say(labelled.dataset.say as DashboardKey);
}
byId<HTMLImageElement>('qr').alt = say('qrAlt');
byId('renew').addEventListener('click', () => void window.deskremote.renewPairingCode());
byId<HTMLInputElement>('require-approval').addEventListener('change', (event) => {
  void window.deskremote.setApprovalRequired((event.target as HTMLInputElement).checked);
});
byId('port-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const port = Number(byId<HTMLInputElement>('port').value);
  if (Number.isInteger(port) && port >= 1024 && port <= 65535) void window.deskremote.setPort(port);
});
byId<HTMLSelectElement>('overlay-display').addEventListener('change', (event) => {
  const value = (event.target as HTMLSelectElement).value;
  void window.deskremote.setOverlayDisplay(value === 'auto' ? 'auto' : Number(value));
});
byId('quit').addEventListener('click', () => {
  const stopping = window.deskremote.quit();
  // In a browser the page outlives the host: say it has stopped rather than leave a page that no longer answers.
  if (shown.view?.shell === 'browser') void stopping.finally(() => showBlocked('stopped'));
});
/** A page that cannot show the host (no key, or the host is gone): one sentence instead of stale controls. */
function showBlocked(why: 'windowLocked' | 'windowLost' | 'stopped'): void {
  const blocked = byId('blocked');
  blocked.textContent = say(why);
  blocked.dataset.why = why;
  blocked.hidden = false;
  document.querySelector('main')?.setAttribute('inert', '');
}
wireControls();
window.deskremote.onView((view) => {
  byId('blocked').hidden = true;
  document.querySelector('main')?.removeAttribute('inert');
  render(view);
});
window.deskremote.view().then(render, () => showBlocked('windowLocked'));
// The browser page's link to the host (web-bridge.ts marks it): a host stopped in its terminal is said so.
new MutationObserver(() => {
  if (document.documentElement.dataset.link === 'lost' && shown.view && byId('blocked').dataset.why !== 'stopped')
    showBlocked('windowLost');
}).observe(document.documentElement, { attributes: true, attributeFilter: ['data-link'] });
setInterval(tick, 250);
