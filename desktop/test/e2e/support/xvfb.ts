import { spawn } from 'node:child_process';

export interface XDisplay {
  display: string;
  width: number;
  height: number;
  stop(): Promise<void>;
}

/** A private X server for the test: Xvfb picks a free display number and writes it to fd 3. */
export function startXvfb(width = 1280, height = 800): Promise<XDisplay> {
  return new Promise((resolve, reject) => {
    const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp', '-noreset'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let number = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Xvfb did not start in time: ${stderr}`));
    }, 15_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb could not start (${error.message}): run 'apt-get install -y xvfb'`));
    });
    child.stdio[3]?.on('data', (chunk: Buffer) => {
      number += chunk.toString();
      if (!number.includes('\n')) return;
      clearTimeout(timer);
      resolve({
        display: `:${number.trim()}`,
        width,
        height,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
