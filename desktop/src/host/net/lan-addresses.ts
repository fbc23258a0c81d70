import { networkInterfaces } from 'node:os';

const VIRTUAL_INTERFACE = /^(docker|br-|veth|virbr|vmnet|vboxnet|utun|tun|tap|zt|tailscale|wg)/i;

function rank(name: string, address: string): number {
  let score = 0;
  if (VIRTUAL_INTERFACE.test(name)) score += 10;
  if (address.startsWith('192.168.')) score += 0;
  else if (address.startsWith('10.')) score += 1;
  else if (/^172\.(1[6-9]|2\d|3[01])\./.test(address)) score += 2;
  else score += 3;
  return score;
}

/**
 * The IPv4 addresses a phone on the same network can reach this computer at, the likeliest first
 * (a home Wi-Fi address before a VPN or container bridge).
 */
export function lanAddresses(interfaces = networkInterfaces()): string[] {
  const found: Array<{ address: string; score: number }> = [];
  for (const [name, list] of Object.entries(interfaces)) {
    for (const info of list ?? []) {
      if (info.family !== 'IPv4' || info.internal || info.address.startsWith('169.254.')) continue;
      found.push({ address: info.address, score: rank(name, info.address) });
    }
  }
  return found.sort((a, b) => a.score - b.score).map((f) => f.address);
}

export const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;

export function isLoopbackBind(bind: string): boolean {
  return bind === '127.0.0.1' || bind === '::1' || bind === 'localhost';
}
