/** The tray's words, in the system's language (English or Simplified Chinese). */
const en = {
  show: 'Show DeskRemote',
  newCode: 'New pairing code',
  quit: 'Quit',
  connected: 'DeskRemote: {n} phone(s) connected',
};
const zh: typeof en = {
  show: '显示 DeskRemote',
  newCode: '换一个配对二维码',
  quit: '退出',
  connected: 'DeskRemote：已连接 {n} 部手机',
};

export function trayWords(locale: string): typeof en {
  return /^zh/i.test(locale) ? zh : en;
}
