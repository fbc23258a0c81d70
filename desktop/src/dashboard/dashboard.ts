/**
 * The desktop window: new phones asking to pair, the QR code to scan, the phones paired and connected,
 * and the settings. Words come from dashboard-words.ts in the system's language; the host sends codes.
 */
const byId = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} missing`);
  return element as T;
};

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = ''): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  made.className = className;
  made.textContent = text;
  return made;
}

function timeAgo(at: number): string {
  const seconds = Math.round((Date.now() - at) / 1000);
  if (seconds < 60) return say('justNow');
  if (seconds < 3600) return say('minutesAgo', { n: Math.round(seconds / 60) });
  if (seconds < 86_400) return say('hoursAgo', { n: Math.round(seconds / 3600) });
  return new Date(at).toLocaleDateString();
}

function countdown(until: number): string {
  const seconds = Math.max(0, Math.round((until - Date.now()) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** "12:05", "1:02:03", "+0:42" over time: as the phones show it. */
function talkClock(leftMs: number): string {
  const over = leftMs < 0;
  const seconds = over ? Math.floor(-leftMs / 1000) : Math.ceil(leftMs / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${over ? '+' : ''}${h > 0 ? `${h}:` : ''}${mm}:${String(seconds % 60).padStart(2, '0')}`;
}

let current: DashboardView | undefined;

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

type Deck = DashboardView['devices'][number]['deck'];

/** A phone's own buttons: renamed, reordered and removed here; saved for the phone, which shows them at once. */
function deckEditor(deviceId: string, deck: Deck): HTMLElement {
  const box = document.createElement('details');
  box.className = 'deck';
  box.dataset.device = deviceId;
  const summary = element('summary', '', say('deckButtons', { n: deck.length }));
  box.append(summary);
  let draft = deck.map((button) => ({ ...button }));
  const rows = document.createElement('ol');
  const save = element('button', 'deck-save', say('deckSave'));
  save.type = 'button';
  save.addEventListener('click', () => void window.deskremote.saveDeck(deviceId, draft));
  const draw = () => {
    rows.replaceChildren();
    draft.forEach((button, index) => {
      const row = document.createElement('li');
      const label = document.createElement('input');
      label.value = button.label;
      label.maxLength = 24;
      label.setAttribute('aria-label', say('deckLabel'));
      label.addEventListener('input', () => {
        draft = draft.map((b, i) => (i === index ? { ...b, label: label.value } : b));
      });
      const move = (by: -1 | 1, text: string, title: DashboardKey) => {
        const control = element('button', '', text);
        control.type = 'button';
        control.title = say(title);
        control.disabled = index + by < 0 || index + by >= draft.length;
        control.addEventListener('click', () => {
          const next = [...draft];
          const [moved] = next.splice(index, 1);
          if (moved) next.splice(index + by, 0, moved);
          draft = next;
          draw();
        });
        return control;
      };
      const remove = element('button', '', '✕');
      remove.type = 'button';
      remove.title = say('deckRemove');
      remove.addEventListener('click', () => {
        draft = draft.filter((_, i) => i !== index);
        draw();
      });
      row.append(label, move(-1, '↑', 'deckEarlier'), move(1, '↓', 'deckLater'), remove);
      rows.append(row);
    });
  };
  draw();
  box.append(rows, save);
  return box;
}

function renderDevices(view: DashboardView): void {
  const list = byId('devices');
  // Editors left open while the person edits: a new view (a phone connecting) must not throw the edit away.
  const editing = new Map(
    [...list.querySelectorAll<HTMLDetailsElement>('details.deck[open]')].map((open) => [open.dataset.device, open]),
  );
  list.replaceChildren();
  if (view.devices.length === 0) list.append(element('li', 'empty', say('noPhones')));
  for (const device of view.devices) {
    const item = document.createElement('li');
    const remove = element('button', '', say('remove'));
    remove.title = say('removeTitle');
    remove.addEventListener('click', () => void window.deskremote.revokeDevice(device.id));
    item.append(
      element('span', `dot ${device.connected ? 'on' : 'off'}`),
      element('span', 'name', device.name),
      element('span', 'seen', device.connected ? say('connected') : say('lastSeen', { when: timeAgo(device.lastSeenAt) })),
      remove,
    );
    const open = editing.get(device.id);
    if (open) item.append(open);
    else if (device.deck.length > 0) item.append(deckEditor(device.id, device.deck));
    list.append(item);
  }
}

function render(view: DashboardView): void {
  current = view;
  renderApprovals(view);
  const notice = byId('notice');
  notice.hidden = !view.notice || Date.now() - view.notice.at > 10 * 60_000;
  notice.textContent = view.notice ? say('conflict', { names: view.notice.deviceNames.join(', ') }) : '';
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
  input.textContent = say(DASHBOARD_INPUT_WORDS[view.input.code] ?? 'inputDriverFailed', view.input.params ?? {});
  renderDevices(view);
  tick();
}

/** Counts down the QR code's and the questions' remaining time between views. */
function tick(): void {
  if (!current) return;
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
window.deskremote.onView(render);
void window.deskremote.view().then(render);
setInterval(tick, 250);
