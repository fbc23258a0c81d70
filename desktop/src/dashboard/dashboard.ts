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

// biome-ignore lint/correctness/noUnusedVariables: called by dashboard-phones.ts, a plain script sharing this page's globals
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
type DeckStep = { t: 'key'; key: string; mods?: string[] } | { t: 'text'; text: string };

const MODIFIER_NAMES: Record<string, string> = {
  ctrl: 'ctrl',
  control: 'ctrl',
  strg: 'ctrl',
  shift: 'shift',
  alt: 'alt',
  option: 'alt',
  meta: 'meta',
  super: 'meta',
  win: 'meta',
  cmd: 'meta',
  command: 'meta',
};
const KEY_ALIASES: Record<string, string> = {
  esc: 'Escape',
  return: 'Enter',
  del: 'Delete',
  ins: 'Insert',
  pgup: 'PageUp',
  pgdn: 'PageDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  up: 'ArrowUp',
  down: 'ArrowDown',
  prtsc: 'PrintScreen',
};

/**
 * "Ctrl+Shift+T" as a key step: modifiers by their usual names, then one key (a character, or a name
 * such as F5, Enter, PageDown). Undefined when it is not of that shape; whether the key exists is the
 * host's to say (it checks the whole deck against the shared schema before saving).
 */
function chordStep(written: string): DeckStep | undefined {
  const parts = written
    .split('+')
    .map((part) => part.trim())
    .filter(Boolean);
  const last = parts.pop();
  if (!last) return undefined;
  const mods: string[] = [];
  for (const part of parts) {
    const mod = MODIFIER_NAMES[part.toLowerCase()];
    if (!mod || mods.includes(mod)) return undefined;
    mods.push(mod);
  }
  const lower = last.toLowerCase();
  const key =
    [...last].length === 1
      ? lower
      : (KEY_ALIASES[lower] ?? (/^f\d{1,2}$/.test(lower) ? lower.toUpperCase() : last[0]?.toUpperCase() + last.slice(1)));
  return mods.length > 0 ? { t: 'key', key, mods } : { t: 'key', key };
}

/** A form to add a button to a phone's deck: a label, an icon, and keys, text, or keys then text. */
function addButtonForm(icons: DashboardView['deckIcons'], onAdd: (button: Deck[number]) => void): HTMLElement {
  const form = element('form', 'deck-add');
  const label = document.createElement('input');
  label.maxLength = 24;
  label.placeholder = say('deckLabel');
  label.setAttribute('aria-label', say('deckLabel'));
  label.dataset.field = 'label';
  const icon = document.createElement('select');
  icon.setAttribute('aria-label', say('deckIcon'));
  icon.dataset.field = 'icon';
  for (const { name, en, zh } of icons) {
    icon.append(Object.assign(document.createElement('option'), { value: name, textContent: dashboardChinese ? zh : en }));
  }
  const keys = document.createElement('input');
  keys.placeholder = say('deckKeysHint');
  keys.setAttribute('aria-label', say('deckKeys'));
  keys.dataset.field = 'keys';
  const text = document.createElement('input');
  text.maxLength = 200;
  text.placeholder = say('deckTextHint');
  text.setAttribute('aria-label', say('deckText'));
  text.dataset.field = 'text';
  const add = element('button', 'deck-add-button', say('deckAdd'));
  add.type = 'submit';
  const problem = element('p', 'deck-problem');
  problem.setAttribute('role', 'alert');
  form.append(label, icon, keys, text, add, problem);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const steps: DeckStep[] = [];
    if (keys.value.trim()) {
      const step = chordStep(keys.value);
      if (!step) {
        problem.textContent = say('deckBadKeys', { keys: keys.value.trim() });
        return;
      }
      steps.push(step);
    }
    if (text.value) steps.push({ t: 'text', text: text.value });
    if (!label.value.trim() || steps.length === 0) {
      problem.textContent = say('deckIncomplete');
      return;
    }
    problem.textContent = '';
    onAdd({ id: `d${Date.now().toString(36)}`, label: label.value.trim(), icon: icon.value, steps });
    label.value = '';
    keys.value = '';
    text.value = '';
  });
  return form;
}

