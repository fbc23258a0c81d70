import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import {
  type CapturedTraffic,
  containsBytes,
  containsText,
  decodeCapture,
  startLoopbackCapture,
  type WsFrame,
} from '../e2e/support/loopback-capture.js';
import { LINKTYPE, parsePcap } from '../e2e/support/pcap.js';
import { concatBytes } from '../e2e/support/tcp-streams.js';
import { parseWsFrames, upgradedFrames } from '../e2e/support/ws-frames.js';

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);
const frame = (direction: WsFrame['direction'], opcode: number, payload: Uint8Array, fin = true): WsFrame => ({
  direction,
  fin,
  opcode,
  payload,
});

describe('WebSocket frame parser', () => {
  // The byte sequences are the examples of RFC 6455 section 5.7, not output of an encoder written here.
  it('decodes the RFC 6455 examples: unmasked, masked, fragmented and ping', () => {
    const wire = concatBytes([
      bytes(0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f),
      bytes(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58),
      bytes(0x01, 0x03, 0x48, 0x65, 0x6c),
      bytes(0x80, 0x02, 0x6c, 0x6f),
      bytes(0x89, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f),
    ]);
    expect(parseWsFrames(wire, 'c2s')).toEqual([
      frame('c2s', 1, utf8('Hello')),
      frame('c2s', 1, utf8('Hello')),
      frame('c2s', 1, utf8('Hel'), false),
      frame('c2s', 0, utf8('lo')),
      frame('c2s', 9, utf8('Hello')),
    ]);
  });

  it('reads 16-bit and 64-bit lengths, masked or not', () => {
    const small = Uint8Array.from({ length: 256 }, (_, i) => i);
    const large = Uint8Array.from({ length: 65_536 }, (_, i) => (i * 7) & 0xff);
    const key = bytes(0xa1, 0x02, 0xb3, 0x04);
    const masked = small.map((b, i) => b ^ key[i & 3]!);
    const wire = concatBytes([
      bytes(0x82, 0x7e, 0x01, 0x00),
      small,
      bytes(0x82, 0xfe, 0x01, 0x00),
      key,
      masked,
      bytes(0x82, 0x7f, 0, 0, 0, 0, 0, 0x01, 0x00, 0x00),
      large,
    ]);
    expect(parseWsFrames(wire, 's2c')).toEqual([frame('s2c', 2, small), frame('s2c', 2, small), frame('s2c', 2, large)]);
  });

  it('stops at a truncated final frame, whether cut in the header, the mask or the payload', () => {
    const whole = bytes(0x81, 0x02, 0x68, 0x69);
    for (const tail of [bytes(0x82), bytes(0x82, 0x7e, 0x01), bytes(0x82, 0x85, 1, 2), bytes(0x82, 0x7e, 0x01, 0x00, 1, 2, 3)]) {
      expect(parseWsFrames(concatBytes([whole, tail]), 'c2s')).toEqual([frame('c2s', 1, utf8('hi'))]);
    }
  });

  it('skips the HTTP upgrade, and finds no frames when the server did not answer 101', () => {
    const request = utf8('GET / HTTP/1.1\r\nUpgrade: websocket\r\n\r\n');
    const hello = bytes(0x81, 0x82, 1, 2, 3, 4, 0x68 ^ 1, 0x69 ^ 2);
    const reply = bytes(0x81, 0x02, 0x6f, 0x6b);
    const accepted = utf8('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n');
    expect(upgradedFrames(concatBytes([request, hello]), concatBytes([accepted, reply]))).toEqual([
      frame('c2s', 1, utf8('hi')),
      frame('s2c', 1, utf8('ok')),
    ]);
    const refused = utf8('HTTP/1.1 403 Forbidden\r\nContent-Length: 2\r\n\r\n');
    expect(upgradedFrames(concatBytes([request, hello]), concatBytes([refused, reply]))).toEqual([]);
    expect(upgradedFrames(concatBytes([request, hello]), new Uint8Array(0))).toEqual([]);
  });
});

