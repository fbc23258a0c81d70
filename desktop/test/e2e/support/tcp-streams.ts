/**
 * Puts captured TCP segments back into the two byte streams of each connection, in sequence-number
 * order, each byte once. Pure, so out-of-order and retransmitted segments can be tested by hand.
 */
import type { TcpSegment } from './pcap.js';

export interface TcpConnection {
  client: { address: string; port: number };
  server: { address: string; port: number };
  clientToServer: Uint8Array;
  serverToClient: Uint8Array;
  /**
   * Both SYNs were captured and neither stream has a hole. False means the capture began after the
   * connection opened or missed a segment, so a search of the streams may not have seen every byte.
   */
  complete: boolean;
}

interface Direction {
  /** Sequence number of this side's SYN, when the capture saw it. */
  isn: number | undefined;
  segments: Array<{ seq: number; payload: Uint8Array }>;
}

interface Pending {
  connection: Omit<TcpConnection, 'clientToServer' | 'serverToClient' | 'complete'>;
  c2s: Direction;
  s2c: Direction;
}

/**
 * Groups segments by connection (the server is the side on `serverPort`; segments with that port on
 * neither or both sides are ignored) and stitches each direction. Connections keep first-seen order.
 */
export function reassembleTcp(segments: Iterable<TcpSegment>, serverPort: number): TcpConnection[] {
  const byKey = new Map<string, Pending>();
  const ordered: Pending[] = [];
  for (const segment of segments) {
    const fromClient = segment.dstPort === serverPort && segment.srcPort !== serverPort;
    const toClient = segment.srcPort === serverPort && segment.dstPort !== serverPort;
    if (!fromClient && !toClient) continue;
    const client = fromClient ? { address: segment.src, port: segment.srcPort } : { address: segment.dst, port: segment.dstPort };
    const server = fromClient ? { address: segment.dst, port: segment.dstPort } : { address: segment.src, port: segment.srcPort };
    const key = `${client.address}|${client.port}|${server.address}`;
    let pending = byKey.get(key);
    // A client SYN with a new sequence number on a known four-tuple is a new connection reusing the port.
    if (pending && fromClient && segment.syn && pending.c2s.isn !== undefined && pending.c2s.isn !== segment.seq) {
      pending = undefined;
    }
    if (!pending) {
      pending = { connection: { client, server }, c2s: { isn: undefined, segments: [] }, s2c: { isn: undefined, segments: [] } };
      byKey.set(key, pending);
      ordered.push(pending);
    }
    const direction = fromClient ? pending.c2s : pending.s2c;
    if (segment.syn) direction.isn = segment.seq;
    // Data carried on a SYN (TCP Fast Open) starts one past the SYN's own sequence number.
    const seq = segment.syn ? (segment.seq + 1) >>> 0 : segment.seq;
    if (segment.payload.length > 0) direction.segments.push({ seq, payload: segment.payload });
  }
  return ordered.map(({ connection, c2s, s2c }) => {
    const up = stitch(c2s);
    const down = stitch(s2c);
    return {
      ...connection,
      clientToServer: up.bytes,
      serverToClient: down.bytes,
      complete: c2s.isn !== undefined && s2c.isn !== undefined && !up.holes && !down.holes,
    };
  });
}

function stitch(direction: Direction): { bytes: Uint8Array; holes: boolean } {
  const first = direction.segments[0];
  if (!first) return { bytes: new Uint8Array(0), holes: false };
  // Offsets are taken relative to a base with 32-bit wrap-around, so a stream whose sequence numbers
  // pass 2^32 still sorts. Without a SYN the earliest sequence number seen becomes the base.
  const relative = (seq: number, base: number) => (seq - base) | 0;
  let base = direction.isn === undefined ? first.seq : (direction.isn + 1) >>> 0;
  if (direction.isn === undefined) {
    const earliest = Math.min(...direction.segments.map((s) => relative(s.seq, base)));
    base = (base + earliest) >>> 0;
  }
  const placed = direction.segments
    .map((s) => ({ start: relative(s.seq, base), payload: s.payload }))
    // Earliest first; of two starting together, the longer first, so the shorter is a pure duplicate.
    .sort((a, b) => a.start - b.start || b.payload.length - a.payload.length);
  const parts: Uint8Array[] = [];
  let cursor = 0;
  let holes = false;
  for (const { start, payload } of placed) {
    const end = start + payload.length;
    // Everything up to the cursor is placed: a retransmission, duplicate or keep-alive probe adds nothing.
    if (end <= cursor) continue;
    // Bytes the capture missed. Keep going, so every byte that was seen is still searchable.
    if (start > cursor) holes = true;
    parts.push(payload.subarray(Math.max(0, cursor - start)));
    cursor = end;
  }
  return { bytes: concatBytes(parts), holes };
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
