/**
 * Where phones reach this computer: the addresses the QR code may carry (real network cards first, VPNs and
 * virtual networks last), the one the person chose for it, and every name the Host and Origin headers may
 * carry (DNS rebinding is refused by that list).
 */
import { hostname as osHostname } from 'node:os';
import { isLoopbackBind, LOOPBACK_NAMES, lanAddresses, type NetworkAddress, networkAddresses } from './lan-addresses.js';

export class HostAddresses {
  private preferred: string | undefined;

  constructor(
    private readonly bind: string,
    /** Names the person gave this computer (--name): accepted, and the first goes in the QR code. */
    private readonly extraNames: readonly string[] = [],
    preferred?: string,
  ) {
    this.preferred = preferred === 'auto' ? undefined : preferred;
  }

  /** The addresses a phone can use, the likeliest first. */
  addresses(): string[] {
    if (isLoopbackBind(this.bind)) return ['127.0.0.1'];
    if (!this.servesAll()) return [this.bind];
    const lan = lanAddresses();
    return lan.length > 0 ? lan : ['127.0.0.1'];
  }

  /** The same, labelled for the person choosing among them. */
  labelled(): NetworkAddress[] {
    if (!this.servesAll())
      return [{ address: isLoopbackBind(this.bind) ? '127.0.0.1' : this.bind, interface: '', virtual: false }];
    return networkAddresses();
  }

  /** Every name the Host and Origin headers may carry. */
  names(): string[] {
    const loopback: string[] = [...LOOPBACK_NAMES, ...this.extraNames.map((n) => n.toLowerCase())];
    if (isLoopbackBind(this.bind)) return loopback;
    const name = osHostname().toLowerCase();
    return [...loopback, ...this.addresses(), name, `${name}.local`];
  }

  get chosen(): string | undefined {
    return this.preferred;
  }

  choose(address: string | 'auto'): void {
    this.preferred = address === 'auto' ? undefined : address;
  }

  /** What the QR code carries: a name given, else the chosen address while this computer has it, else the likeliest. */
  forCode(): string {
    const addresses = this.addresses();
    const preferred = this.preferred;
    return this.extraNames[0] ?? (preferred && addresses.includes(preferred) ? preferred : addresses[0]) ?? '127.0.0.1';
  }

  private servesAll(): boolean {
    return this.bind === '0.0.0.0' || this.bind === '::';
  }
}
