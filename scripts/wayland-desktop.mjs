/**
 * A real GNOME-style Wayland desktop for a test, with nothing of the machine's own: a private session
 * bus (dbus-daemon), a private XDG_RUNTIME_DIR, mutter --headless with a virtual monitor and XWayland
 * (as a GNOME session has; the host pastes text through its clipboard),
 * xdg-desktop-portal with its GNOME backend (D-Bus activated on that bus), and the receiving application
 * (wayland-recorder.py, a GTK window on that display). The portal's dialog is answered through the
 * accessibility bus by portal-consent.py: the test's hands, never the product's. Shared by the Wayland
 * end-to-end test and npm run bench.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const SUPPORT = join(import.meta.dirname, '..', 'desktop', 'test', 'e2e', 'support');
const PYTHON = '/usr/bin/python3';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function startBus(env) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('dbus-daemon', ['--session', '--print-address=1', '--nofork'], {
      env,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    child.on('error', () => reject(new Error('dbus-daemon is needed: apt-get install -y dbus-daemon')));
    child.stdout?.once('data', (chunk) => resolvePromise({ address: chunk.toString().trim().split('\n')[0] ?? '', child }));
  });
}

function run(command, args, env) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`${command} exited with ${code}`))));
  });
}

/**
 * @param {{ xwayland?: boolean }} [options] xwayland: false runs mutter with --no-x11 (no DISPLAY).
 * @returns {Promise<import('./wayland-desktop.d.mts').WaylandDesktop>}
 */
export async function startWaylandDesktop({ xwayland = true } = {}) {
  const runtime = await mkdtemp(join(tmpdir(), 'deskremote-wayland-'));
  await chmod(runtime, 0o700);
  const display = 'deskremote-wayland-0';
  const base = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? runtime,
    LANG: 'C.UTF-8',
    XDG_RUNTIME_DIR: runtime,
    XDG_CURRENT_DESKTOP: 'GNOME',
    XDG_SESSION_TYPE: 'wayland',
    // GSettings in memory: nothing of this machine's dconf is read or written.
    GSETTINGS_BACKEND: 'memory',
  };
  const bus = await startBus(base);
  const children = [bus.child];
  const env = { ...base, DBUS_SESSION_BUS_ADDRESS: bus.address };
  const stop = async () => {
    for (const child of children.reverse()) child.kill('SIGTERM');
    await sleep(300);
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await rm(runtime, { recursive: true, force: true });
  };
  try {
    const x11Flags = xwayland ? [] : ['--no-x11'];
    const mutter = spawn('mutter', ['--headless', '--virtual-monitor', '1280x720', ...x11Flags, `--wayland-display=${display}`], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    children.push(mutter);
    // "Using public X11 display :0, (using :1 for managed services)": XWayland's display, a free number.
    const x11 = new Promise((resolvePromise) => {
      const lines = createInterface({ input: mutter.stderr });
      lines.on('line', (line) => {
        const found = /Using public X11 display (:\d+)/.exec(line);
        if (found) resolvePromise(found[1]);
      });
      lines.on('close', () => resolvePromise(undefined));
    });
    const socket = join(runtime, display);
    for (let i = 0; i < 100 && !existsSync(socket); i++) await sleep(100);
    if (!existsSync(socket)) throw new Error('mutter did not open its Wayland socket');
    if (xwayland) {
      const x11Display = await Promise.race([x11, sleep(10_000)]);
      if (!x11Display) throw new Error('mutter did not start XWayland: apt-get install -y xwayland');
      const auth = (await readdir(runtime)).find((name) => name.startsWith('.mutter-Xwaylandauth.'));
      env.DISPLAY = x11Display;
      if (auth) env.XAUTHORITY = join(runtime, auth);
    }
    env.WAYLAND_DISPLAY = display;
    env.GDK_BACKEND = 'wayland';
    // The portals are started by D-Bus activation: they must inherit the Wayland display.
    await run(
      'dbus-update-activation-environment',
      ['WAYLAND_DISPLAY', 'XDG_CURRENT_DESKTOP', 'XDG_RUNTIME_DIR', 'GDK_BACKEND', 'GSETTINGS_BACKEND'],
      env,
    );
    children.push(spawn('/usr/libexec/xdg-desktop-portal-gnome', [], { env, stdio: 'ignore' }));
    await sleep(300);
    children.push(spawn('/usr/libexec/xdg-desktop-portal', [], { env, stdio: 'ignore' }));
    const recorder = spawn(PYTHON, [resolve(SUPPORT, 'wayland-recorder.py')], { env, stdio: ['pipe', 'pipe', 'ignore'] });
    children.push(recorder);
    const events = [];
    const wakers = new Set();
    createInterface({ input: recorder.stdout }).on('line', (line) => {
      try {
        events.push(JSON.parse(line));
      } catch {
        return;
      }
      for (const wake of wakers) wake();
    });
    const waitFor = (what, found, timeoutMs = 15_000) =>
      new Promise((resolvePromise, reject) => {
        const check = () => {
          const result = found(events);
          if (result === undefined || result === false) return;
          wakers.delete(check);
          clearTimeout(timer);
          resolvePromise(result);
        };
        const timer = setTimeout(() => {
          wakers.delete(check);
          reject(
            new Error(
              `timed out waiting for ${what}; the window received:\n${events
                .slice(-30)
                .map((e) => JSON.stringify(e))
                .join('\n')}`,
            ),
          );
        }, timeoutMs);
        wakers.add(check);
        check();
      });
    /** A line to the recorder's stdin, and the event that answers it. */
    const tell = (line, answer) => {
      const before = events.length;
      recorder.stdin?.write(`${line}\n`);
      return waitFor(`the recorder's ${answer}`, (all) => all.slice(before).find((e) => e.e === answer));
    };
    return {
      env,
      events,
      waitFor,
      answerConsent: (answer, timeoutMs = 60_000) =>
        new Promise((resolvePromise, reject) => {
          const clicker = spawn(PYTHON, [resolve(SUPPORT, 'portal-consent.py'), answer, String(timeoutMs / 1000)], {
            env,
            stdio: 'ignore',
          });
          children.push(clicker);
          clicker.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`no portal dialog to ${answer}`))));
        }),
      async clearText() {
        await tell('clear', 'cleared');
      },
      async copy(text) {
        await tell(`copy ${text}`, 'copied');
      },
      async copyImage() {
        await tell('copy-image', 'copied');
      },
      clipboardImage: async () => (await tell('clipboard-image', 'clipboard-image')).image ?? null,
      clipboard: async () => (await tell('clipboard', 'clipboard')).text ?? null,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
