import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';

/**
 * Loads nut-js in a throwaway process and reads the pointer. libnut segfaults instead of throwing when
 * the X display cannot be opened, so this must not happen in the host's own process.
 */
export function probeInjection(
  env: NodeJS.ProcessEnv,
  timeoutMs = 15_000,
): Promise<{ ok: true } | { ok: false; detail: string }> {
  const nutUrl = import.meta.resolve('@nut-tree-fork/nut-js');
  const script = `
    import(${JSON.stringify(nutUrl)})
      .then((nut) => nut.mouse.getPosition())
      .then(() => process.exit(0), (e) => { console.error(String(e && e.message || e)); process.exit(3); });`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...env, ELECTRON_RUN_AS_NODE: '1' },
      cwd: tmpdir(),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, detail: `could not start the input probe: ${error.message}` });
    });
    child.on('exit', (code, signal) => {
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
