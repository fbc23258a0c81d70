/**
 * The one-time token the QR code carries. It expires by itself after a few minutes, is spent only when a
 * welcome is sent, and is claimed by a connection that proved it until its welcome or its refusal: a
 * second connection proving the same token meanwhile means someone copied the code, so both are refused
 * and a new code is shown. Connections, not device ids: the id and the name travel in the clear and a
 * copier sends the same ones, while each connection's proof is bound to its own key exchange.
 */
import { randomBytes } from 'node:crypto';
import { PAIRING_TOKEN_BYTES, PAIRING_TOKEN_LIFETIME_MS } from '@deskremote/shared';

export type RetiredBecause = 'used' | 'expired' | 'renewed' | 'conflict';
export type TokenEvent =
  | { type: 'rotated'; token: string; expiresAt: number; because: RetiredBecause }
  | { type: 'conflict'; deviceNames: string[] };

/** One connection's claim (each call to `claim` is one, whatever device it says it is). */
interface Claim {
  deviceName: string;
  onConflict: () => void;
}

/** Old tokens are remembered briefly, only to tell a late phone why its code no longer works. */
const RETIRED_KEPT = 8;
const RETIRED_FOR_MS = 15 * 60_000;

export class PairingToken {
  private token = PairingToken.fresh();
  private issuedAt: number;
  private timer: NodeJS.Timeout | undefined;
  private readonly retired: Array<{ token: string; because: RetiredBecause; at: number }> = [];
  private readonly claims = new Map<string, Set<Claim>>();
  private readonly listeners = new Set<(event: TokenEvent) => void>();

  constructor(
    private readonly lifetimeMs = PAIRING_TOKEN_LIFETIME_MS,
    private readonly now: () => number = Date.now,
  ) {
    this.issuedAt = now();
    this.schedule();
  }

  static fresh(): string {
    return randomBytes(PAIRING_TOKEN_BYTES).toString('base64url');
  }

  get current(): string {
    return this.token;
  }

  get expiresAt(): number {
    return this.issuedAt + this.lifetimeMs;
  }

  /**
   * Which token a proof was made with: the current one, one retired recently (and why), or none.
   * `proves` recomputes the proof for a candidate token.
   */
  find(proves: (token: string) => boolean): { token: string; retired?: RetiredBecause } | undefined {
    if (proves(this.token)) return { token: this.token };
    const cutoff = this.now() - RETIRED_FOR_MS;
    const hit = this.retired.find((r) => r.at >= cutoff && proves(r.token));
    return hit ? { token: hit.token, retired: hit.because } : undefined;
  }

  /**
   * Holds the token for a connection on its way to a welcome. Another connection on the same token is a
   * copied code, even one that claims the same device: every claimant is told (and refused), the token is
   * retired, and false is returned.
   */
  claim(token: string, claim: Claim): { ok: true; release: () => void } | { ok: false } {
    const holders = this.claims.get(token) ?? new Set<Claim>();
    const rivals = [...holders];
    if (rivals.length > 0) {
      this.claims.delete(token);
      for (const rival of rivals) rival.onConflict();
      this.emit({ type: 'conflict', deviceNames: [...rivals.map((r) => r.deviceName), claim.deviceName] });
      if (token === this.token) this.rotate('conflict');
      else this.markRetired(token, 'conflict');
      return { ok: false };
    }
    holders.add(claim);
    this.claims.set(token, holders);
    return {
      ok: true,
      release: () => {
        holders.delete(claim);
        if (holders.size === 0 && this.claims.get(token) === holders) this.claims.delete(token);
      },
    };
  }

  /** Spends the token as its welcome goes out. False if it was used or copied meanwhile. */
  spend(token: string): boolean {
    if (token === this.token) {
      this.rotate('used');
      return true;
    }
    const old = this.retired.find((r) => r.token === token);
    // A code that expired or was renewed while its phone waited for approval is still good for that phone.
    if (!old || old.because === 'used' || old.because === 'conflict') return false;
    old.because = 'used';
    return true;
  }

  rotate(because: RetiredBecause = 'renewed'): string {
    this.markRetired(this.token, because);
    this.token = PairingToken.fresh();
    this.issuedAt = this.now();
    this.schedule();
    this.emit({ type: 'rotated', token: this.token, expiresAt: this.expiresAt, because });
    return this.token;
  }

  onEvent(listener: (event: TokenEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private markRetired(token: string, because: RetiredBecause): void {
    const existing = this.retired.find((r) => r.token === token);
    if (existing) existing.because = because;
    else this.retired.unshift({ token, because, at: this.now() });
    this.retired.length = Math.min(this.retired.length, RETIRED_KEPT);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.lifetimeMs <= 0) return;
    this.timer = setTimeout(() => this.rotate('expired'), this.lifetimeMs);
    this.timer.unref();
  }

  private emit(event: TokenEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
