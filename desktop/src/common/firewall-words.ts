/**
 * What to do about Windows' firewall, worded once for the desktop window and the terminal. The first time
 * DeskRemote listens, Windows Defender Firewall asks whether it may communicate on networks; only the box
 * for the kind of network Windows believes it is on matters, and a Wi-Fi that Windows calls public keeps
 * phones out whatever is ticked for private ones. The installer adds a rule for private networks itself
 * (build/installer.nsh), so this is for the portable build and for an answer given wrongly before.
 */
import { wordTable } from './word-table.js';

type FirewallKey = 'firewallPrompt' | 'firewallReach';

const en: Record<FirewallKey, string> = {
  firewallPrompt:
    'Windows may ask whether DeskRemote may communicate on networks: tick “Private networks” and choose “Allow access”. On a network Windows calls public, phones cannot reach this computer: make your home or office Wi-Fi private in Settings › Network & internet.',
  firewallReach:
    'Windows Defender Firewall: open “Allow an app through Windows Firewall” and tick Private for DeskRemote (or allow port {port}), and check that this Wi-Fi is a private network.',
};
const zh: Record<FirewallKey, string> = {
  firewallPrompt:
    'Windows 可能会询问是否允许 DeskRemote 在网络上通信：请勾选“专用网络”，然后点“允许访问”。在 Windows 视为“公用”的网络上，手机无法连接这台电脑：请在“设置 › 网络和 Internet”中把家里或办公室的 Wi-Fi 设为专用网络。',
  firewallReach:
    'Windows Defender 防火墙：打开“允许应用通过 Windows 防火墙”，为 DeskRemote 勾选“专用”（或放行端口 {port}），并确认这个 Wi-Fi 是专用网络。',
};

export const firewallWords = wordTable(en, zh);
