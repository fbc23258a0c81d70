/**
 * Whether input reaches this computer, and why not, worded once for the desktop side: the desktop window shows
 * these, and the terminal says the Wayland permission's changes with the same sentences. The host sends the code
 * (shared/ InputIssueCodes); the phone words the same codes in its own table.
 */
import type { InputIssueCode } from '@deskremote/shared';
import { wordTable } from './word-table.js';

const en: Record<InputIssueCode, string> = {
  ok: 'Input is injected into this desktop.',
  checking: 'Checking whether input can be injected…',
  'no-display': 'No X display (DISPLAY is not set): start DeskRemote from inside your desktop session.',
  'display-unreachable': 'The X display {display} cannot be reached for input: {error}',
  wayland:
    'This Wayland desktop has no RemoteDesktop portal (Sway and other wlroots compositors): input reaches only XWayland windows. GNOME and KDE Plasma allow full control.',
  'wayland-no-portal':
    'This Wayland desktop has neither a RemoteDesktop portal nor XWayland: DeskRemote cannot inject input. Use GNOME or KDE Plasma, or an X11 session.',
  'portal-not-asked': 'Wayland: permission to send input will be asked when a phone connects.',
  'portal-asking':
    'A phone wants to control this computer. In the “Remote desktop” window, tick “Allow remote interaction” and click “Share” (KDE Plasma: “Allow”).',
  'portal-refused': 'Permission to send input was refused. It will be asked again when a phone next sends input.',
  'portal-closed': 'Remote control was stopped. Permission will be asked again when a phone next sends input.',
  'portal-failed': 'The RemoteDesktop portal failed ({error}). It will be tried again when a phone next sends input.',
  'mac-permission': 'Allow DeskRemote in System Settings › Privacy & Security › Accessibility, then restart DeskRemote.',
  'mac-permission-unknown': 'macOS needs DeskRemote to be allowed under System Settings › Privacy & Security › Accessibility.',
  'text-ascii-only':
    'Only ASCII text can be typed: the exact-text typer did not load ({error}). The pointer, keys and shortcuts work.',
  'driver-failed': 'The input driver failed to load: {error}',
  'unsupported-platform': 'Injecting input is not supported on {platform}.',
  paused: 'Remote control is paused: nothing the phones send reaches this computer.',
};
const zh: Record<InputIssueCode, string> = {
  ok: '输入会注入到这台电脑的桌面。',
  checking: '正在检查能否注入输入…',
  'no-display': '没有 X 显示（未设置 DISPLAY）：请在桌面会话中启动 DeskRemote。',
  'display-unreachable': '无法连接 X 显示 {display} 来注入输入：{error}',
  wayland:
    '这个 Wayland 桌面没有 RemoteDesktop 门户（Sway 等基于 wlroots 的合成器）：输入只能到达 XWayland 窗口。GNOME 和 KDE Plasma 可以完全控制。',
  'wayland-no-portal':
    '这个 Wayland 桌面既没有 RemoteDesktop 门户，也没有 XWayland，DeskRemote 无法注入输入。请使用 GNOME 或 KDE Plasma，或者 X11 会话。',
  'portal-not-asked': 'Wayland：手机连接时会请求发送输入的权限。',
  'portal-asking': '有手机想控制这台电脑。请在“远程桌面”窗口中勾选“允许远程交互”，然后点击“分享”（KDE Plasma 上点击“允许”）。',
  'portal-refused': '发送输入的权限被拒绝。手机下次发送输入时会再次请求。',
  'portal-closed': '远程控制已停止。手机下次发送输入时会再次请求权限。',
  'portal-failed': 'RemoteDesktop 门户出错（{error}）。手机下次发送输入时会重试。',
  'mac-permission': '请在“系统设置 › 隐私与安全性 › 辅助功能”中允许 DeskRemote，然后重新启动 DeskRemote。',
  'mac-permission-unknown': 'macOS 需要在“系统设置 › 隐私与安全性 › 辅助功能”中允许 DeskRemote。',
  'text-ascii-only': '只能输入 ASCII 文字：精确输入文字的组件没有加载（{error}）。指针、按键和快捷键都能正常使用。',
  'driver-failed': '输入驱动加载失败：{error}',
  'unsupported-platform': '不支持在 {platform} 上注入输入。',
  paused: '远程控制已暂停：手机发送的任何操作都不会到达这台电脑。',
};

export const inputWords = wordTable(en, zh);
