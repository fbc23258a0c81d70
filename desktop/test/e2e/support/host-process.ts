/** The real headless host (desktop/dist/cli.js) as a child process, as a user would run it. */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const CLI = resolve(import.meta.dirname, '..', '..', '..', 'dist', 'cli.js');

export class HostProcess {
  private output = '';
  private readonly waiters = new Set<() => void>();

  private constructor(private readonly child: ChildProcess) {
    const collect = (chunk: Buffer) => {
      this.output += chunk.toString();
      for (const waiter of this.waiters) waiter();
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
  }

  static async start(options: { display: string; dataDir: string; port?: number }): Promise<HostProcess> {
    const child = spawn(
      process.execPath,
      [CLI, '--bind', '127.0.0.1', '--port', String(options.port ?? 0), '--data-dir', options.dataDir, '--no-qr'],
      {
        env: { ...process.env, DISPLAY: options.display, WAYLAND_DISPLAY: '', XDG_SESSION_TYPE: 'x11' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const host = new HostProcess(child);
    await host.waitForOutput(/input: (ready|limited|unavailable)/, 20_000);
    await host.waitForOutput(/Pairing URL: /, 5000);
    return host;
  }

  get log(): string {
    return this.output;
  }

  /** The URL the QR code encodes, its address swapped for 127.0.0.1: tests talk to loopback only. */
  pairingUrl(): string {
    const urls = [...this.output.matchAll(/Pairing URL: (\S+)/g)].map((m) => m[1] ?? '');
    const last = urls[urls.length - 1];
    if (!last) throw new Error(`the host printed no pairing URL:\n${this.output}`);
    const url = new URL(last);
    url.hostname = '127.0.0.1';
    return url.toString();
  }

  pairingUrlCount(): number {
    return [...this.output.matchAll(/Pairing URL: /g)].length;
  }

  get port(): number {
    return Number(new URL(this.pairingUrl()).port);
  }

  waitForOutput(pattern: RegExp, timeoutMs = 10_000): Promise<RegExpMatchArray> {
    return new Promise((resolvePromise, reject) => {
      const check = () => {
        const match = this.output.match(pattern);
        if (!match) return;
        cleanup();
        resolvePromise(match);
      };
      const onExit = () => {
        cleanup();
        reject(new Error(`the host exited before printing ${pattern}:\n${this.output}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`the host did not print ${pattern} in ${timeoutMs} ms:\n${this.output}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
        this.child.off('exit', onExit);
      };
      this.waiters.add(check);
      this.child.once('exit', onExit);
      check();
    });
  }

  /** Stops it as a user would (Ctrl+C); resolves with the exit code. */
  stop(signal: NodeJS.Signals = 'SIGINT'): Promise<number | null> {
    return new Promise((done) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return done(this.child.exitCode);
      this.child.once('exit', (code) => done(code));
      this.child.kill(signal);
    });
  }
}
