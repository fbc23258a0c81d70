/**
 * Windows code under Wine, for the Windows suite: the prefix, Windows node.exe and the recorder window that
 * scripts/wine-setup.sh prepared under .ci/.wine, the real host (desktop/dist) running on that node.exe (so
 * it picks the win32 backend), and the recorder's log read back as the messages Windows delivered.
 *
 * node.exe under Wine dies with EBADF when its stdio is a Unix pipe, so every Wine process writes to files
 * and the host's pairing URL is read from its log file.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..', '..', '..');
export const WINE_DIR = join(ROOT, '.ci', '.wine');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface WineLayout {
  prefix: string;
  nodeExe: string;
  recorderExe: string;
}

/** What wine-setup.sh made; a clear failure (never a skip) when it has not run. */
export function wineLayout(): WineLayout {
  const layout = {
    prefix: join(WINE_DIR, 'prefix'),
    nodeExe: join(WINE_DIR, 'node', 'bin', 'node.exe'),
    recorderExe: join(WINE_DIR, 'recorder.exe'),
  };
  // The prebuilts too: npm ci removes them while the prepared prefix stays.
  const prebuilts = ['@koromix/koffi-win32-x64', '@img/sharp-win32-x64'].map((p) => join(ROOT, 'node_modules', p));
  const missing = [join(WINE_DIR, 'ready'), ...Object.values(layout), ...prebuilts].filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new Error(
      `The Windows suite needs the Wine setup (missing ${missing.join(', ')}): run 'scripts/wine-setup.sh' after 'npm ci' (npm test does it first).`,
    );
  }
  return layout;
}

/** A Linux path as Wine's Windows programs see it (drive Z: is the Unix root). */
export function winePath(path: string): string {
  return `Z:${resolve(path).replaceAll('/', '\\')}`;
}

export function wineEnv(layout: WineLayout, display: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    WINEPREFIX: layout.prefix,
    WINEDEBUG: '-all',
    // No Mono or Gecko installer dialogs.
    WINEDLLOVERRIDES: 'mscoree,mshtml=',
    DISPLAY: display,
    WAYLAND_DISPLAY: '',
  };
}

