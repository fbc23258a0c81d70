/**
 * ChaCha20-Poly1305 with implicit counters: each direction has its own key and counts its frames, so the
 * nonce never crosses the wire and a replayed, reordered, dropped or altered frame fails to open.
 */
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';

export const TAG_BYTES = 16;

function nonceFor(counter: number): Uint8Array {
  const nonce = new Uint8Array(12);
  new DataView(nonce.buffer).setBigUint64(0, BigInt(counter), true);
  return nonce;
}

export class FrameSealer {
  private counter = 0;
  constructor(private readonly key: Uint8Array) {}

  seal(plaintext: Uint8Array): Uint8Array {
    return chacha20poly1305(this.key, nonceFor(this.counter++)).encrypt(plaintext);
  }
}

export class FrameOpener {
  private counter = 0;
  constructor(private readonly key: Uint8Array) {}

  /** The plaintext, or undefined when the frame is not the next one this key sealed. */
  open(frame: Uint8Array): Uint8Array | undefined {
    if (frame.length < TAG_BYTES) return undefined;
    try {
      const plaintext = chacha20poly1305(this.key, nonceFor(this.counter)).decrypt(frame);
      this.counter++;
      return plaintext;
    } catch {
      return undefined;
    }
  }
}
