import { describe, expect, it } from 'vitest';
import {
  type ClientMessage,
  decodeAuth,
  decodeClient,
  decodeServer,
  encodeMessage,
  MAX_FRAME_BYTES,
  MAX_PREVIEW_FRAME_BYTES,
  MAX_TEXT_CHARS,
  PROTOCOL_VERSION,
  type ServerMessage,
  utf8,
} from '../src/index.js';

const json = (value: unknown) => utf8.encode(JSON.stringify(value));

describe('codec', () => {
  it('round-trips every kind of client command', () => {
    const commands: ClientMessage[] = [
      { t: 'move', dx: -3, dy: 32767 },
      { t: 'scroll', dx: 0, dy: -32768 },
      { t: 'click', id: 1, button: 'right', double: true },
      { t: 'button', id: 2, button: 'left', down: true },
      { t: 'key', id: 3, key: 'ArrowLeft', mods: ['ctrl', 'shift'] },
      { t: 'text', id: 4, text: 'wörld 你好 😀' },
      { t: 'media', id: 5, action: 'volumeUp' },
      { t: 'slide', id: 6, action: 'black' },
      { t: 'release', id: 7 },
      { t: 'ping', id: 8 },
    ];
    for (const command of commands) expect(decodeClient(encodeMessage(command))).toEqual({ ok: true, message: command });
  });

  it('sends a pointer move as 5 bytes', () => {
    const bytes = encodeMessage({ t: 'move', dx: 300, dy: -2 });
    expect(bytes.length).toBe(5);
    expect(decodeClient(bytes)).toEqual({ ok: true, message: { t: 'move', dx: 300, dy: -2 } });
  });

  it('sends a timed delta or laser frame as 7 bytes carrying the low 16 bits of when it was sent', () => {
    const move = encodeMessage({ t: 'move', dx: 1, dy: -1, at: 70_000 });
    expect(move.length).toBe(7);
    expect(decodeClient(move)).toEqual({ ok: true, message: { t: 'move', dx: 1, dy: -1, at: 70_000 & 0xffff } });
    const laser = encodeMessage({ t: 'laser', mode: 'dot', x: 5, y: 6, at: 12 });
    expect(laser.length).toBe(7);
    expect(decodeClient(laser)).toEqual({ ok: true, message: { t: 'laser', mode: 'dot', x: 5, y: 6, at: 12 } });
  });

  it('carries when a command was sent, and refuses a time that is not a whole number of milliseconds', () => {
    expect(decodeClient(encodeMessage({ t: 'slide', id: 1, action: 'next', at: 123_456 }))).toEqual({
      ok: true,
      message: { t: 'slide', id: 1, action: 'next', at: 123_456 },
    });
    expect(decodeClient(json({ t: 'key', id: 1, key: 'Enter', at: 1.5 })).ok).toBe(false);
    expect(decodeClient(json({ t: 'key', id: 1, key: 'Enter', at: -1 })).ok).toBe(false);
  });

  it('sends a pinch as 5 bytes, like scrolling', () => {
    const bytes = encodeMessage({ t: 'zoom', dx: 0, dy: -37 });
    expect(bytes.length).toBe(5);
    expect(decodeClient(bytes)).toEqual({ ok: true, message: { t: 'zoom', dx: 0, dy: -37 } });
  });

  it('carries the phone settings both ways and refuses a deck button that could do more than keys and text', () => {
    const deck = [
      { id: 'tab', label: 'Reopen tab', icon: 'tab', steps: [{ t: 'key', key: 't', mods: ['ctrl', 'shift'] }] },
    ] as const;
    const save = { t: 'saveDeck', id: 4, deck } as const;
    expect(decodeClient(encodeMessage(save as never))).toEqual({ ok: true, message: save });
    const settings = {
      t: 'phoneSettings',
      touchpad: { sensitivity: 1.5, acceleration: 0.5, naturalScroll: false, tapToClick: true, edgeButtons: true },
      deck,
    } as const;
    expect(decodeServer(encodeMessage(settings as never))).toEqual({ ok: true, message: settings });
    const sneaky = { t: 'saveDeck', id: 5, deck: [{ ...deck[0], steps: [{ t: 'run', command: 'rm -rf ~' }] }] };
    expect(decodeClient(encodeMessage(sneaky as never)).ok).toBe(false);
  });

  it('sends the laser as 5 bytes a position, each mode its own tag', () => {
    for (const mode of ['dot', 'spotlight', 'off'] as const) {
      const message = { t: 'laser', mode, x: 65535, y: 12 } as const;
      const bytes = encodeMessage(message);
      expect(bytes.length).toBe(5);
      expect(decodeClient(bytes)).toEqual({ ok: true, message });
    }
    expect(decodeClient(new Uint8Array([0x03, 1, 2])).ok).toBe(false);
  });

  it('carries a preview frame as binary, padded, with its own size limit', () => {
    const jpeg = new Uint8Array(5000).map((_, i) => i % 251);
    const frame = { t: 'frame', id: 7, width: 480, height: 270, jpeg } as const;
    const padded = encodeMessage(frame, true);
    expect(padded.length % 4096).toBe(0);
    const decoded = decodeServer(padded);
    expect(decoded.ok && decoded.message).toEqual(frame);
    expect(() => encodeMessage({ ...frame, jpeg: new Uint8Array(MAX_PREVIEW_FRAME_BYTES) })).toThrow(RangeError);
    // A length that points past the frame, or a frame over the limit, is refused, not read.
    const lying = encodeMessage(frame);
    new DataView(lying.buffer).setUint32(9, 1_000_000, true);
    expect(decodeServer(lying).ok).toBe(false);
    expect(decodeServer(new Uint8Array(MAX_PREVIEW_FRAME_BYTES + 1).fill(0x10)).ok).toBe(false);
  });

  it('round-trips server messages', () => {
    const messages: ServerMessage[] = [
      { t: 'challenge', protocol: PROTOCOL_VERSION, nonce: 'n'.repeat(32), key: 'k'.repeat(43) },
      { t: 'error', id: 3, code: 'unsupported-text', params: { char: 'U+0007', reason: 'control' } },
      { t: 'bye', reason: 'revoked' },
      {
        t: 'snapshot',
        state: {
          host: { name: 'desk', platform: 'linux', version: '1.0.0' },
          input: { status: 'ready', code: 'ok' },
          devices: [{ id: 'A'.repeat(24), name: 'Pixel', connected: true, pairedAt: 1, lastSeenAt: 2 }],
          focus: { app: 'libreoffice-impress', title: 'Talk.odp - LibreOffice Impress', profile: 'impress' },
          timer: {
            status: 'running',
            elapsedMs: 1200,
            runningSince: 1_700_000_000_000,
            durationMs: 1_200_000,
            warningsMs: [300_000, 60_000],
            warned: 1,
            overtime: false,
          },
          presenterTools: { laser: 'needs-desktop-app', preview: 'ready' },
          cue: null,
          show: { source: 'impress', title: 'Talk.odp', count: 30, current: 12, ready: 30, revision: 2 },
          showLink: { impress: 'connected', pin: '0427', name: 'DeskRemote (desk)' },
          media: {
            source: 'mpris',
            active: 'mpv',
            players: [
              {
                id: 'mpv',
                name: 'mpv Media Player',
                status: 'playing',
                title: 'Tone',
                artist: '',
                album: '',
                artId: null,
                positionMs: 1500,
                positionAt: 1_700_000_000_000,
                lengthMs: 10_000,
                canSeek: true,
                canGoNext: true,
                canGoPrevious: false,
              },
            ],
          },
          volume: { level: 40, muted: false, source: 'pulse' },
        },
        now: 1_700_000_000_500,
      },
      {
        t: 'changes',
        changes: { input: { status: 'unavailable', code: 'display-unreachable', params: { display: ':0' } } },
        now: 5,
      },
      { t: 'ack', id: 9 },
      { t: 'error', id: 9, code: 'rate-limited' },
      { t: 'pong', id: 3 },
    ];
    for (const message of messages) expect(decodeServer(encodeMessage(message))).toEqual({ ok: true, message });
  });

  it.each([
    ['an empty frame', new Uint8Array(0), 'empty frame'],
    ['an oversized frame', json({ t: 'text', id: 1, text: 'a'.repeat(MAX_FRAME_BYTES) }), 'exceeds'],
    ['malformed JSON', utf8.encode('{"t":'), 'malformed'],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'malformed'],
    ['an unknown frame type', new Uint8Array([0x09, 1, 2, 3, 4]), 'unknown frame type'],
    ['a short delta frame', new Uint8Array([0x01, 1, 2]), '5 or 7 bytes'],
    ['a delta frame of 6 bytes', new Uint8Array([0x01, 1, 2, 3, 4, 5]), 'got 6'],
    ['an unknown command', json({ t: 'exec', id: 1, cmd: 'rm -rf /' }), 'Invalid'],
    ['an unknown field', json({ t: 'click', id: 1, button: 'left', shell: 'x' }), 'shell'],
    ['an unknown key', json({ t: 'key', id: 1, key: 'PowerOff' }), 'key'],
    ['a negative id', json({ t: 'ack', id: -1 }), ''],
    ['text that is too long', json({ t: 'text', id: 1, text: 'a'.repeat(MAX_TEXT_CHARS + 1) }), 'text'],
    ['empty text', json({ t: 'text', id: 1, text: '' }), 'text'],
    ['a fractional delta in JSON', json({ t: 'move', dx: 0.5, dy: 0 }), 'dx'],
    [
      'an authentication message after authentication',
      json({ t: 'resume', protocol: 1, deviceId: 'a'.repeat(20), clientNonce: 'b'.repeat(20), proof: 'c'.repeat(43) }),
      '',
    ],
  ])('rejects %s with a reason', (_name, bytes, reason) => {
    const decoded = decodeClient(bytes);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.reason).toContain(reason);
  });

  it('accepts only authentication as the first message, and flags another protocol version apart', () => {
    expect(decodeAuth(encodeMessage({ t: 'click', id: 1, button: 'left' })).ok).toBe(false);
    expect(decodeAuth(new Uint8Array([0x01, 0, 0, 0, 0])).ok).toBe(false);
    const old = decodeAuth(json({ t: 'resume', protocol: 0, deviceId: 'x' }));
    expect(old).toMatchObject({ ok: false, protocolMismatch: true });
    const garbage = decodeAuth(json({ t: 'resume', protocol: PROTOCOL_VERSION, deviceId: 'x' }));
    expect(garbage.ok).toBe(false);
    expect(garbage).not.toHaveProperty('protocolMismatch');
  });
});
