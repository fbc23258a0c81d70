/**
 * Reads classic libpcap files (what `tcpdump -w` writes; pcapng is not handled) and digs the TCP segment
 * out of each packet. Pure, so the parsing can be unit-tested on hand-built bytes without tcpdump.
 */

export const LINKTYPE = {
  ETHERNET: 1,
  RAW: 101,
  LINUX_SLL: 113,
  IPV4: 228,
  IPV6: 229,
  LINUX_SLL2: 276,
} as const;

export interface PcapFile {
  linkType: number;
  /** Each packet's captured bytes, starting at the link-layer header. */
  packets: Uint8Array[];
}

export interface TcpSegment {
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  seq: number;
  syn: boolean;
  fin: boolean;
  rst: boolean;
  payload: Uint8Array;
}

const GLOBAL_HEADER = 24;
const RECORD_HEADER = 16;
const ETHERTYPE_IPV4 = 0x0800;
const ETHERTYPE_IPV6 = 0x86dd;
const PROTOCOL_TCP = 6;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function parsePcap(file: Uint8Array): PcapFile {
  if (file.length < GLOBAL_HEADER) throw new Error(`not a pcap file: ${file.length} bytes, shorter than its 24-byte header`);
  const header = view(file);
  // The magic tells both the writer's byte order and the timestamp unit (µs or ns); timestamps are not
  // needed here, so the unit only matters for recognising the file.
  const magic = header.getUint32(0, true);
  let little: boolean;
  if (magic === 0xa1b2c3d4 || magic === 0xa1b23c4d) little = true;
  else if (magic === 0xd4c3b2a1 || magic === 0x4d3cb2a1) little = false;
  else throw new Error(`not a classic pcap file (magic 0x${magic.toString(16).padStart(8, '0')}; pcapng is not supported)`);
  // Newer writers keep FCS information in the top bits of the link-type field (libpcap's LT_LINKTYPE mask).
  const linkType = header.getUint32(20, little) & 0x03ffffff;
  const packets: Uint8Array[] = [];
  let offset = GLOBAL_HEADER;
  while (offset + RECORD_HEADER <= file.length) {
    const captured = header.getUint32(offset + 8, little);
    const start = offset + RECORD_HEADER;
    // A record cut short means the writer was killed mid-write: keep everything before it.
    if (captured > file.length - start) break;
    packets.push(file.subarray(start, start + captured));
    offset = start + captured;
  }
  return { linkType, packets };
}

/** The TCP segment in one captured packet, or undefined when it carries something else. */
export function decodeTcp(linkType: number, packet: Uint8Array): TcpSegment | undefined {
  const ip = networkLayer(linkType, packet);
  return ip && tcpInIp(ip);
}

function networkLayer(linkType: number, packet: Uint8Array): Uint8Array | undefined {
  const bytes = view(packet);
  const ipAfter = (typeOffset: number, payloadOffset: number): Uint8Array | undefined => {
    if (payloadOffset > packet.length) return undefined;
    const type = bytes.getUint16(typeOffset);
    return type === ETHERTYPE_IPV4 || type === ETHERTYPE_IPV6 ? packet.subarray(payloadOffset) : undefined;
  };
  switch (linkType) {
    case LINKTYPE.ETHERNET: {
      let typeOffset = 12;
      // 802.1Q / 802.1ad tags each push the EtherType four bytes further; lo has none, a bridge might.
      while (typeOffset + 2 <= packet.length && [0x8100, 0x88a8].includes(bytes.getUint16(typeOffset))) typeOffset += 4;
      return ipAfter(typeOffset, typeOffset + 2);
    }
    case LINKTYPE.LINUX_SLL:
      return ipAfter(14, 16);
    case LINKTYPE.LINUX_SLL2:
      return ipAfter(0, 20);
    case LINKTYPE.RAW:
    case LINKTYPE.IPV4:
    case LINKTYPE.IPV6:
      return packet;
    default:
      throw new Error(`unsupported pcap link type ${linkType}`);
  }
}

function tcpInIp(ip: Uint8Array): TcpSegment | undefined {
  if (ip.length < 1) return undefined;
  const bytes = view(ip);
  const version = ip[0]! >> 4;
  if (version === 4) {
    if (ip.length < 20 || ip[9] !== PROTOCOL_TCP) return undefined;
    // A fragment's TCP header may sit in another packet. Loopback's 64 KiB MTU never fragments TCP, so
    // fragments are left out rather than reassembled.
    if ((bytes.getUint16(6) & 0x3fff) !== 0) return undefined;
    const headerLength = (ip[0]! & 0x0f) * 4;
    // Trim to the IP total length, not the frame: Ethernet pads short frames to 60 bytes.
    const end = Math.min(bytes.getUint16(2), ip.length);
    return tcp(ip.subarray(headerLength, end), ip.subarray(12, 16).join('.'), ip.subarray(16, 20).join('.'));
  }
  if (version === 6) {
    if (ip.length < 40) return undefined;
    const end = Math.min(40 + bytes.getUint16(4), ip.length);
    let next = ip[6];
    let offset = 40;
    // Walk hop-by-hop, routing and destination-options headers to TCP; fragments are skipped as for IPv4.
    while (next === 0 || next === 43 || next === 60) {
      if (offset + 2 > end) return undefined;
      next = ip[offset];
      offset += (ip[offset + 1]! + 1) * 8;
    }
    if (next !== PROTOCOL_TCP || offset > end) return undefined;
    return tcp(ip.subarray(offset, end), ipv6(ip.subarray(8, 24)), ipv6(ip.subarray(24, 40)));
  }
  return undefined;
}

/** Eight uncompressed hex groups: only used to tell connections apart, never shown to a person. */
function ipv6(address: Uint8Array): string {
  const bytes = view(address);
  return Array.from({ length: 8 }, (_, i) => bytes.getUint16(i * 2).toString(16)).join(':');
}

function tcp(segment: Uint8Array, src: string, dst: string): TcpSegment | undefined {
  if (segment.length < 20) return undefined;
  const bytes = view(segment);
  const dataOffset = (segment[12]! >> 4) * 4;
  if (dataOffset < 20 || dataOffset > segment.length) return undefined;
  const flags = segment[13]!;
  return {
    src,
    dst,
    srcPort: bytes.getUint16(0),
    dstPort: bytes.getUint16(2),
    seq: bytes.getUint32(4),
    fin: (flags & 0x01) !== 0,
    syn: (flags & 0x02) !== 0,
    rst: (flags & 0x04) !== 0,
    payload: segment.subarray(dataOffset),
  };
}