// Hand-built captures for what a loopback capture on this machine does not produce: other link types,
// byte orders, IPv6, reordering, retransmission, sequence wrap-around, a torn final record.
interface Packet {
  client: boolean;
  seq: number;
  flags?: number;
  data?: Uint8Array;
}
const SYN = 0x02;
const SERVER_PORT = 8443;
const CLIENT_PORT = 50_000;

function tcpHeader({ client, seq, flags = 0x18 }: Packet): Uint8Array {
  const header = new Uint8Array(20);
  const view = new DataView(header.buffer);
  view.setUint16(0, client ? CLIENT_PORT : SERVER_PORT);
  view.setUint16(2, client ? SERVER_PORT : CLIENT_PORT);
  view.setUint32(4, seq);
  header[12] = 5 << 4;
  header[13] = flags;
  return header;
}

function ipv4(packet: Packet): Uint8Array {
  const tcp = concatBytes([tcpHeader(packet), packet.data ?? new Uint8Array(0)]);
  const header = bytes(0x45, 0, 0, 0, 0, 0, 0x40, 0, 64, 6, 0, 0, 127, 0, 0, 1, 127, 0, 0, 1);
  new DataView(header.buffer).setUint16(2, 20 + tcp.length);
  return concatBytes([header, tcp]);
}

function ipv6(packet: Packet): Uint8Array {
  const tcp = concatBytes([tcpHeader(packet), packet.data ?? new Uint8Array(0)]);
  const header = new Uint8Array(40);
  header[0] = 0x60;
  new DataView(header.buffer).setUint16(4, tcp.length);
  header[6] = 6;
  header[23] = 1; // ::1
  header[39] = 1;
  return concatBytes([header, tcp]);
}

function pcap(linkType: number, frames: Uint8Array[], { bigEndian = false, nanoseconds = false } = {}): Uint8Array {
  const header = new DataView(new ArrayBuffer(24));
  header.setUint32(0, nanoseconds ? 0xa1b23c4d : 0xa1b2c3d4, !bigEndian);
  header.setUint16(4, 2, !bigEndian);
  header.setUint16(6, 4, !bigEndian);
  header.setUint32(16, 262_144, !bigEndian);
  header.setUint32(20, linkType, !bigEndian);
  const records = frames.map((data) => {
    const record = new DataView(new ArrayBuffer(16));
    record.setUint32(8, data.length, !bigEndian);
    record.setUint32(12, data.length, !bigEndian);
    return concatBytes([new Uint8Array(record.buffer), data]);
  });
  return concatBytes([new Uint8Array(header.buffer), ...records]);
}

const ethernet = (ip: Uint8Array, type = 0x0800) =>
  concatBytes([new Uint8Array(12), bytes(type >> 8, type & 0xff), ip, new Uint8Array(Math.max(0, 46 - ip.length))]);
const sll = (ip: Uint8Array) => concatBytes([new Uint8Array(14), bytes(0x08, 0x00), ip]);
const sll2 = (ip: Uint8Array) => concatBytes([bytes(0x86, 0xdd), new Uint8Array(18), ip]);

