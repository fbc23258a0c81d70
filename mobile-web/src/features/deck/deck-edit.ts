/** Changes to a deck of buttons, pure: the panel shows the result and saves it whole. */
import { type DeckButton, type DeckStep, MAX_DECK_BUTTONS } from '@deskremote/shared';

export function newButtonId(deck: readonly DeckButton[]): string {
  const taken = new Set(deck.map((button) => button.id));
  for (let n = deck.length + 1; ; n++) if (!taken.has(`b${n}`)) return `b${n}`;
}

/** Adds or replaces (same id) a button; a full deck takes no more. */
export function putButton(deck: readonly DeckButton[], button: DeckButton): DeckButton[] {
  const index = deck.findIndex((b) => b.id === button.id);
  if (index >= 0) return deck.map((b, i) => (i === index ? button : b));
  return deck.length >= MAX_DECK_BUTTONS ? [...deck] : [...deck, button];
}

export function removeButton(deck: readonly DeckButton[], id: string): DeckButton[] {
  return deck.filter((button) => button.id !== id);
}

/** Moves a button one place earlier (-1) or later (+1); at an end it stays. */
export function moveButton(deck: readonly DeckButton[], id: string, by: -1 | 1): DeckButton[] {
  const from = deck.findIndex((button) => button.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= deck.length) return [...deck];
  const next = [...deck];
  const [moved] = next.splice(from, 1);
  if (moved) next.splice(to, 0, moved);
  return next;
}

/** "Ctrl+Shift+T", "“Best, Ann”": a step as the button's editor shows it. */
export function describeStep(step: DeckStep): string {
  if (step.t === 'text') return `“${step.text}”`;
  const mods = (step.mods ?? []).map((m) => ({ ctrl: 'Ctrl', alt: 'Alt', shift: 'Shift', meta: 'Super' })[m]);
  return [...mods, step.key.length === 1 ? step.key.toUpperCase() : step.key].join('+');
}

/** Buttons a new deck suggests, what people reach for from a sofa; labelled in the reader's language when added. */
type SuggestionLabel = 'deckReopenTab' | 'deckFullScreen' | 'deckSwitchWindow' | 'deckCloseTab' | 'deckReload';
export const SUGGESTED: readonly (Omit<DeckButton, 'id' | 'label'> & { label: SuggestionLabel })[] = [
  { label: 'deckReopenTab', icon: 'tab', steps: [{ t: 'key', key: 't', mods: ['ctrl', 'shift'] }] },
  { label: 'deckFullScreen', icon: 'fullscreen', steps: [{ t: 'key', key: 'F11' }] },
  { label: 'deckSwitchWindow', icon: 'window', steps: [{ t: 'key', key: 'Tab', mods: ['alt'] }] },
  { label: 'deckCloseTab', icon: 'close', steps: [{ t: 'key', key: 'w', mods: ['ctrl'] }] },
  { label: 'deckReload', icon: 'refresh', steps: [{ t: 'key', key: 'F5' }] },
];
