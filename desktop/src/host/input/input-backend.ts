import type { InputAvailability } from '@deskremote/shared';
import { nutBackend } from './backends/nut-backend.js';
import { openFirstBackend } from './backends/registry.js';
import { x11Backend } from './backends/x11-backend.js';
import type { InputDriver } from './input-driver.js';

export interface InputBackend {
  availability: InputAvailability;
  driver: InputDriver | undefined;
}

/** The backends this build knows, in the order they are tried. */
export const INPUT_BACKENDS = [x11Backend, nutBackend] as const;

/** Decides whether input can be injected here and, if it can, loads the real driver. Never throws. */
export function openInputBackend(platform = process.platform, env = process.env): Promise<InputBackend> {
  return openFirstBackend(INPUT_BACKENDS, platform, env);
}
