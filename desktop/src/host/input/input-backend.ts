/** The backends this build knows and the order they are tried in (what a backend is: backends/registry.ts). */
import { nutBackend } from './backends/nut/nut-backend.js';
import { portalBackend } from './backends/portal/portal-backend.js';
import { type BackendContext, type InputBackend, openFirstBackend } from './backends/registry.js';
import { x11Backend } from './backends/x11/x11-backend.js';

export type { BackendContext, InputBackend };

/** The backends this build knows, in the order they are tried. */
export const INPUT_BACKENDS = [portalBackend, x11Backend, nutBackend] as const;

/** Decides whether input can be injected here and, if it can, loads the real driver. Never throws. */
export function openInputBackend(context: BackendContext, platform = process.platform, env = process.env): Promise<InputBackend> {
  return openFirstBackend(INPUT_BACKENDS, platform, env, context);
}
