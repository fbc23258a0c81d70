/**
 * Decodes RFC 6455 WebSocket frames from a reassembled TCP stream. Frames are not joined into messages
 * and compressed payloads are not inflated: a test sees exactly what went on the wire, minus masking.
 */

export interface WsFrame {
  direction: 'c2s' | 's2c';
  fin: boolean;
  opcode: number;
  /** Unmasked. */
  payload: Uint8Array;
}

const HEADER_END = new Uint8Array([13, 10, 13, 10]);

/** Index just past the first blank line ("\r\n\r\n"), or undefined if the headers never ended. */
function afterHttpHeaders(stream: Uint8Array): number | undefined {
  const at = Buffer.from(stream.buffer, stream.byteOffset, stream.byteLength).indexOf(HEADER_END);
  return at < 0 ? undefined : at + HEADER_END.length;
}

/**
 * The frames of a connection that upgraded, client frames first, then server frames, each in stream
 * order. A connection whose server never answered 101 (refused, not HTTP, still waiting) has none.
 */
export function upgradedFrames(clientToServer: Uint8Array, serverToClient: Uint8Array): WsFrame[] {
  const responseEnd = afterHttpHeaders(serverToClient);
  if (responseEnd === undefined) return [];
  const statusLine = Buffer.from(serverToClient.subarray(0, Math.min(responseEnd, 64))).toString('latin1');
  // Only a 101 switches protocols; after any other status the bytes are an HTTP body, not frames.
  if (!/^HTTP\/1\.[01] 101[ \r]/.test(statusLine)) return [];
  const requestEnd = afterHttpHeaders(clientToServer);
  const fromClient = requestEnd === undefined ? [] : parseWsFrames(clientToServer.subarray(requestEnd), 'c2s');
  return [...fromClient, ...parseWsFrames(serverToClient.subarray(responseEnd), 's2c')];
}

/** Every whole frame from the start of `bytes`; a final frame cut short (capture stopped) is left out. */
export function parseWsFrames(bytes: Uint8Array, direction: WsFrame['direction']): WsFrame[] {
  const frames: WsFrame[] = [];
  let offset = 0;
  for (;;) {
    const read = readFrame(bytes, offset, direction);
    if (!read) return frames;
    frames.push(read.frame);
    offset = read.next;
  }
}

function readFrame(bytes: Uint8Array, offset: number, direction: WsFrame['direction']) {
  if (offset + 2 > bytes.length) return undefined;
  const first = bytes[offset]!;
  const second = bytes[offset + 1]!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = offset + 2;
  let length = second & 0x7f;
  if (length === 126) {
    if (at + 2 > bytes.length) return undefined;
    length = view.getUint16(at);
    at += 2;
  } else if (length === 127) {
    if (at + 8 > bytes.length) return undefined;
    // Two 32-bit halves: any length that fits in the capture is far below 2^53, so the sum is exact.
    length = view.getUint32(at) * 2 ** 32 + view.getUint32(at + 4);
    at += 8;
  }
  let mask: Uint8Array | undefined;
  if ((second & 0x80) !== 0) {
    if (at + 4 > bytes.length) return undefined;
    mask = bytes.subarray(at, at + 4);
    at += 4;
  }
  if (length > bytes.length - at) return undefined;
  const payload = bytes.slice(at, at + length);
  if (mask) for (let i = 0; i < payload.length; i++) payload[i] = payload[i]! ^ mask[i & 3]!;
  const frame: WsFrame = { direction, fin: (first & 0x80) !== 0, opcode: first & 0x0f, payload };
  return { frame, next: at + length };
}
