import { networkInterfaces } from 'node:os';

/**
 * Interfaces no phone on the Wi-Fi reaches the computer through: containers, virtual machines, VPNs (Linux,
 * macOS and Windows names). A phone would scan a code with such an address and never connect.
 */
const VIRTUAL_INTERFACE =
  /^(docker|br-|veth|virbr|vmnet|vboxnet|utun|tun|tap|zt|tailscale|wg|ppp|ipsec|nordlynx|proton|cloudflare|bridge\d|awdl|llw|vEthernet|VirtualBox|VMware|Hyper-V|Hamachi|OpenVPN|WireGuard|ZeroTier|Npcap)/i;
/** Tailscale and other carrier-grade NAT overlays (100.64.0.0/10). */
const CGNAT = /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./;

export interface NetworkAddress {
  address: string;
  /** The interface's name as the system gives it (wlan0, en0, "Wi-Fi"). */
  interface: string;
  /** A VPN, container or virtual machine network: listed last, and labelled so. */
  virtual: boolean;
}

const isVirtual = (name: string, address: string) => VIRTUAL_INTERFACE.test(name) || CGNAT.test(address);

function rank(name: string, address: string): number {
  let score = 0;
  if (isVirtual(name, address)) score += 10;
  if (address.startsWith('192.168.')) score += 0;
  else if (address.startsWith('10.')) score += 1;
  else if (/^172\.(1[6-9]|2\d|3[01])\./.test(address)) score += 2;
  else score += 3;
  return score;
}

/**
 * The IPv4 addresses a phone on the same network can reach this computer at, the likeliest first (real network
 * cards, a home Wi-Fi address first; VPNs, containers and virtual machines last).
 */
export function networkAddresses(interfaces = networkInterfaces()): NetworkAddress[] {
  const found: Array<NetworkAddress & { score: number }> = [];
  for (const [name, list] of Object.entries(interfaces)) {
    for (const info of list ?? []) {
      if (info.family !== 'IPv4' || info.internal || info.address.startsWith('169.254.')) continue;
      found.push({
        address: info.address,
        interface: name,
        virtual: isVirtual(name, info.address),
        score: rank(name, info.address),
      });
    }
  }
  return found.sort((a, b) => a.score - b.score).map(({ score: _score, ...address }) => address);
}

export function lanAddresses(interfaces = networkInterfaces()): string[] {
  return networkAddresses(interfaces).map((a) => a.address);
}

export const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;

export function isLoopbackBind(bind: string): boolean {
  return bind === '127.0.0.1' || bind === '::1' || bind === 'localhost';
}
