/**
 * The reader's language: the phone's own (navigator.languages) unless the reader chose another on the
 * page. English is bundled; Chinese is loaded only for readers who need it.
 */
import { en, type MessageKey, type Messages } from './en';

export type Language = 'en' | 'zh-CN';
export const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
const CHOICE_KEY = 'deskremote.language';

let language: Language = 'en';
let table: Messages = en;
const listeners = new Set<() => void>();

/** The language the phone asks for: its saved choice, else the first of its languages we speak. */
export function preferredLanguage(saved: string | null, languages: readonly string[]): Language {
  if (saved === 'en' || saved === 'zh-CN') return saved;
  for (const tag of languages) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

async function tableFor(next: Language): Promise<Messages> {
  return next === 'zh-CN' ? (await import('./zh-CN')).zhCN : en;
}

/** Loads and switches to a language; `remember` keeps the reader's choice on this phone. */
export async function switchLanguage(next: Language, remember = false): Promise<void> {
  table = await tableFor(next);
  language = next;
  document.documentElement.lang = next;
  if (remember) {
    try {
      localStorage.setItem(CHOICE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }
  for (const listener of listeners) listener();
}

export function initialLanguage(): Language {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(CHOICE_KEY);
  } catch {
    // Unreadable storage: follow the phone.
  }
  return preferredLanguage(saved, navigator.languages ?? [navigator.language]);
}

export function currentLanguage(): Language {
  return language;
}

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return table[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** For the interface: called when the language changes. */
export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type { MessageKey };
