/**
 * A phone's own buttons in the desktop window: each with its label and what it does (keys and text, written as
 * deck-steps.ts reads them), added, changed, reordered and removed here, and saved for the phone.
 */
import type { DashboardView } from './bridge.js';
import { element } from './dom.js';
import { type DashboardKey, dashboardChinese, say } from './words.js';

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
export function deckEditor(deviceId: string, deck: Deck, icons: DashboardView['deckIcons']): HTMLElement {
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
