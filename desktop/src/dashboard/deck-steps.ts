/**
 * What a deck button does, as the desktop window writes it and reads it back: its steps in order, separated by
 * commas, a key combination as people write one (Ctrl+Shift+T, F5, Enter) and text in double quotes
 * ("Best regards,"). Pure, so it is unit-tested; whether a key exists is the host's to say (it checks the whole
 * deck against the shared schema before saving).
 */
import { KeyNames } from '../../../shared/src/keys.js';
import type { DashboardView } from './bridge.js';

export type Deck = DashboardView['devices'][number]['deck'];
export type DeckStep = { t: 'key'; key: string; mods?: string[] } | { t: 'text'; text: string };

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
  comma: ',',
  space: 'Space',
};
/** The keys the host knows, found whatever their case ("pagedown", "PAGEDOWN" and "PageDown" alike). */
const KEY_BY_LOWER = new Map<string, string>(KeyNames.map((key) => [key.toLowerCase(), key]));

/**
 * "Ctrl+Shift+T" as a key step: modifiers by their usual names, then one key (a character, or a name
 * such as F5, Enter, PageDown). Undefined when it is not of that shape; whether the key exists is the
 * host's to say (it checks the whole deck against the shared schema before saving).
 */
export function chordStep(written: string): DeckStep | undefined {
  const parts = written
    .split('+')
    .map((part) => part.trim())
    .filter(Boolean);
  const last = parts.pop();
  // "Ctrl+" and "Ctrl" alone name no key to press.
  if (!last || written.trim().endsWith('+') || MODIFIER_NAMES[last.toLowerCase()]) return undefined;
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
      : (KEY_ALIASES[lower] ?? KEY_BY_LOWER.get(lower) ?? (/^f\d{1,2}$/.test(lower) ? lower.toUpperCase() : last));
  return mods.length > 0 ? { t: 'key', key, mods } : { t: 'key', key };
}

const MODIFIER_SHOWN: Record<string, string> = { ctrl: 'Ctrl', alt: 'Alt', shift: 'Shift', meta: 'Super' };

function chordText(step: { key: string; mods?: string[] }): string {
  // A comma is the steps' separator: the key is written by its name.
  const key = step.key === ',' ? 'Comma' : [...step.key].length === 1 ? step.key.toUpperCase() : step.key;
  return [...(step.mods ?? []).map((mod) => MODIFIER_SHOWN[mod] ?? mod), key].join('+');
}

/** A button's steps as the window shows them: `Ctrl+Shift+T, "Best regards,", Enter`. */
export function stepsText(steps: readonly unknown[]): string {
  return steps
    .map((step) => {
      const s = step as DeckStep;
      return s.t === 'text' ? `"${s.text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : chordText(s);
    })
    .join(', ');
}

/** The steps written in the window, or where the writing stops making sense. */
export function parseSteps(written: string): { ok: true; steps: DeckStep[] } | { ok: false; near: string } {
  const steps: DeckStep[] = [];
  let at = 0;
  const skipSpace = () => {
    while (at < written.length && /\s/.test(written[at] ?? '')) at++;
  };
  for (skipSpace(); at < written.length; skipSpace()) {
    if (written[at] === '"') {
      let text = '';
      let closed = false;
      for (at++; at < written.length; at++) {
        const char = written[at];
        if (char === '\\' && at + 1 < written.length) text += written[++at];
        else if (char === '"') {
          closed = true;
          at++;
          break;
        } else text += char;
      }
      if (!closed || text === '') return { ok: false, near: written.slice(Math.max(0, written.lastIndexOf('"', at - 1))) };
      steps.push({ t: 'text', text });
    } else {
      const end = written.indexOf(',', at);
      const token = written.slice(at, end < 0 ? written.length : end).trim();
      const step = chordStep(token);
      if (!step) return { ok: false, near: token || written.slice(at) };
      steps.push(step);
      at = end < 0 ? written.length : end;
    }
    skipSpace();
    if (at < written.length) {
      if (written[at] !== ',') return { ok: false, near: written.slice(at) };
      at++;
    }
  }
  return steps.length > 0 ? { ok: true, steps } : { ok: false, near: '' };
}
