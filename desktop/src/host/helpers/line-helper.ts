/**
 * A long-lived helper process (Windows PowerShell speaking to a Windows API) that reads one request a line
 * on stdin and answers one line on stdout, in turn. A helper that stops answering is given up; once it is
 * gone, every request fails at once rather than each waiting out its timeout.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export class LineHelper {
  private readonly answers: Array<(line: string | undefined) => void> = [];
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly child: ChildProcess,
    private readonly name: string,
    private readonly timeoutMs: number,
  ) {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => this.answers.shift()?.(line));
    // A helper that exited at once leaves a closed pipe: writing to it fails with EPIPE, which must not become an
    // uncaught error; the exit below answers what was asked.
    child.stdin?.on('error', () => {});
    child.on('exit', () => {
      for (const answer of this.answers.splice(0)) answer(undefined);
    });
  }

  /** Starts `script` in Windows PowerShell (`command` stands in for it in tests). */
  static async powershell(script: string, name: string, command = 'powershell.exe', timeoutMs = 8000): Promise<LineHelper> {
    const encoded = Buffer.from(script, 'utf16le').toString('base64');
    const child = spawn(
      command,
      ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', encoded],
      {
        stdio: ['pipe', 'pipe', 'ignore'],
        windowsHide: true,
      },
    );
    await new Promise<void>((resolve, reject) => {
      child.once('error', reject);
      child.once('spawn', () => resolve());
    });
    return new LineHelper(child, name, timeoutMs);
  }

  get alive(): boolean {
    return !this.child.killed && this.child.exitCode === null && this.child.signalCode === null;
  }

  onExit(listener: () => void): void {
    this.child.on('exit', listener);
  }

  /** One request, one answer line, in turn. */
  ask(request: string): Promise<string> {
    if (!this.alive) return Promise.reject(new Error(`the ${this.name} stopped`));
    const asked = this.queue.then(
      () =>
        new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => {
            this.close();
            reject(new Error(`the ${this.name} did not answer`));
          }, this.timeoutMs);
          this.answers.push((line) => {
            clearTimeout(timer);
            if (line === undefined) reject(new Error(`the ${this.name} stopped`));
            else resolve(line);
          });
          this.child.stdin?.write(`${request}\n`);
        }),
    );
    this.queue = asked.catch(() => {});
    return asked;
  }

  close(): void {
    this.child.stdin?.end();
    this.child.kill();
  }
}
