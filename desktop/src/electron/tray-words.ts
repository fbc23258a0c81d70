/** The tray's and the macOS menu bar's words, in the system's language (English or Simplified Chinese). */
import { wordTable } from '../common/word-table.js';

const en = {
  show: 'Show DeskRemote',
  newCode: 'New pairing code',
  quit: 'Quit',
  connected: 'DeskRemote: {n} phone(s) connected',
  controlling: 'DeskRemote: a phone is controlling this computer',
  paused: 'DeskRemote: remote control paused',
  pause: 'Pause remote control',
  about: 'About DeskRemote',
  hide: 'Hide DeskRemote',
  quitApp: 'Quit DeskRemote',
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  window: 'Window',
  minimize: 'Minimize',
  close: 'Close Window',
};
const zh: Record<keyof typeof en, string> = {
  show: '显示 DeskRemote',
  newCode: '换一个配对二维码',
  quit: '退出',
  connected: 'DeskRemote：已连接 {n} 部手机',
  controlling: 'DeskRemote：有手机正在控制这台电脑',
  paused: 'DeskRemote：远程控制已暂停',
  pause: '暂停远程控制',
  about: '关于 DeskRemote',
  hide: '隐藏 DeskRemote',
  quitApp: '退出 DeskRemote',
  edit: '编辑',
  undo: '撤销',
  redo: '重做',
  cut: '剪切',
  copy: '拷贝',
  paste: '粘贴',
  selectAll: '全选',
  window: '窗口',
  minimize: '最小化',
  close: '关闭窗口',
};

/** The tray's and menus' words for Electron's locale (app.getLocale()). */
export const trayWords = wordTable(en, zh);
