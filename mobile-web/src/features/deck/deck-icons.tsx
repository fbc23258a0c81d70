import { DECK_ICON_WORDS, type DeckIcon } from '@deskremote/shared';
import { currentLanguage } from '../../i18n/i18n';

/** The deck's icons: a path each, drawn in the text colour. */
const PATHS: Record<DeckIcon, string> = {
  star: 'M12 3l2.6 5.6 6.1.7-4.5 4.2 1.2 6L12 16.6 6.6 19.5l1.2-6L3.3 9.3l6.1-.7z',
  play: 'M7 4v16l13-8z',
  stop: 'M6 6h12v12H6z',
  tab: 'M3 6h7l2 3h9v11H3z',
  window: 'M3 5h18v14H3z M5 9h14v8H5z',
  fullscreen: 'M3 3h7v2H5v5H3z M14 3h7v7h-2V5h-5z M3 14h2v5h5v2H3z M19 14h2v7h-7v-2h5z',
  search: 'M10 3a7 7 0 1 1 0 14 7 7 0 0 1 0-14z M10 5a5 5 0 1 0 0 10 5 5 0 0 0 0-10z M15 16l2-2 5 5-2 2z',
  mic: 'M9 3h6v10H9z M6 11h2a4 4 0 0 0 8 0h2a6 6 0 0 1-5 5.9V20h3v2H8v-2h3v-3.1A6 6 0 0 1 6 11z',
  camera: 'M3 7h4l2-3h6l2 3h4v13H3z M12 9a4 4 0 1 0 0 8 4 4 0 0 0 0-8z',
  text: 'M4 4h16v4h-2V6h-5v12h3v2H8v-2h3V6H6v2H4z',
  refresh: 'M12 4a8 8 0 0 1 7.4 5H22l-3.5 4L15 9h2.2A6 6 0 1 0 18 15h2.1A8 8 0 1 1 12 4z',
  close: 'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z',
};

export function DeckIconView({ name, size = 28 }: { name: DeckIcon; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}

/** The icon's name in the page's language, for screen readers. */
export const iconName = (name: DeckIcon) => DECK_ICON_WORDS[name][currentLanguage() === 'zh-CN' ? 'zh' : 'en'];
