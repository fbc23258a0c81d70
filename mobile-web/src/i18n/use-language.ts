import { useSyncExternalStore } from 'react';
import { currentLanguage, type Language, onLanguageChange } from './i18n';

/** Re-renders the caller when the language changes. Apart from i18n.ts so the entry needs no React. */
export function useLanguage(): Language {
  return useSyncExternalStore(onLanguageChange, currentLanguage);
}
