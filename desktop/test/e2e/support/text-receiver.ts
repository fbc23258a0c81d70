/**
 * A real application that receives typed text, as a child process speaking lines on stdin and stdout:
 * a GTK text view (gtk-receiver.py: Debian's python3-gi and gir1.2-gtk-3.0) or a LibreOffice Writer
 * document (writer-receiver.py: libreoffice-writer and python3-uno).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const GTK_SCRIPT = resolve(import.meta.dirname, 'gtk-receiver.py');
const WRITER_SCRIPT = resolve(import.meta.dirname, 'writer-receiver.py');

export class TextReceiver {
  private readonly lines: string[] = [];
  private wake: (() => void) | undefined;
  private stderr = '';

  private constructor(private readonly child: ChildProcess) {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      this.lines.push(line);
      this.wake?.();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
  }

  /** A GTK text view filling its window. */
  static gtk(display: string): Promise<TextReceiver> {
    return TextReceiver.start(GTK_SCRIPT, display, 15_000);
  }

  /** An empty LibreOffice Writer document, AutoCorrect off (it starts in a few seconds). */
  static writer(display: string): Promise<TextReceiver> {
    return TextReceiver.start(WRITER_SCRIPT, display, 60_000);
  }

  /** The system Python: python3-gi and python3-uno are Debian packages, not in a pyenv or venv interpreter. */
  private static async start(script: string, display: string, readyMs: number): Promise<TextReceiver> {
    const child = spawn('/usr/bin/python3', [script], {
      env: { ...process.env, DISPLAY: display, GDK_BACKEND: 'x11', NO_AT_BRIDGE: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const receiver = new TextReceiver(child);
    await receiver.nextLine(readyMs);
    return receiver;
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  async text(): Promise<string> {
    this.child.stdin?.write('text\n');
    return JSON.parse(await this.nextLine(10_000)) as string;
  }

  async clear(): Promise<void> {
    this.child.stdin?.write('clear\n');
    await this.nextLine(10_000);
  }

  /** Polls until the buffer holds `expected` or stops changing; returns what it holds. */
  async waitForText(expected: string, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let text = await this.text();
    while (text !== expected && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      text = await this.text();
    }
    return text;
  }

  close(): Promise<void> {
    return new Promise((done) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return done();
      this.child.once('exit', () => done());
      this.child.kill('SIGCONT');
      this.child.kill('SIGTERM');
    });
  }

  private async nextLine(timeoutMs: number): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (this.lines.length === 0) {
      if (Date.now() > deadline || this.child.exitCode !== null)
        throw new Error(`the receiving application did not answer: ${this.stderr}`);
      await new Promise<void>((r) => {
        this.wake = r;
        setTimeout(r, 100);
      });
    }
    return this.lines.shift() as string;
  }
}
