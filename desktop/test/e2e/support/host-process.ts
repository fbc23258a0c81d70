/** The real headless host (desktop/dist/cli.js) as a child process, as a user would run it. */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const CLI = resolve(import.meta.dirname, '..', '..', '..', 'dist', 'cli.js');

/** A name that is not an IP address, mapped to 127.0.0.1 inside the phone's browser only. */
export const PHONE_HOST_NAME = 'deskremote.test';

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

  /**
   * Bound to loopback and told it is also `deskremote.test`, the name the phone's browser maps to
   * 127.0.0.1: the page is then on a plain-http origin that is NOT a secure context, as on a real phone.
   * Approvals are off (--approve-all) unless `approvals` is set: then the terminal asks.
   */
  static async start(options: {
    display: string;
    dataDir: string;
    port?: number;
    /** The address to listen on; 127.0.0.1 (where the phone's browser maps deskremote.test) by default. */
    bind?: string;
    approvals?: boolean;
    /** More environment for the host (a private session bus, a sound server). */
    env?: Record<string, string>;
    /** Another build of the CLI (the packaged app's own); this checkout's by default. */
    cli?: string;
    /** Looks for LibreOffice Impress's remote control on its port (1599); off unless a test runs Impress. */
    impress?: boolean;
  }): Promise<HostProcess> {
    const child = spawn(
      process.execPath,
      [
        options.cli ?? CLI,
        '--bind',
        options.bind ?? '127.0.0.1',
        '--name',
        PHONE_HOST_NAME,
        '--port',
        String(options.port ?? 0),
        '--data-dir',
        options.dataDir,
        '--no-qr',
        ...(options.impress ? [] : ['--impress-port', 'off']),
        ...(options.approvals ? [] : ['--approve-all']),
      ],
      {
        env: { ...process.env, DISPLAY: options.display, WAYLAND_DISPLAY: '', XDG_SESSION_TYPE: 'x11', ...options.env },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    const host = new HostProcess(child);
    await host.waitForOutput(/input: (ready|limited|unavailable|checking: portal)/, 20_000);
    await host.waitForOutput(/Pairing URL: /, 5000);
    return host;
  }

  get log(): string {
    return this.output;
  }

  /** Whether the process has ended (on its own or killed). */
  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** The URL the QR code encodes: http://deskremote.test:PORT/#pair=..., which the phone maps to loopback. */
  pairingUrl(): string {
    const urls = [...this.output.matchAll(/Pairing URL: (\S+)/g)].map((m) => m[1] ?? '');
    const last = urls[urls.length - 1];
    if (!last) throw new Error(`the host printed no pairing URL:\n${this.output}`);
    return last;
  }

  /** The desktop window's address the terminal printed (loopback, with its key in the fragment). */
  async windowUrl(): Promise<string> {
    const match = await this.waitForOutput(/open (http:\/\/127\.0\.0\.1:\d+\/#key=[\w-]+) in your browser/);
    return match[1] ?? '';
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  /**
   * Closes the reading ends of the host's stdout and stderr, as when the program reading its output goes
   * away (a supervisor, `npm start | tee` with tee killed): its next writes fail with EPIPE.
   */
  closeOutput(): void {
    this.child.stdout?.destroy();
    this.child.stderr?.destroy();
  }

  /** Answers the terminal's "Allow ‹phone›?" question. */
  answer(line: string): void {
    this.child.stdin?.write(`${line}\n`);
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
