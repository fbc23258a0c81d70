/** What the headless host says in the terminal, in English or Simplified Chinese (from LANG). */
import type { InputIssueCode } from '@deskremote/shared';
import { sayArgsError as argsErrorWords } from './common/args-words.js';
import { firewallWords } from './common/firewall-words.js';
import { inputWords } from './common/input-words.js';
import { type Say, wordTable } from './common/word-table.js';
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
  askTooSoon:
    'That answer came before this question could be read, so it was not taken. Answer again: y allows, anything else refuses.',
  connected: 'Phone connected: {name}',
  disconnected: 'Phone disconnected: {name}',
  conflict:
    'Two phones used the same QR code ({names}): both were refused and a new code is shown. Someone may have photographed it.',
  stopping: '{signal}: releasing held keys and buttons, closing connections.',
  window: 'Desktop window (phones, settings, approvals), for this computer only: open {url} in your browser.',
  stoppedFromWindow: 'Stopped from the desktop window',
  argsError: '{error} See --help.',
  pauseHint: 'Type p and Enter to pause remote control (and again to resume).',
  pausedNow: 'Remote control paused: nothing the phones send reaches this computer. Type p and Enter to resume.',
  resumedNow: 'Remote control resumed.',
  cannotStart: 'DeskRemote could not start: {error}',
  unknownDevice: 'unknown device',
  portalGranted: 'Permission granted: the phones control this computer.',
  startBuilding: 'Building DeskRemote (something changed since the last build)…',
  startOldNode:
    'Node {version} is older than 22.12, which Electron 45 and its tools need: install Node 22 (for example `nvm install 22`).',
  startDownloading: "Downloading Electron's runtime (about 100 MB, on the first start only; this can take a few minutes)…",
  startFallback:
    'The desktop app cannot open here: {reason}. Running the headless host instead (the QR code is below; no laser pointer overlay or tray icon).',
  startNoElectronPackage: 'Electron is not installed (run `npm ci`)',
  startDownloadFailed: "Electron's runtime could not be downloaded ({detail}); connect to the internet and run `npm start` again",
  startNoDisplay: 'there is no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set, as over SSH)',
  startMissingLibraries:
    'libraries Electron needs are missing ({list}); on Debian or Ubuntu: sudo apt install libgtk-3-0 libnss3 libgbm1 libasound2',
  startExited: 'Electron stopped as it started ({detail})',
  startNoSandboxRoot:
    "Running as root: Chromium's sandbox does not run as root, so the app starts with --no-sandbox. Run `npm start` as your own user instead.",
  startNoSandboxAppArmor:
    "This system (Ubuntu 23.10 or later) forbids the sandbox Electron uses, so the app starts with --no-sandbox. Better: give Electron's sandbox helper its rights once, `sudo chown root:root {helper} && sudo chmod 4755 {helper}` (the installed .deb does this itself).",
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
  askTooSoon: '这个回答在问题还来不及看清时就到了，所以没有采用。请重新回答：输入 y 允许，其他任何内容拒绝。',
  connected: '手机已连接：{name}',
  disconnected: '手机已断开：{name}',
  conflict: '有两部手机使用了同一个二维码（{names}）：两者都已被拒绝，并已换新二维码。可能有人拍下了它。',
  stopping: '{signal}：正在松开按住的键和按钮，关闭连接。',
  window: '桌面窗口（手机、设置、配对确认），仅限本机使用：请在浏览器中打开 {url}',
  stoppedFromWindow: '已在桌面窗口中停止',
  argsError: '{error}请看 --help。',
  pauseHint: '输入 p 并回车可暂停远程控制（再输入一次即恢复）。',
  pausedNow: '远程控制已暂停：手机发送的任何操作都不会到达这台电脑。输入 p 并回车即可恢复。',
  resumedNow: '远程控制已恢复。',
  cannotStart: 'DeskRemote 无法启动：{error}',
  unknownDevice: '未知设备',
  portalGranted: '已获得权限：手机可以控制这台电脑了。',
  startBuilding: '正在构建 DeskRemote（上次构建后有改动）……',
  startOldNode: 'Node {version} 低于 Electron 45 及其工具所需的 22.12：请安装 Node 22（例如 `nvm install 22`）。',
  startDownloading: '正在下载 Electron 运行时（约 100 MB，仅首次启动需要，可能要几分钟）……',
  startFallback: '桌面应用无法在这里打开：{reason}。改为运行无界面主机（二维码在下方；没有激光笔叠加层和托盘图标）。',
  startNoElectronPackage: '没有安装 Electron（请运行 `npm ci`）',
  startDownloadFailed: '无法下载 Electron 运行时（{detail}）；请连上互联网后再运行 `npm start`',
  startNoDisplay: '没有图形显示（DISPLAY 和 WAYLAND_DISPLAY 都没有设置，比如通过 SSH 登录时）',
  startMissingLibraries:
    '缺少 Electron 需要的库（{list}）；Debian 或 Ubuntu 上可运行：sudo apt install libgtk-3-0 libnss3 libgbm1 libasound2',
  startExited: 'Electron 启动时就退出了（{detail}）',
  startNoSandboxRoot:
    '正以 root 身份运行：Chromium 的沙盒不能以 root 运行，所以应用带 --no-sandbox 启动。请改用你自己的用户运行 `npm start`。',
  startNoSandboxAppArmor:
    '这个系统（Ubuntu 23.10 或更新版本）禁止 Electron 使用的沙盒，所以应用带 --no-sandbox 启动。更好的办法是给 Electron 的沙盒助手授权一次：`sudo chown root:root {helper} && sudo chmod 4755 {helper}`（安装版 .deb 会自动完成）。',
};

// Windows sets no LANG: there the system's locale, as Node's Intl sees it, chooses.
const language =
  process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || Intl.DateTimeFormat().resolvedOptions().locale;

export const say: Say<Key> = wordTable(en, zh)(language);
/** Whether input reaches this computer: the desktop window's sentences, said in the terminal. */
export const sayInput: Say<InputIssueCode> = inputWords(language);
/** Windows' firewall question, and what to do when phones cannot get through. */
export const sayFirewall = firewallWords(language);

/** A command-line mistake, in the reader's language, with where to read the options. */
export function sayArgsError(error: HostArgsError): string {
  return say('argsError', { error: argsErrorWords(language, error) });
}
