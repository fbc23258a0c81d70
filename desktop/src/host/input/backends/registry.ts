/**
 * Input backends, one file each, tried in order: the first that can inject here wins; each that cannot
 * says why with a typed availability. The next backends (the Wayland RemoteDesktop portal, Windows'
 * SendInput, macOS' CGEvent) are one more file and one more line below.
 */
import type { InputBackend } from '../input-backend.js';

export interface InputBackendCandidate {
  readonly name: string;
  /** Whether it is worth trying at all on this platform and session (no native code loaded yet). */
  appliesTo(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean;
  /** Opens it; an availability of 'unavailable' means "not here", with the reason. Never throws. */
  open(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): Promise<InputBackend>;
}

/** The first backend that can inject; else the reason the most specific one gave. */
export async function openFirstBackend(
  candidates: readonly InputBackendCandidate[],
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
): Promise<InputBackend> {
  let refusal: InputBackend | undefined;
  for (const candidate of candidates) {
    if (!candidate.appliesTo(platform, env)) continue;
    const backend = await candidate.open(platform, env);
    if (backend.availability.status !== 'unavailable') return backend;
    refusal ??= backend;
  }
  return (
    refusal ?? { availability: { status: 'unavailable', code: 'unsupported-platform', params: { platform } }, driver: undefined }
  );
}
