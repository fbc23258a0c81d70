// The Wayland path for npm run bench: a headless mutter with the real RemoteDesktop portal on a private
// session bus (scripts/wayland-desktop.mjs), the portal backend opened as the host opens it, its dialog
// answered through the accessibility bus. Gives the backend to the same host loop as the X11 path.
import { join } from 'node:path';
import { startWaylandDesktop } from './wayland-desktop.mjs';

const root = join(import.meta.dirname, '..');

const TEXT_RUNS = 6;

/**
 * Time to type a short text with characters outside the layout (one paste through the clipboard) beside
 * the same number of ASCII characters as keysyms, each until the driver is done (the window has it).
 */
async function textTimes(driver, desktop) {
  const times = { paste: [], keysyms: [] };
  for (let i = 0; i < TEXT_RUNS; i++) {
    for (const [kind, text] of [
      ['keysyms', 'Gruesse, ok'],
      ['paste', 'Grüße, 你好'],
    ]) {
      await desktop.clearText();
      const start = performance.now();
      await driver.typeText(text);
      times[kind].push(performance.now() - start);
      await desktop.waitFor('the text', (events) => events.filter((e) => e.e === 'buffer').at(-1)?.text === text);
    }
  }
  return { ...times, tool: desktop.env.DISPLAY ? 'xclip' : 'wl-clipboard' };
}

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
    // XWayland's display, where the desktop has one: never the X11 display of the rest of the bench.
    if (!desktop.env.DISPLAY) delete process.env.DISPLAY;
    const { openInputBackend } = await import(join(root, 'desktop/dist/host/input/input-backend.js'));
    const backend = await openInputBackend({ dataDir: desktop.env.XDG_RUNTIME_DIR, log: () => {} }, 'linux', process.env);
    if (backend.availability.code === 'wayland-no-portal') return { skipped: 'no RemoteDesktop portal' };
    const ready = new Promise((resolve) => backend.watch((a) => a.status === 'ready' && resolve()));
    const answered = desktop.answerConsent('share');
    backend.wanted();
    await answered;
    await ready;
    // Text first: the measured host closes the backend when it stops.
    await desktop.waitFor('the window to have the keyboard', (events) => events.some((e) => e.e === 'ready'));
    const text = await textTimes(backend.driver, desktop);
    return { figures: await measure(async () => backend), text };
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    await desktop.stop();
  }
}
