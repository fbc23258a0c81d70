/**
 * The one way the desktop side words things (the terminal, the tray and menus, the start-up dialog, the desktop
 * window): a table of sentences in English, the same keys in Simplified Chinese, and `{name}` filled from
 * parameters. English is the typed set of keys; a Chinese table missing one does not compile.
 */
export type WordParams = Record<string, string | number>;

/** Chinese for a language tag or locale such as zh-CN, zh_TW.UTF-8; English for anything else. */
export function isChinese(language: string | undefined): boolean {
  return /^zh/i.test(language ?? '');
}

export function fillWords(template: string, params: WordParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

export type Say<K extends string> = (key: K, params?: WordParams) => string;

/** A table's words for one language: say(key, params). */
export function wordTable<K extends string>(
  en: Record<K, string>,
  zh: Record<K, string>,
): (language: string | undefined) => Say<K> {
  return (language) => {
    const words = isChinese(language) ? zh : en;
    return (key, params) => fillWords(words[key], params);
  };
}
