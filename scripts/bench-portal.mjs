// The Wayland path for npm run bench: a headless mutter with the real RemoteDesktop portal on a private
// session bus (scripts/wayland-desktop.mjs), the portal backend opened as the host opens it, its dialog
// answered through the accessibility bus. Gives the backend to the same host loop as the X11 path.
import { join } from 'node:path';
import { startWaylandDesktop } from './wayland-desktop.mjs';

const root = join(import.meta.dirname, '..');

/** Runs `measure(openInput)` with the portal backend; undefined (and why) where mutter or the portal is missing. */
export async function withPortalBackend(measure) {
  let desktop;
  try {
    desktop = await startWaylandDesktop();
  } catch (error) {
    return { skipped: error instanceof Error ? error.message : String(error) };
  }
  const saved = { ...process.env };
  try {
    // dbus-next reads the session bus address from this process's environment.
    Object.assign(process.env, desktop.env);
    delete process.env.DISPLAY;
    const { openInputBackend } = await import(join(root, 'desktop/dist/host/input/input-backend.js'));
    const backend = await openInputBackend({ dataDir: desktop.env.XDG_RUNTIME_DIR, log: () => {} }, 'linux', process.env);
    if (backend.availability.code === 'wayland-no-portal') return { skipped: 'no RemoteDesktop portal' };
    const ready = new Promise((resolve) => backend.watch((a) => a.status === 'ready' && resolve()));
    const answered = desktop.answerConsent('share');
    backend.wanted();
    await answered;
    await ready;
    return { figures: await measure(async () => backend) };
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    await desktop.stop();
  }
}
