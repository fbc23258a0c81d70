/**
 * Room for sockets that have not sent anything yet. Strangers get a small budget of their own, per
 * address and in total; a newcomer always gets in and the oldest stranger (from its own address first)
 * makes room. A socket leaves the budget as soon as its proof arrives: from then on the proof throttle's
 * own limits bound it (its queue, per address and in total), so a flood of proofs waiting for their turn
 * cannot evict a paired phone's. Paired phones are strangers only for the one round trip before they
 * send their proof, so a crowd of idle sockets can delay a paired phone by one eviction, never lock it out.
 */
export class StrangerBudget<T> {
  /** In arrival order, oldest first. */
  private readonly strangers = new Map<T, string>();

  constructor(
    private readonly total = 64,
    private readonly perAddress = 8,
  ) {}

  /** Admits a stranger; returns the strangers that must now be dropped to make room. */
  admit(item: T, address: string): T[] {
    const evicted: T[] = [];
    const fromAddress = [...this.strangers].filter(([, a]) => a === address).map(([s]) => s);
    for (const old of fromAddress.slice(0, Math.max(0, fromAddress.length - this.perAddress + 1))) {
      this.strangers.delete(old);
      evicted.push(old);
    }
    for (const old of this.strangers.keys()) {
      if (this.strangers.size < this.total) break;
      this.strangers.delete(old);
      evicted.push(old);
    }
    this.strangers.set(item, address);
    return evicted;
  }

  /** The stranger proved itself or left. */
  leave(item: T): void {
    this.strangers.delete(item);
  }

  get size(): number {
    return this.strangers.size;
  }
}
