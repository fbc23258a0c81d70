import type { HostState } from '@deskremote/shared';

type Listener = (changes: Partial<HostState>, state: HostState) => void;

/** The state every phone sees: sent whole once after welcome, then as changes of top-level keys. */
export class HostStateStore {
  private readonly listeners = new Set<Listener>();

  constructor(private current: HostState) {}

  get state(): HostState {
    return this.current;
  }

  update(changes: Partial<HostState>): void {
    const changed: Partial<HostState> = {};
    for (const key of Object.keys(changes) as Array<keyof HostState>) {
      if (JSON.stringify(changes[key]) !== JSON.stringify(this.current[key])) {
        Object.assign(changed, { [key]: changes[key] });
      }
    }
    if (Object.keys(changed).length === 0) return;
    this.current = { ...this.current, ...changed };
    for (const listener of this.listeners) listener(changed, this.current);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
