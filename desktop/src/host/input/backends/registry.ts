/**
 * Input backends, one folder each (portal/, x11/, nut/), tried in order: the first that can inject here
 * wins; each that cannot says why with a typed availability. What a backend is lives here; which backends
 * this build knows, and their order, is ../input-backend.ts, which imports them (no backend imports it).
 */
import type { InputAvailability } from '@deskremote/shared';
import type { ProbeRunner } from '../display-probe.js';
import type { InputDriver } from '../input-driver.js';

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

/** What a backend may need from the host: where to keep what it must remember, and the log. */
export interface BackendContext {
  dataDir: string;
  log: (line: string) => void;
  /** How to run the X display probe apart from this process; node by default, a utility process in Electron. */
  runProbe?: ProbeRunner;
}

export interface InputBackendCandidate {
  readonly name: string;
  /** Whether it is worth trying at all on this platform and session (no native code loaded yet). */
  appliesTo(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean;
  /** Opens it; an availability of 'unavailable' means "not here", with the reason. Never throws. */
  open(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, context: BackendContext): Promise<InputBackend>;
}

/** The first backend that can inject; else the reason the first one that applied gave. */
export async function openFirstBackend(
  candidates: readonly InputBackendCandidate[],
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  context: BackendContext,
): Promise<InputBackend> {
  let refusal: InputBackend | undefined;
  for (const candidate of candidates) {
    if (!candidate.appliesTo(platform, env)) continue;
    const backend = await candidate.open(platform, env, context);
    if (backend.availability.status !== 'unavailable') return backend;
    refusal ??= backend;
  }
  return (
    refusal ?? { availability: { status: 'unavailable', code: 'unsupported-platform', params: { platform } }, driver: undefined }
  );
}
