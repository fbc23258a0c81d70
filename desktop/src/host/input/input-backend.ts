import type { InputAvailability } from '@deskremote/shared';
import { nutBackend } from './backends/nut-backend.js';
import { portalBackend } from './backends/portal-backend.js';
import { type BackendContext, openFirstBackend } from './backends/registry.js';
import { x11Backend } from './backends/x11-backend.js';
import type { InputDriver } from './input-driver.js';

export interface InputBackend {
  availability: InputAvailability;
  driver: InputDriver | undefined;
  /** Availability that changes later (the portal's permission): each new one is given to the listener. */
  watch?(listener: (availability: InputAvailability) => void): void;
  /** Input is wanted now (a phone connected, or sent input that was refused): ask for permission if needed. */
  wanted?(): void;
  /** Lets go of the backend's session (the host is stopping). */
  close?(): Promise<void>;
}

export type { BackendContext };

/** The backends this build knows, in the order they are tried. */
export const INPUT_BACKENDS = [portalBackend, x11Backend, nutBackend] as const;

/** Decides whether input can be injected here and, if it can, loads the real driver. Never throws. */
export function openInputBackend(context: BackendContext, platform = process.platform, env = process.env): Promise<InputBackend> {
  return openFirstBackend(INPUT_BACKENDS, platform, env, context);
}