describe('pcap decoding and TCP reassembly', () => {
  const request = utf8('GET /ws HTTP/1.1\r\nUpgrade: websocket\r\n\r\n');
  const hello = bytes(0x81, 0x85, 9, 8, 7, 6, ...utf8('hello').map((b, i) => b ^ [9, 8, 7, 6][i & 3]!));
  const response = utf8('HTTP/1.1 101 Switching Protocols\r\n\r\n');
  const clientStream = concatBytes([request, hello]);
  // The client's sequence numbers pass 2^32 mid-stream: ordering must use 32-bit wrap-around.
  const clientIsn = 0xffff_fff0;
  const at = (offset: number) => (clientIsn + 1 + offset) >>> 0;
  const conversation: Packet[] = [
    { client: true, seq: clientIsn, flags: SYN },
    { client: false, seq: 1000, flags: SYN | 0x10 },
    { client: true, seq: at(10), data: clientStream.subarray(10, 30) }, // arrives before its predecessor
    { client: true, seq: at(0), data: clientStream.subarray(0, 10) },
    { client: true, seq: at(0), data: clientStream.subarray(0, 10) }, // retransmission
    { client: true, seq: at(25), data: clientStream.subarray(25) }, // overlaps the segment before
    { client: true, seq: at(12), data: clientStream.subarray(12, 20) }, // repacketised retransmission inside one
    { client: false, seq: 1001, data: response },
    // A bare ACK: its IP packet is under Ethernet's minimum, so the frame carries padding that is not data.
    { client: true, seq: at(clientStream.length), flags: 0x10 },
  ];

  it('reassembles an out-of-order, retransmitted IPv6 conversation from a big-endian nanosecond SLL2 file', () => {
    const file = pcap(LINKTYPE.LINUX_SLL2, conversation.map(ipv6).map(sll2), { bigEndian: true, nanoseconds: true });
    const { connections, allBytes } = decodeCapture(file, SERVER_PORT);
    expect(connections).toHaveLength(1);
    expect(connections[0]).toEqual({
      clientPort: CLIENT_PORT,
      clientToServer: clientStream,
      serverToClient: response,
      frames: [frame('c2s', 1, utf8('hello'))],
      complete: true,
    });
    expect(allBytes).toEqual(concatBytes([clientStream, response]));
    expect(containsText(allBytes, 'Upgrade: websocket')).toBe(true);
    expect(containsText(allBytes, 'hello')).toBe(false); // masked on the wire
  });

  it.each([
    ['EN10MB (padded)', LINKTYPE.ETHERNET, (p: Packet) => ethernet(ipv4(p))],
    ['LINUX_SLL', LINKTYPE.LINUX_SLL, (p: Packet) => sll(ipv4(p))],
    ['RAW', LINKTYPE.RAW, (p: Packet) => ipv6(p)],
    ['IPV4', LINKTYPE.IPV4, ipv4],
    ['IPV6', LINKTYPE.IPV6, ipv6],
  ])('reads %s, marks a capture that missed the SYNs incomplete, and skips a torn last record', (_, linkType, wrap) => {
    const late = conversation.filter((p) => ((p.flags ?? 0) & SYN) === 0);
    const noise = ethernet(new Uint8Array(20), 0x0806); // ARP on Ethernet, junk elsewhere: never TCP
    const file = pcap(linkType, [...late.map(wrap), ...(linkType === LINKTYPE.ETHERNET ? [noise] : [])]);
    const torn = concatBytes([file, pcap(linkType, [wrap(conversation[0]!)]).subarray(24, 50)]);
    const [only, ...rest] = decodeCapture(torn, SERVER_PORT).connections;
    expect(rest).toEqual([]);
    expect(only?.clientToServer).toEqual(clientStream);
    expect(only?.serverToClient).toEqual(response);
    expect(only?.complete).toBe(false);
    expect(parsePcap(torn).packets).toHaveLength(late.length + (linkType === LINKTYPE.ETHERNET ? 1 : 0));
  });

  it('keeps the bytes after a segment the capture missed, and says the connection is incomplete', () => {
    const lost = conversation.filter((p) => p.seq !== at(10));
    const file = pcap(
      LINKTYPE.ETHERNET,
      lost.map((p) => ethernet(ipv4(p))),
    );
    const [connection] = decodeCapture(file, SERVER_PORT).connections;
    const seen = [clientStream.subarray(0, 10), clientStream.subarray(12, 20), clientStream.subarray(25)];
    expect(connection?.clientToServer).toEqual(concatBytes(seen));
    expect(connection?.complete).toBe(false);
  });

  it('refuses a file that is not classic pcap', () => {
    expect(() => parsePcap(bytes(0x0a, 0x0d, 0x0d, 0x0a, ...new Uint8Array(20)))).toThrow(/pcapng is not supported/);
  });
});

