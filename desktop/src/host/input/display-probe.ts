import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

/** A throwaway process running the probe script, as the caller started it. */
export interface ProbeProcess {
  readonly stderr: NodeJS.ReadableStream | null;
  kill(): void;
  /** Once, when it has ended: its exit code, or the signal that ended it. */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  /** It could not be started. */
  onError(listener: (error: Error) => void): void;
}

/** Starts `script` (an ES module file) with `env` in a process apart from the host's. */
export type ProbeRunner = (script: string, env: NodeJS.ProcessEnv) => ProbeProcess;

/** The plain-Node host: node itself runs the script. (The Electron app passes its utility-process runner.) */
export const nodeProbeRunner: ProbeRunner = (script, env) => {
  const child = spawn(process.execPath, [script], { env, cwd: tmpdir(), stdio: ['ignore', 'ignore', 'pipe'] });
  return {
    stderr: child.stderr,
    kill: () => child.kill('SIGKILL'),
    onExit: (listener) => child.on('exit', listener),
    onError: (listener) => child.on('error', listener),
  };
};

const PROBE_SCRIPT = fileURLToPath(new URL('./probe-script.js', import.meta.url));

/**
 * Loads nut-js in a throwaway process and reads the pointer. libnut segfaults instead of throwing when
 * the X display cannot be opened, so this must not happen in the host's own process.
 */
export function probeInjection(
  env: NodeJS.ProcessEnv,
  run: ProbeRunner = nodeProbeRunner,
  timeoutMs = 15_000,
): Promise<{ ok: true } | { ok: false; detail: string }> {
  // Under Electron, process.execPath is the app itself: without a runner it would start a second app.
  if (run === nodeProbeRunner && process.versions.electron) {
    return Promise.resolve({ ok: false, detail: 'no input probe runner was given to the Electron app' });
  }
  return new Promise((resolve) => {
    let child: ProbeProcess;
    try {
      child = run(PROBE_SCRIPT, env);
    } catch (error) {
      resolve({
        ok: false,
        detail: `could not start the input probe: ${error instanceof Error ? error.message : String(error)}`,
      });
      return;
    }
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    const timer = setTimeout(() => child.kill(), timeoutMs);
    child.onError((error) => {
      clearTimeout(timer);
      resolve({ ok: false, detail: `could not start the input probe: ${error.message}` });
    });
    child.onExit((code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve({ ok: true });
      const said = stderr.trim().split('\n').filter(Boolean).slice(-1)[0] ?? '';
      resolve({
        ok: false,
        detail: signal ? `the input driver crashed (${signal}) ${said}`.trim() : said || `exit code ${code}`,
      });
    });
  });
}
