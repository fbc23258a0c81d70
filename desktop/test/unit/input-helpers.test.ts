import { describe, expect, it } from 'vitest';
import { asciiTextProblem, splitTextRuns } from '../../src/host/input/ascii-text.js';
import { keysymForChar, x11TextProblem } from '../../src/host/input/backends/x11/x11-keysyms.js';
import { assessEnvironment } from '../../src/host/input/input-availability.js';
import { lanAddresses, networkAddresses } from '../../src/host/net/lan-addresses.js';
import { CLICKER_PROFILE, defaultProfileId, slideProfile } from '../../src/host/presenter/slide-profiles.js';

describe('input availability', () => {
  it('says plainly when there is no display, or a Wayland session', () => {
    expect(assessEnvironment('linux', {})).toMatchObject({ status: 'unavailable', code: 'no-display' });
    expect(assessEnvironment('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toMatchObject({
      status: 'unavailable',
      code: 'wayland-no-portal',
    });
    expect(assessEnvironment('linux', { DISPLAY: ':0', XDG_SESSION_TYPE: 'wayland' })).toMatchObject({
      status: 'limited',
      code: 'wayland',
    });
    expect(assessEnvironment('linux', { DISPLAY: ':0', XDG_SESSION_TYPE: 'x11' })).toBeUndefined();
    expect(assessEnvironment('darwin', {})).toMatchObject({ code: 'mac-permission-unknown' });
    expect(assessEnvironment('win32', {})).toBeUndefined();
    expect(assessEnvironment('aix', {})).toEqual({
      status: 'unavailable',
      code: 'unsupported-platform',
      params: { platform: 'aix' },
    });
  });
});

describe('X11 keysyms', () => {
  it('maps Latin-1 to itself and the rest of Unicode to 0x01000000 + code point', () => {
    expect(keysymForChar('a')).toBe(0x61);
    expect(keysymForChar('é')).toBe(0xe9);
    expect(keysymForChar('€')).toBe(0x010020ac);
    expect(keysymForChar('😀')).toBe(0x0101f600);
    expect(keysymForChar('\n')).toBe(0xff0d);
    expect(keysymForChar('\u0007')).toBeUndefined();
    expect(x11TextProblem('wörld 你好 😀\n\t')).toBeUndefined();
    expect(x11TextProblem('a\u001bb')).toEqual({ char: 'U+001b', reason: 'control' });
  });
});

describe('ASCII text (platforms without an exact Unicode route yet)', () => {
  it('refuses what it would mangle and splits line breaks and tabs into keys', () => {
    expect(asciiTextProblem('Hello, world! ~')).toBeUndefined();
    expect(asciiTextProblem('wörld')).toEqual({ char: 'ö', reason: 'ascii-only' });
    expect(splitTextRuns('a\nb\tc')).toEqual([{ chars: 'a' }, { key: 'Enter' }, { chars: 'b' }, { key: 'Tab' }, { chars: 'c' }]);
  });
});

describe('slide profiles', () => {
  it('sends what a presentation clicker sends, and Keynote’s start on macOS', () => {
    expect(CLICKER_PROFILE.keys.next).toEqual([{ key: 'PageDown', mods: [] }]);
    expect(defaultProfileId('linux')).toBe('clicker');
    expect(defaultProfileId('darwin')).toBe('keynote');
    expect(slideProfile('keynote').keys.startHere).toEqual([{ key: 'p', mods: ['alt', 'meta'] }]);
  });
});

describe('LAN addresses', () => {
  it('lists reachable IPv4 addresses, home Wi-Fi before VPNs and containers', () => {
    const nic = (address: string, internal = false) => ({
      address,
      family: 'IPv4' as const,
      internal,
      netmask: '',
      mac: '',
      cidr: null,
    });
    const list = lanAddresses({
      lo: [nic('127.0.0.1', true)],
      docker0: [nic('172.17.0.1')],
      tun0: [nic('10.8.0.2')],
      wlan0: [nic('192.168.1.20'), { ...nic('fe80::1'), family: 'IPv6' as const, scopeid: 0 }],
      eth1: [nic('169.254.3.3')],
    });
    expect(list).toEqual(['192.168.1.20', '10.8.0.2', '172.17.0.1']);
  });

  it('labels VPN, container and virtual machine networks, with Windows’ and macOS’ names, and puts them last', () => {
    const nic = (address: string) => ({ address, family: 'IPv4' as const, internal: false, netmask: '', mac: '', cidr: null });
    const list = networkAddresses({
      'vEthernet (WSL)': [nic('172.29.16.1')],
      'VirtualBox Host-Only Network': [nic('192.168.56.1')],
      Tailscale: [nic('100.101.2.3')],
      'Wi-Fi': [nic('10.0.0.12')],
      en0: [nic('192.168.0.7')],
      tailnet: [nic('100.64.0.9')],
    });
    expect(list.slice(0, 2).map((a) => [a.interface, a.virtual])).toEqual([
      ['en0', false],
      ['Wi-Fi', false],
    ]);
    expect(new Set(list.slice(2).map((a) => a.interface))).toEqual(
      new Set(['VirtualBox Host-Only Network', 'tailnet', 'Tailscale', 'vEthernet (WSL)']),
    );
    expect(list.slice(2).every((a) => a.virtual)).toBe(true);
  });
});