/** Every wait in the real capture is bounded, so a broken capture fails the test instead of hanging it. */
function within<T>(promise: Promise<T>, what: string, ms = 5_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe('a real tcpdump capture on lo', () => {
  it('sees a ws conversation frame by frame, with the plaintext server text readable in allBytes', async () => {
    const clientText = 'the phone typed: correct horse battery staple';
    const clientBinary = Uint8Array.from({ length: 300 }, (_, i) => (i * 31) & 0xff); // 16-bit length
    const serverText = 'the desktop answered in plaintext, readable by anyone on the wire';
    const serverBinary = bytes(0, 1, 2, 0xfe, 0xff);
    // No compression on either side: deflated payloads would not equal what was sent.
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
    await within(once(server, 'listening'), 'the server to listen');
    const { port } = server.address() as AddressInfo;
    const capture = await startLoopbackCapture(port);
    let clientPort = 0;
    let captured: CapturedTraffic;
    try {
      const serverGot: Array<{ data: Uint8Array; binary: boolean }> = [];
      const clientGot: Array<{ data: Uint8Array; binary: boolean }> = [];
      const accepted = new Promise<WebSocket>((resolve) =>
        server.once('connection', (socket, request) => {
          clientPort = request.socket.remotePort ?? 0;
          socket.on('message', (data, binary) => serverGot.push({ data: new Uint8Array(data as Buffer), binary }));
          resolve(socket);
        }),
      );
      const client = new WebSocket(`ws://127.0.0.1:${port}/`, { perMessageDeflate: false });
      client.on('message', (data, binary) => clientGot.push({ data: new Uint8Array(data as Buffer), binary }));
      await within(once(client, 'open'), 'the client to open');
      const serverSide = await within(accepted, 'the server to accept');
      const serverClosed = once(serverSide, 'close');
      client.send(clientText);
      client.send(clientBinary);
      serverSide.send(serverText);
      serverSide.send(serverBinary);
      await within(
        (async () => {
          while (serverGot.length < 2 || clientGot.length < 2) await new Promise((r) => setTimeout(r, 10));
        })(),
        'both messages in both directions',
      );
      client.close(1000, 'done');
      await within(Promise.all([once(client, 'close'), serverClosed]), 'the close handshake');
      expect(serverGot).toEqual([
        { data: utf8(clientText), binary: false },
        { data: clientBinary, binary: true },
      ]);
    } finally {
      // Stopped even when the conversation failed, so no tcpdump outlives the test.
      server.close();
      captured = await capture.stop();
    }

    expect(captured.connections).toHaveLength(1);
    const [connection] = captured.connections;
    expect(connection?.clientPort).toBe(clientPort);
    expect(connection?.complete).toBe(true);
    const c2s = connection!.frames.filter((f) => f.direction === 'c2s');
    const s2c = connection!.frames.filter((f) => f.direction === 's2c');
    expect(c2s).toEqual([
      frame('c2s', 1, utf8(clientText)),
      frame('c2s', 2, clientBinary),
      frame('c2s', 8, concatBytes([bytes(0x03, 0xe8), utf8('done')])),
    ]);
    expect(s2c.slice(0, 2)).toEqual([frame('s2c', 1, utf8(serverText)), frame('s2c', 2, serverBinary)]);
    expect(s2c.map((f) => f.opcode)).toEqual([1, 2, 8]);
    // Server frames are not masked, so the sentence is there in the clear; client frames are masked, so
    // a raw search misses the phone's text even though nothing protects it. Search unmasked frames too.
    expect(containsText(captured.allBytes, serverText)).toBe(true);
    expect(containsBytes(captured.allBytes, serverBinary)).toBe(true);
    expect(containsText(connection!.clientToServer, clientText)).toBe(false);
    expect(containsText(connection!.clientToServer, 'Upgrade: websocket')).toBe(true);
  });

  it('rejects clearly when tcpdump is missing or cannot capture', async () => {
    await expect(startLoopbackCapture(9, { command: 'tcpdump-not-installed' })).rejects.toThrow(/not installed/);
    await expect(startLoopbackCapture(9, { device: 'no-such-device0' })).rejects.toThrow(
      /failed before listening.*no-such-device0/s,
    );
    await expect(startLoopbackCapture(0)).rejects.toThrow(/not a TCP port/);
  });
});
