/** What the headless host says in the terminal, in English or Simplified Chinese (from LANG). */
import type { HostArgsError } from './host/host-args.js';

const en = {
  running: 'DeskRemote {version} on port {port}. Ctrl+C quits.',
  portTaken: 'port {wanted} was taken, so DeskRemote uses {used}',
  scan: "Scan the code with your phone's camera, or open this on the phone:",
  otherAddresses: 'Other addresses of this computer: {list}',
  oneTime: 'Each code pairs one phone and expires at {time}; a new one appears by itself.',
  approveAllOn: 'Approvals are off (--approve-all): any phone with the code pairs at once.',
  ask: 'Allow "{name}" ({device}) at {address} to control this computer? The phone shows code {code}. [y/N] ',
  allowed: 'Allowed.',
  denied: 'Denied.',
  askExpired: '(no answer in time: denied)',
  connected: 'Phone connected: {name}',
  disconnected: 'Phone disconnected: {name}',
  conflict:
    'Two phones used the same QR code ({names}): both were refused and a new code is shown. Someone may have photographed it.',
  stopping: '{signal}: releasing held keys and buttons, closing connections.',
  cannotStart: 'DeskRemote could not start: {error}',
  badPort: '--port must be a port number from 0 to 65535, not "{value}"',
  badValue: '{option} needs a value (or takes none); see --help',
  unknownOption: 'unknown option {option}; see --help',
  unexpectedArgument: 'unexpected argument "{value}"; see --help',
  unknownDevice: 'unknown device',
  portalAsking:
    'A phone wants to control this computer: in the "Remote desktop" window, tick "Allow remote interaction" and click "Share" (KDE Plasma: "Allow").',
  portalGranted: 'Permission granted: the phones control this computer.',
  portalRefused: 'Permission was refused: it will be asked again when a phone next sends input.',
  portalClosed: 'Remote control was stopped: permission will be asked again when a phone next sends input.',
  portalFailed: 'The RemoteDesktop portal failed ({error}): it will be tried again when a phone next sends input.',
};
type Key = keyof typeof en;
const zh: Record<Key, string> = {
  running: 'DeskRemote {version} 正在端口 {port} 上运行。按 Ctrl+C 退出。',
  portTaken: '端口 {wanted} 已被占用，改用 {used}',
  scan: '用手机相机扫描二维码，或在手机上打开：',
  otherAddresses: '本机的其他地址：{list}',
  oneTime: '每个二维码只能配对一部手机，{time} 失效，之后会自动换新。',
  approveAllOn: '已关闭确认（--approve-all）：任何持有二维码的手机都会直接配对。',
  ask: '允许“{name}”（{device}，地址 {address}）控制这台电脑吗？手机上显示的验证码是 {code}。[y/N] ',
  allowed: '已允许。',
  denied: '已拒绝。',
  askExpired: '（未及时回答，已拒绝）',
  connected: '手机已连接：{name}',
  disconnected: '手机已断开：{name}',
  conflict: '有两部手机使用了同一个二维码（{names}）：两者都已被拒绝，并已换新二维码。可能有人拍下了它。',
  stopping: '{signal}：正在松开按住的键和按钮，关闭连接。',
  cannotStart: 'DeskRemote 无法启动：{error}',
  badPort: '--port 需要 0 到 65535 之间的端口号，而不是“{value}”',
  badValue: '{option} 的值不对（缺少值，或不该带值）；请看 --help',
  unknownOption: '不认识的选项 {option}；请看 --help',
  unexpectedArgument: '多余的参数“{value}”；请看 --help',
  unknownDevice: '未知设备',
  portalAsking: '有手机想控制这台电脑：请在“远程桌面”窗口中勾选“允许远程交互”，然后点击“分享”（KDE Plasma 上点击“允许”）。',
  portalGranted: '已获得权限：手机可以控制这台电脑了。',
  portalRefused: '权限被拒绝：手机下次发送输入时会再次请求。',
  portalClosed: '远程控制已停止：手机下次发送输入时会再次请求权限。',
  portalFailed: 'RemoteDesktop 门户出错（{error}）：手机下次发送输入时会重试。',
};

const ARGS_ERROR_WORDS = {
  'bad-port': 'badPort',
  'bad-value': 'badValue',
  'unknown-option': 'unknownOption',
  'unexpected-argument': 'unexpectedArgument',
} as const satisfies Record<HostArgsError['code'], Key>;

const chinese = /^zh/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');

export function say(key: Key, params: Record<string, string | number> = {}): string {
  return (chinese ? zh : en)[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** A command-line mistake, in the reader's language. */
export function sayArgsError(error: HostArgsError): string {
  const { code, ...params } = error;
  return say(ARGS_ERROR_WORDS[code], params);
}
