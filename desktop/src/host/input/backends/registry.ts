/**
 * Input backends, one file each, tried in order: the first that can inject here wins; each that cannot
 * says why with a typed availability. (Windows' SendInput and macOS' CGEvent would be one more file and
 * one more line in input-backend.ts.)
 */
import type { ProbeRunner } from '../display-probe.js';
import type { InputBackend } from '../input-backend.js';

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
