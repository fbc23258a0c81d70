/**
 * Every word the desktop window shows, in English and Simplified Chinese. The window follows the
 * system's language (Electron gives the page the system locale as navigator.language).
 */
const DASHBOARD_EN = {
  title: 'DeskRemote',
  talkTimer: 'Talk timer',
  deckButtons: 'Its buttons ({n})',
  deckSave: 'Save the buttons',
  deckLabel: 'Label',
  deckEarlier: 'Move earlier',
  deckLater: 'Move later',
  deckRemove: 'Remove this button',
  scan: 'Scan with your phone',
  qrAlt: 'QR code that pairs a phone with this computer',
  oneCode: 'Each code pairs one phone and then changes.',
  newCodeIn: 'A new code appears in {time}.',
  newCode: 'New code',
  alsoAt: 'Also reachable at {list}',
  phones: 'Phones',
  noPhones: 'No phone paired yet. Scan the code to pair one.',
  connected: 'connected',
  lastSeen: 'last seen {when}',
  justNow: 'just now',
  minutesAgo: '{n} min ago',
  hoursAgo: '{n} h ago',
  remove: 'Remove',
  removeTitle: 'Forget this phone and disconnect it now',
  port: 'Port',
  usePort: 'Use this port',
  portTaken: 'Port {wanted} was taken, so DeskRemote uses {used}.',
  sameNetwork: 'Phone and computer must be on the same network. Closing this window keeps DeskRemote in the tray.',
  approvalsTitle: 'Allow “{name}” to control this computer?',
  approvalsDevice: '{device} · from {address}',
  approvalsCode: 'Allow it only if the phone shows the same code:',
  approvalsExpires: 'Denied by itself in {s} s.',
  allow: 'Allow',
  deny: 'Deny',
  unknownDevice: 'Unknown device',
  askApproval: 'Ask me before a new phone can pair',
  conflict:
    'Two phones used the same QR code ({names}). Both were refused and a new code is shown: someone may have photographed it.',
  inputReady: 'Input is injected into this desktop.',
  inputChecking: 'Checking whether input can be injected…',
  inputNoDisplay: 'No X display (DISPLAY is not set): start DeskRemote from inside your desktop session.',
  inputDisplayUnreachable: 'The X display {display} cannot be reached for input: {error}',
  inputWayland:
    'Wayland session: input reaches only X11 (XWayland) windows. For full control log in with an X11 session (“GNOME on Xorg”, “Plasma (X11)”).',
  inputWaylandNoX11:
    'This Wayland session has no XWayland: DeskRemote cannot inject input. Log in with an X11 session (“GNOME on Xorg”, “Plasma (X11)”).',
  inputMacPermission: 'Allow DeskRemote in System Settings › Privacy & Security › Accessibility, then restart DeskRemote.',
  inputMacPermissionUnknown: 'macOS needs DeskRemote to be allowed under System Settings › Privacy & Security › Accessibility.',
  inputDriverFailed: 'The input driver failed to load: {error}',
  inputUnsupportedPlatform: 'Injecting input is not supported on {platform}.',
};
type DashboardKey = keyof typeof DASHBOARD_EN;

const DASHBOARD_ZH: Record<DashboardKey, string> = {
  title: 'DeskRemote',
  talkTimer: '演讲计时',
  deckButtons: '它的按钮（{n}）',
  deckSave: '保存按钮',
  deckLabel: '名称',
  deckEarlier: '往前移',
  deckLater: '往后移',
  deckRemove: '删除这个按钮',
  scan: '用手机扫码',
  qrAlt: '用于将手机与这台电脑配对的二维码',
  oneCode: '每个二维码只能配对一部手机，用过即换新。',
  newCodeIn: '{time} 后换新二维码。',
  newCode: '换一个二维码',
  alsoAt: '也可以通过 {list} 访问',
  phones: '手机',
  noPhones: '还没有配对的手机。扫描二维码即可配对。',
  connected: '已连接',
  lastSeen: '上次在线：{when}',
  justNow: '刚刚',
  minutesAgo: '{n} 分钟前',
  hoursAgo: '{n} 小时前',
  remove: '移除',
  removeTitle: '忘记这部手机并立即断开',
  port: '端口',
  usePort: '使用此端口',
  portTaken: '端口 {wanted} 已被占用，DeskRemote 改用 {used}。',
  sameNetwork: '手机和电脑必须在同一个网络中。关闭此窗口后 DeskRemote 会继续在托盘中运行。',
  approvalsTitle: '允许“{name}”控制这台电脑吗？',
  approvalsDevice: '{device} · 来自 {address}',
  approvalsCode: '只有当手机上显示相同的验证码时才允许：',
  approvalsExpires: '{s} 秒后自动拒绝。',
  allow: '允许',
  deny: '拒绝',
  unknownDevice: '未知设备',
  askApproval: '新手机配对前先询问我',
  conflict: '有两部手机使用了同一个二维码（{names}）。两者都已被拒绝，并已显示新的二维码：可能有人拍下了它。',
  inputReady: '输入会注入到这台电脑的桌面。',
  inputChecking: '正在检查能否注入输入…',
  inputNoDisplay: '没有 X 显示（未设置 DISPLAY）：请在桌面会话中启动 DeskRemote。',
  inputDisplayUnreachable: '无法连接 X 显示 {display} 来注入输入：{error}',
  inputWayland:
    'Wayland 会话：输入只能到达 X11（XWayland）窗口。要完全控制，请以 X11 会话登录（“GNOME on Xorg”或“Plasma (X11)”）。',
  inputWaylandNoX11:
    '这个 Wayland 会话没有 XWayland，DeskRemote 无法注入输入。请以 X11 会话登录（“GNOME on Xorg”或“Plasma (X11)”）。',
  inputMacPermission: '请在“系统设置 › 隐私与安全性 › 辅助功能”中允许 DeskRemote，然后重新启动 DeskRemote。',
  inputMacPermissionUnknown: 'macOS 需要在“系统设置 › 隐私与安全性 › 辅助功能”中允许 DeskRemote。',
  inputDriverFailed: '输入驱动加载失败：{error}',
  inputUnsupportedPlatform: '不支持在 {platform} 上注入输入。',
};

// biome-ignore lint/correctness/noUnusedVariables: read by dashboard.ts, a plain script sharing this page's globals
const DASHBOARD_INPUT_WORDS: Record<string, DashboardKey> = {
  ok: 'inputReady',
  checking: 'inputChecking',
  'no-display': 'inputNoDisplay',
  'display-unreachable': 'inputDisplayUnreachable',
  wayland: 'inputWayland',
  'wayland-no-x11': 'inputWaylandNoX11',
  'mac-permission': 'inputMacPermission',
  'mac-permission-unknown': 'inputMacPermissionUnknown',
  'driver-failed': 'inputDriverFailed',
  'unsupported-platform': 'inputUnsupportedPlatform',
};

const dashboardChinese = /^zh/i.test(navigator.language);

// biome-ignore lint/correctness/noUnusedVariables: called by dashboard.ts, a plain script sharing this page's globals
function say(key: DashboardKey, params: Record<string, string | number> = {}): string {
  return (dashboardChinese ? DASHBOARD_ZH : DASHBOARD_EN)[key].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(params[name] ?? ''),
  );
}
