import { LANGUAGES, type Language, switchLanguage } from '../i18n/i18n';
import { useLanguage } from '../i18n/use-language';

const NAMES: Record<Language, string> = { en: 'EN', 'zh-CN': '中文' };

/** The phone follows its own language; one tap shows the other (remembered on this phone). */
export function LanguageSwitch() {
  const language = useLanguage();
  const next = LANGUAGES[(LANGUAGES.indexOf(language) + 1) % LANGUAGES.length] ?? 'en';
  return (
    <button type="button" className="language" data-testid="language" lang={next} onClick={() => void switchLanguage(next, true)}>
      {NAMES[next]}
    </button>
  );
}
