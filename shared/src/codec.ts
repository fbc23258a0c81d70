/**
 * Messages <-> bytes. Pointer deltas, the one message sent many times a second, travel as 7 bytes
 * (a tag, two little-endian int16 and the low 16 bits of when it was sent; 5 without that); everything else is UTF-8 JSON starting with '{', padded with
 * spaces to a size bucket when it will be encrypted (JSON ignores trailing whitespace, so no length
 * field is needed, and the Wi-Fi learns a bucket, not the length of what was typed).
 * Every decoded message is validated against its schema; anything else is rejected with a reason.
 */
import * as v from 'valibot';
import { MAX_FRAME_BYTES, PROTOCOL_VERSION } from './constants.js';
import { utf8 } from './encoding.js';
import { AuthMessage, ClientMessage, type HostMessage, type MoveCommand, type ScrollCommand, ServerMessage } from './messages.js';
import { type LaserCommand, type LaserMode, MAX_PREVIEW_FRAME_BYTES, type PreviewFrame } from './presenter.js';
import type { ZoomCommand } from './sofa.js';

const JSON_START = 0x7b; // '{'
const DELTA_TAGS = { move: 0x01, scroll: 0x02, zoom: 0x06 } as const;
const DELTA_FRAME_BYTES = 5;
/** A delta or laser frame that says when it was sent (the low 16 bits of its `at`, little-endian). */
const TIMED_FRAME_BYTES = 7;
/** The laser travels as often as pointer moves do: the same short frame, a tag per mode and two uint16. */
const LASER_TAGS: Record<LaserMode, number> = { dot: 0x03, spotlight: 0x04, off: 0x05 };
const LASER_MODES = new Map(Object.entries(LASER_TAGS).map(([mode, tag]) => [tag, mode as LaserMode]));
/** Preview frames: tag, request id (u32), width, height (u16), JPEG length (u32), JPEG, zero padding. */
const FRAME_TAG = 0x10;
const FRAME_HEADER_BYTES = 13;
/** Frames are padded to a multiple of this, so their exact size says little about the screen. */
const FRAME_PADDING_STEP = 4096;

export type Decoded<T> = { ok: true; message: T } | { ok: false; reason: string; protocolMismatch?: boolean };

type AnyMessage = ClientMessage | HostMessage | AuthMessage;

const SMALLEST_BUCKET = 64;

export function encodeMessage(message: AnyMessage, pad = false): Uint8Array {
  if (message.t === 'move' || message.t === 'scroll' || message.t === 'zoom') return encodeDelta(message);
  if (message.t === 'laser') return encodeLaser(message);
  if (message.t === 'frame') return encodeFrame(message, pad);
  const json = utf8.encode(JSON.stringify(message));
  return pad ? padToBucket(json) : json;
}

/** Spaces up to the next power of two (at least 64), never past the frame limit. */
export function padToBucket(json: Uint8Array): Uint8Array {
  let size = SMALLEST_BUCKET;
  while (size < json.length) size *= 2;
  size = Math.max(json.length, Math.min(size, MAX_FRAME_BYTES));
  if (size === json.length) return json;
  const out = new Uint8Array(size).fill(0x20);
  out.set(json, 0);
  return out;
}

/** A tag, two 16-bit values, and the low 16 bits of `at` when there is one. */
function shortFrame(tag: number, at: number | undefined): { bytes: Uint8Array; view: DataView } {
  const bytes = new Uint8Array(at === undefined ? DELTA_FRAME_BYTES : TIMED_FRAME_BYTES);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, tag);
  if (at !== undefined) view.setUint16(5, at & 0xffff, true);
  return { bytes, view };
}

function readShortFrame(bytes: Uint8Array, what: string): { view: DataView; at?: number } | { reason: string } {
  if (bytes.length !== DELTA_FRAME_BYTES && bytes.length !== TIMED_FRAME_BYTES)
    return { reason: `a ${what} frame has ${DELTA_FRAME_BYTES} or ${TIMED_FRAME_BYTES} bytes, got ${bytes.length}` };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return bytes.length === TIMED_FRAME_BYTES ? { view, at: view.getUint16(5, true) } : { view };
}

function encodeDelta(message: MoveCommand | ScrollCommand | ZoomCommand): Uint8Array {
  const { bytes, view } = shortFrame(DELTA_TAGS[message.t], message.at);
  view.setInt16(1, message.dx, true);
  view.setInt16(3, message.dy, true);
  return bytes;
}

function decodeDelta(bytes: Uint8Array): Decoded<MoveCommand | ScrollCommand | ZoomCommand> {
  const read = readShortFrame(bytes, 'delta');
  if ('reason' in read) return { ok: false, reason: read.reason };
  const { view, at } = read;
  const tag = view.getUint8(0);
  const t = tag === DELTA_TAGS.move ? 'move' : tag === DELTA_TAGS.scroll ? 'scroll' : 'zoom';
  return {
    ok: true,
    message: { t, dx: view.getInt16(1, true), dy: view.getInt16(3, true), ...(at === undefined ? {} : { at }) },
  };
}

function encodeLaser(message: LaserCommand): Uint8Array {
  const { bytes, view } = shortFrame(LASER_TAGS[message.mode], message.at);
  view.setUint16(1, message.x, true);
  view.setUint16(3, message.y, true);
  return bytes;
}

