/**
 * The only code that turns messages into bytes and back, on both sides. Before the keys exist it speaks
 * plain frames (the challenge, one authentication message); after `secure` every frame is padded,
 * sealed and counted, and anything that does not open as the next frame is fatal for the connection.
 */
import type { Decoded } from '../codec.js';
import { encodeMessage } from '../codec.js';
import { FrameOpener, FrameSealer } from './frame-cipher.js';

export type ChannelDecoded<T> = Decoded<T> & { fatal?: boolean };

type Encodable = Parameters<typeof encodeMessage>[0];

export class FrameChannel<Send extends Encodable, Receive, PlainReceive = Receive> {
  private sealer: FrameSealer | undefined;
  private opener: FrameOpener | undefined;

  constructor(
    private readonly decoders: {
      plain: (bytes: Uint8Array) => Decoded<PlainReceive>;
      sealed: (bytes: Uint8Array) => Decoded<Receive>;
    },
  ) {}

  get secured(): boolean {
    return this.sealer !== undefined;
  }

  /** From now on every frame in both directions is encrypted. */
  secure(sendKey: Uint8Array, receiveKey: Uint8Array): void {
    this.sealer = new FrameSealer(sendKey);
    this.opener = new FrameOpener(receiveKey);
  }

  encode(message: Send): Uint8Array {
    if (!this.sealer) return encodeMessage(message);
    return this.sealer.seal(encodeMessage(message, true));
  }

  /** Seals bytes that are not a message: for tests that check what the other side does with garbage. */
  sealBytes(plaintext: Uint8Array): Uint8Array {
    if (!this.sealer) throw new Error('not secured yet');
    return this.sealer.seal(plaintext);
  }

  /** Before `secure`: a plain frame. After: the next sealed frame, or a fatal failure. */
  decodePlain(bytes: Uint8Array): Decoded<PlainReceive> {
    return this.decoders.plain(bytes);
  }

  decode(bytes: Uint8Array): ChannelDecoded<Receive> {
    if (!this.opener) return { ok: false, reason: 'no keys yet', fatal: true };
    const plaintext = this.opener.open(bytes);
    if (!plaintext) return { ok: false, reason: 'frame did not decrypt as the next one', fatal: true };
    return this.decoders.sealed(plaintext);
  }
}
