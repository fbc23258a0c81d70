/**
 * A phone's own buttons in the desktop window: each with its label and what it does (keys and text, written as
 * deck-steps.ts reads them), added, changed, reordered and removed here, and saved for the phone.
 */
import type { DashboardView } from './bridge.js';
import { chordStep, type Deck, type DeckStep, parseSteps, stepsText } from './deck-steps.js';
import { element } from './dom.js';
import { type DashboardKey, dashboardChinese, say } from './words.js';

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
      // What it does, written out and editable: a change counts only once it reads as steps.
      const does = document.createElement('input');
      does.className = 'deck-does';
      does.value = stepsText(button.steps);
      does.setAttribute('aria-label', say('deckDoes', { label: button.label }));
      const problem = element('p', 'deck-problem deck-row-problem');
      problem.setAttribute('role', 'alert');
      does.addEventListener('input', () => {
        const parsed = parseSteps(does.value);
        does.setAttribute('aria-invalid', String(!parsed.ok));
        problem.textContent = parsed.ok ? '' : say('deckBadSteps', { near: parsed.near.slice(0, 40) });
        if (parsed.ok) draft = draft.map((b, i) => (i === index ? { ...b, steps: parsed.steps } : b));
      });
      row.append(label, does, move(-1, '↑', 'deckEarlier'), move(1, '↓', 'deckLater'), remove, problem);
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