function decodeLaser(bytes: Uint8Array, mode: LaserMode): Decoded<LaserCommand> {
  const read = readShortFrame(bytes, 'laser');
  if ('reason' in read) return { ok: false, reason: read.reason };
  const { view, at } = read;
  return {
    ok: true,
    message: { t: 'laser', mode, x: view.getUint16(1, true), y: view.getUint16(3, true), ...(at === undefined ? {} : { at }) },
  };
}

function encodeFrame(frame: PreviewFrame, pad: boolean): Uint8Array {
  const length = FRAME_HEADER_BYTES + frame.jpeg.length;
  const size = pad ? Math.ceil(length / FRAME_PADDING_STEP) * FRAME_PADDING_STEP : length;
  if (size > MAX_PREVIEW_FRAME_BYTES) throw new RangeError(`a preview frame of ${size} bytes exceeds ${MAX_PREVIEW_FRAME_BYTES}`);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, FRAME_TAG);
  view.setUint32(1, frame.id, true);
  view.setUint16(5, frame.width, true);
  view.setUint16(7, frame.height, true);
  view.setUint32(9, frame.jpeg.length, true);
  bytes.set(frame.jpeg, FRAME_HEADER_BYTES);
  return bytes;
}

function decodeFrame(bytes: Uint8Array): Decoded<PreviewFrame> {
  if (bytes.length > MAX_PREVIEW_FRAME_BYTES)
    return { ok: false, reason: `frame of ${bytes.length} bytes exceeds ${MAX_PREVIEW_FRAME_BYTES}` };
  if (bytes.length < FRAME_HEADER_BYTES) return { ok: false, reason: 'a preview frame shorter than its header' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jpegLength = view.getUint32(9, true);
  if (jpegLength === 0 || FRAME_HEADER_BYTES + jpegLength > bytes.length)
    return { ok: false, reason: 'a preview frame whose JPEG does not fit it' };
  return {
    ok: true,
    message: {
      t: 'frame',
      id: view.getUint32(1, true),
      width: view.getUint16(5, true),
      height: view.getUint16(7, true),
      jpeg: bytes.subarray(FRAME_HEADER_BYTES, FRAME_HEADER_BYTES + jpegLength),
    },
  };
}

function parseJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(utf8.decode(bytes)) };
  } catch {
    return { ok: false, reason: 'malformed JSON or UTF-8' };
  }
}

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return 'invalid message';
  const path = first.path?.map((p) => String(p.key)).join('.') ?? '';
  return `${path ? `${path}: ` : ''}${first.message}`.slice(0, 200);
}

function checkSize(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return 'empty frame';
  if (bytes.length > MAX_FRAME_BYTES) return `frame of ${bytes.length} bytes exceeds ${MAX_FRAME_BYTES}`;
  return undefined;
}

function decodeJson<S extends v.GenericSchema>(bytes: Uint8Array, schema: S): Decoded<v.InferOutput<S>> {
  const sizeError = checkSize(bytes);
  if (sizeError) return { ok: false, reason: sizeError };
  if (bytes[0] !== JSON_START) return { ok: false, reason: 'unknown frame type' };
  const parsed = parseJson(bytes);
  if (!parsed.ok) return parsed;
  const result = v.safeParse(schema, parsed.value);
  if (result.success) return { ok: true, message: result.output };
  const type = typeof parsed.value === 'object' && parsed.value !== null ? (parsed.value as { t?: unknown }).t : undefined;
  return { ok: false, reason: `${typeof type === 'string' ? `'${type.slice(0, 20)}' ` : ''}${describeIssues(result.issues)}` };
}

/** The first message of a connection. A different protocol number is reported apart, so the page can reload. */
export function decodeAuth(bytes: Uint8Array): Decoded<AuthMessage> {
  const decoded = decodeJson(bytes, AuthMessage);
  if (decoded.ok) return decoded;
  const parsed = bytes[0] === JSON_START && bytes.length <= MAX_FRAME_BYTES ? parseJson(bytes) : undefined;
  if (parsed?.ok && typeof parsed.value === 'object' && parsed.value !== null) {
    const protocol = (parsed.value as { protocol?: unknown }).protocol;
    if (typeof protocol === 'number' && protocol !== PROTOCOL_VERSION) {
      return { ok: false, reason: `protocol ${protocol} is not ${PROTOCOL_VERSION}`, protocolMismatch: true };
    }
  }
  return decoded;
}

export function decodeClient(bytes: Uint8Array): Decoded<ClientMessage> {
  const tag = bytes[0];
  if (tag === DELTA_TAGS.move || tag === DELTA_TAGS.scroll || tag === DELTA_TAGS.zoom) return decodeDelta(bytes);
  const laser = tag === undefined ? undefined : LASER_MODES.get(tag);
  if (laser) return decodeLaser(bytes, laser);
  return decodeJson(bytes, ClientMessage);
}

export function decodeServer(bytes: Uint8Array): Decoded<HostMessage> {
  if (bytes[0] === FRAME_TAG) return decodeFrame(bytes);
  return decodeJson(bytes, ServerMessage);
}
