/**
 * A real GNOME-style Wayland desktop for a test, with nothing of the machine's own: a private session
 * bus (dbus-daemon), a private XDG_RUNTIME_DIR, mutter --headless with a virtual monitor and no X11,
 * xdg-desktop-portal with its GNOME backend (D-Bus activated on that bus), and the receiving application
 * (wayland-recorder.py, a GTK window on that display). The portal's dialog is answered through the
 * accessibility bus by portal-consent.py: the test's hands, never the product's.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const SUPPORT = import.meta.dirname;
const PYTHON = '/usr/bin/python3';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type WaylandEvent =
  | { e: 'ready' }
  | { e: 'focus'; on: boolean }
  | { e: 'motion'; x: number; y: number }
  | { e: 'button'; button: number; down: boolean }
  | { e: 'scroll'; dir: string; dx?: number; dy?: number; stop?: boolean }
  | { e: 'key'; name: string; down: boolean; ctrl: boolean; shift: boolean; alt: boolean }
  | { e: 'buffer'; text: string }
  | { e: 'text'; text: string }
  | { e: 'cleared' };

export interface WaylandDesktop {
  /** The environment of a program in this desktop session (the host's). */
  env: Record<string, string>;
  /** Everything the recording window received, in order. */
  events: WaylandEvent[];
  waitFor<T>(what: string, found: (events: WaylandEvent[]) => T | undefined, timeoutMs?: number): Promise<T>;
  /** Answers the portal's next dialog; resolves once the button was pressed. */
  answerConsent(answer: 'share' | 'cancel', timeoutMs?: number): Promise<void>;
  clearText(): Promise<void>;
  /** The clipboard's text, read with wl-paste ('' when it holds none). */
  clipboard(): Promise<string>;
  stop(): Promise<void>;
}

function startBus(env: NodeJS.ProcessEnv): Promise<{ address: string; child: ChildProcess }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('dbus-daemon', ['--session', '--print-address=1', '--nofork'], {
      env,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    child.on('error', () => reject(new Error('dbus-daemon is needed: apt-get install -y dbus-daemon')));
    child.stdout?.once('data', (chunk: Buffer) =>
      resolvePromise({ address: chunk.toString().trim().split('\n')[0] ?? '', child }),
    );
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`${command} exited with ${code}`))));
  });
}

export async function startWaylandDesktop(): Promise<WaylandDesktop> {
  const runtime = await mkdtemp(join(tmpdir(), 'deskremote-wayland-'));
  await chmod(runtime, 0o700);
  const display = 'deskremote-wayland-0';
  const base: Record<string, string> = {
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
  const children: ChildProcess[] = [bus.child];
  const env: Record<string, string> = { ...base, DBUS_SESSION_BUS_ADDRESS: bus.address };
  const stop = async () => {
    for (const child of children.reverse()) child.kill('SIGTERM');
    await sleep(300);
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await rm(runtime, { recursive: true, force: true });
  };
  try {
    const mutter = spawn('mutter', ['--headless', '--virtual-monitor', '1280x720', '--no-x11', `--wayland-display=${display}`], {
      env,
      stdio: 'ignore',
    });
    children.push(mutter);
    const socket = join(runtime, display);
    for (let i = 0; i < 100 && !existsSync(socket); i++) await sleep(100);
    if (!existsSync(socket)) throw new Error('mutter did not open its Wayland socket');
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
    const events: WaylandEvent[] = [];
    const wakers = new Set<() => void>();
    createInterface({ input: recorder.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      try {
        events.push(JSON.parse(line) as WaylandEvent);
      } catch {
        return;
      }
      for (const wake of wakers) wake();
    });
    const waitFor = <T>(what: string, found: (events: WaylandEvent[]) => T | undefined, timeoutMs = 15_000): Promise<T> =>
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
        const before = events.length;
        recorder.stdin?.write('clear\n');
        await waitFor('the text cleared', (all) => all.slice(before).some((e) => e.e === 'cleared'));
      },
      clipboard: () =>
        new Promise((resolvePromise) => {
          execFile('wl-paste', ['--no-newline', '--type', 'text'], { env, timeout: 3000 }, (error, stdout) =>
            resolvePromise(error ? '' : String(stdout)),
          );
        }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