/** A phone's own buttons: added, renamed, reordered and removed here; saved for the phone, which shows them at once. */
// biome-ignore lint/correctness/noUnusedVariables: called by dashboard-phones.ts, a plain script sharing this page's globals
function deckEditor(deviceId: string, deck: Deck, icons: DashboardView['deckIcons']): HTMLElement {
  const box = document.createElement('details');
  box.className = 'deck';
  box.dataset.device = deviceId;
  const summary = element('summary', '', say('deckButtons', { n: deck.length }));
  box.append(summary);
  let draft = deck.map((button) => ({ ...button }));
  const rows = document.createElement('ol');
  const save = element('button', 'deck-save', say('deckSave'));
  save.type = 'button';
  const saved = element('p', 'deck-problem');
  saved.setAttribute('role', 'status');
  save.addEventListener('click', () => {
    saved.textContent = '';
    // The host checks the whole deck against the shared schema; a key it does not know is refused there.
    window.deskremote.saveDeck(deviceId, draft).then(
      () => {
        saved.textContent = say('deckSaved');
      },
      () => {
        saved.textContent = say('deckRefused');
      },
    );
  });
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
  const form = addButtonForm(icons, (button) => {
    draft = [...draft, button];
    summary.textContent = say('deckButtons', { n: draft.length });
    draw();
  });
  box.append(rows, form, save, saved);
  return box;
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
  renderControl(view);
  renderDevices(view);
  renderOverlayChoice(view);
  renderAddressChoice(view);
  const inBrowser = view.shell === 'browser';
  byId('close-note').textContent = say(inBrowser ? 'closeTab' : view.closeKeepsRunning ? 'closeKeeps' : 'closeQuits');
  byId('quit').textContent = say(inBrowser ? 'stopHost' : 'quitApp');
  byId('quit').dataset.shell = view.shell;
  tick();
}

/** Counts down the QR code's and the questions' remaining time between views. */
function tick(): void {
  if (!current) return;
  renderReachHint(current);
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
byId<HTMLSelectElement>('overlay-display').addEventListener('change', (event) => {
  const value = (event.target as HTMLSelectElement).value;
  void window.deskremote.setOverlayDisplay(value === 'auto' ? 'auto' : Number(value));
});
byId('quit').addEventListener('click', () => {
  const stopping = window.deskremote.quit();
  // In a browser the page outlives the host: say it has stopped rather than leave a page that no longer answers.
  if (current?.shell === 'browser') void stopping.finally(() => showBlocked('stopped'));
});
/** A page that cannot show the host (no key, or the host is gone): one sentence instead of stale controls. */
function showBlocked(why: 'windowLocked' | 'windowLost' | 'stopped'): void {
  const blocked = byId('blocked');
  blocked.textContent = say(why);
  blocked.dataset.why = why;
  blocked.hidden = false;
  document.querySelector('main')?.setAttribute('inert', '');
}
/** Views are shown once every script of the page has run (the phones' list and the controls are scripts of their own). */
function start(): void {
  window.deskremote.onView((view) => {
    byId('blocked').hidden = true;
    document.querySelector('main')?.removeAttribute('inert');
    render(view);
  });
  window.deskremote.view().then(render, () => showBlocked('windowLocked'));
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
// The browser page's link to the host (web-bridge.ts marks it): a host stopped in its terminal is said so.
new MutationObserver(() => {
  if (document.documentElement.dataset.link === 'lost' && current && byId('blocked').dataset.why !== 'stopped')
    showBlocked('windowLost');
}).observe(document.documentElement, { attributes: true, attributeFilter: ['data-link'] });
setInterval(tick, 250);
