/**
 * The deck icons' names, in both languages: one list for the phone's editor (read aloud by screen
 * readers) and the desktop window's icon menu, which words them in its own language.
 */
import type { DeckIcon } from './sofa.js';

export const DECK_ICON_WORDS: Record<DeckIcon, { en: string; zh: string }> = {
  star: { en: 'Star', zh: '星标' },
  play: { en: 'Play', zh: '播放' },
  stop: { en: 'Stop', zh: '停止' },
  tab: { en: 'Tab', zh: '标签页' },
  window: { en: 'Window', zh: '窗口' },
  fullscreen: { en: 'Full screen', zh: '全屏' },
  search: { en: 'Search', zh: '搜索' },
  mic: { en: 'Microphone', zh: '麦克风' },
  camera: { en: 'Camera', zh: '摄像头' },
  text: { en: 'Text', zh: '文字' },
  refresh: { en: 'Refresh', zh: '刷新' },
  close: { en: 'Close', zh: '关闭' },
};
