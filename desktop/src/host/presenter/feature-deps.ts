/**
 * What a host feature gets from the composition root: the router its commands arrive through, the state
 * every phone sees, a log, and a way to be stopped with the host. A feature keeps its own state and
 * timers; the host only installs it.
 */
import type { DiscreteCommand } from '@deskremote/shared';
import type { FeatureRouter } from '../session/feature-router.js';
import type { HostStateStore } from '../session/host-state.js';

export interface FeatureDeps {
  features: FeatureRouter;
  state: HostStateStore;
  log: (line: string) => void;
  /** The X display the host injects into (for the focused window and the screen grab); undefined off X11. */
  display: string | undefined;
  /** Where the host keeps its files (paired phones, each phone's settings). */
  dataDir: string;
  /** Injects a command through the input queue, in order with everything else (media keys as a fallback). */
  inject: (sessionId: string, command: DiscreteCommand) => Promise<void>;
  /** Runs when the host stops. */
  onStop: (stop: () => void | Promise<void>) => void;
}