/** Ends every Windows process of this prefix (the host, the recorder, Wine's own services). */
export function stopWine(layout: WineLayout): void {
  spawnSync('wineserver', ['-k'], { env: { ...process.env, WINEPREFIX: layout.prefix }, stdio: 'ignore', timeout: 15_000 });
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs: number, detail: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms\n${detail()}`);
    await sleep(40);
  }
}

function stopChild(child: ChildProcess, timeoutMs = 5000): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      done();
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

export type WinEvent =
  | { kind: 'ready'; width: number; height: number }
  | { kind: 'char' | 'syschar'; unit: number }
  | { kind: 'keydown' | 'keyup' | 'syskeydown' | 'syskeyup'; vk: number; mods: string }
  | { kind: 'wheel' | 'hwheel'; delta: number; mods: string }
  | { kind: 'down' | 'up'; button: 'left' | 'right' | 'middle'; x: number; y: number }
  | { kind: 'move'; x: number; y: number }
  | { kind: 'focus' | 'blur' };

export function parseRecorderLine(line: string): WinEvent | undefined {
  const [kind, a = '', b = '', c = ''] = line.trim().split(' ');
  switch (kind) {
    case 'ready':
      return { kind, width: Number(a), height: Number(b) };
    case 'char':
    case 'syschar':
      return { kind, unit: Number.parseInt(a, 16) };
    case 'keydown':
    case 'keyup':
    case 'syskeydown':
    case 'syskeyup':
      return { kind, vk: Number.parseInt(a, 16), mods: b === '-' ? '' : b };
    case 'wheel':
    case 'hwheel':
      return { kind, delta: Number(a), mods: b === '-' ? '' : b };
    case 'down':
    case 'up':
      return { kind, button: a as 'left' | 'right' | 'middle', x: Number(b), y: Number(c) };
    case 'move':
      return { kind, x: Number(a), y: Number(b) };
    case 'focus':
    case 'blur':
      return { kind };
  }
  return undefined;
}

/** The events of one or more kinds, typed as those kinds. */
export type EventOf<K extends WinEvent['kind']> = WinEvent & { kind: K };
export const only = <K extends WinEvent['kind']>(events: readonly WinEvent[], ...kinds: K[]): EventOf<K>[] =>
  events.filter((e): e is EventOf<K> => (kinds as string[]).includes(e.kind));

/** The text a window got: its WM_CHAR units, as one UTF-16 string. */
export const typedText = (events: readonly WinEvent[]): string =>
  String.fromCharCode(...events.flatMap((e) => (e.kind === 'char' ? [e.unit] : [])));

/** The recorder window (win-recorder.c) under Wine: full screen, topmost, focused; its log read back. */
export class WineRecorder {
  private constructor(
    private readonly child: ChildProcess,
    readonly logFile: string,
    readonly width: number,
    readonly height: number,
  ) {}

  static async start(layout: WineLayout, display: string, logFile: string): Promise<WineRecorder> {
    const child = spawn('wine', [layout.recorderExe, winePath(logFile)], {
      env: wineEnv(layout, display),
      stdio: 'ignore',
    });
    const read = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
    const ready = await until(
      'the recorder window',
      () => {
        if (child.exitCode !== null) throw new Error(`the recorder exited with ${child.exitCode}`);
        // The window may log its focus before it says it is ready.
        const line = read()
          .split('\n')
          .find((l) => l.startsWith('ready '));
        const event = line ? parseRecorderLine(line) : undefined;
        return event?.kind === 'ready' ? event : undefined;
      },
      30_000,
      read,
    );
    return new WineRecorder(child, logFile, ready.width, ready.height);
  }

  events(): WinEvent[] {
    return readFileSync(this.logFile, 'utf8')
      .split('\n')
      .flatMap((line) => {
        const event = parseRecorderLine(line);
        return event && event.kind !== 'ready' ? [event] : [];
      });
  }

  count(): number {
    return this.events().length;
  }

  since(index: number): WinEvent[] {
    return this.events().slice(index);
  }

  /** Polls the log until `probe` returns something for the events after `since`; bounded. */
  waitFor<T>(what: string, since: number, probe: (events: WinEvent[]) => T | undefined, timeoutMs = 10_000): Promise<T> {
    return until(
      what,
      () => probe(this.since(since)),
      timeoutMs,
      () =>
        this.since(since)
          .slice(-60)
          .map((e) => JSON.stringify(e))
          .join('\n'),
    );
  }

  /** Waits until nothing new arrives for `quietMs` (the end of a burst), bounded by `timeoutMs`. */
  async settle(quietMs = 400, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = this.count();
    let stableSince = Date.now();
    while (Date.now() < deadline) {
      await sleep(50);
      const now = this.count();
      if (now !== last) {
        last = now;
        stableSince = Date.now();
      } else if (Date.now() - stableSince >= quietMs) return;
    }
  }

  get exited(): boolean {
    return this.child.exitCode !== null;
  }

  stop(): Promise<void> {
    return stopChild(this.child);
  }
}

/** The real host (desktop/dist/cli.js) on Windows node.exe under Wine, its output in a log file. */
export class WineHost {
  private constructor(
    private readonly child: ChildProcess,
    readonly logFile: string,
  ) {}

  static async start(
    layout: WineLayout,
    options: { display: string; dataDir: string; logFile: string; name: string; port?: number },
  ): Promise<WineHost> {
    const out = openSync(options.logFile, 'w');
    const child = spawn(
      'wine',
      [
        layout.nodeExe,
        winePath(join(ROOT, 'desktop', 'dist', 'cli.js')),
        '--bind',
        '127.0.0.1',
        '--name',
        options.name,
        '--port',
        String(options.port ?? 0),
        '--data-dir',
        winePath(options.dataDir),
        '--no-qr',
        '--approve-all',
      ],
      // Files, not pipes (EBADF otherwise); stdin from /dev/null, which the host reads as "no terminal".
      { cwd: ROOT, env: wineEnv(layout, options.display), stdio: ['ignore', out, out] },
    );
    closeSync(out);
    const host = new WineHost(child, options.logFile);
    await host.waitForOutput(/input: (ready|limited|unavailable)/, 60_000);
    await host.waitForOutput(/Pairing URL: /, 10_000);
    return host;
  }

  get log(): string {
    return readFileSync(this.logFile, 'utf8').replaceAll('\r\n', '\n');
  }

  waitForOutput(pattern: RegExp, timeoutMs = 10_000): Promise<RegExpMatchArray> {
    return until(
      `the host printing ${pattern}`,
      () => {
        if (this.child.exitCode !== null) throw new Error(`the host exited (${this.child.exitCode}):\n${this.log}`);
        return this.log.match(pattern) ?? undefined;
      },
      timeoutMs,
      () => this.log,
    );
  }

  pairingUrl(): string {
    const urls = [...this.log.matchAll(/Pairing URL: (\S+)/g)].map((m) => m[1] ?? '');
    const last = urls[urls.length - 1];
    if (!last) throw new Error(`the host printed no pairing URL:\n${this.log}`);
    return last;
  }

  get port(): number {
    return Number(new URL(this.pairingUrl()).port);
  }

  get exited(): boolean {
    return this.child.exitCode !== null;
  }

  stop(): Promise<void> {
    return stopChild(this.child);
  }
}
