/**
 * The default output's level and mute through `pactl`, which speaks to PulseAudio and to PipeWire's
 * pipewire-pulse alike. Programs run with fixed argument lists (never a shell); changes made elsewhere
 * arrive through `pactl subscribe`.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';

export interface VolumeReading {
  level: number;
  muted: boolean;
}

/** "Volume: front-left: 26214 /  40% / -23.88 dB, ..." → 40 (the first channel: they move together here). */
export function parseVolume(output: string): number | undefined {
  const match = /(\d+)%/.exec(output);
  return match ? Number(match[1]) : undefined;
}

export function parseMute(output: string): boolean | undefined {
  const match = /Mute:\s*(yes|no)/i.exec(output);
  return match ? match[1]?.toLowerCase() === 'yes' : undefined;
}

const SINK = '@DEFAULT_SINK@';

function run(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('pactl', args, { env, timeout: 3000 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
}

export class Pactl {
  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  async read(): Promise<VolumeReading> {
    const [volume, mute] = await Promise.all([run(['get-sink-volume', SINK], this.env), run(['get-sink-mute', SINK], this.env)]);
    const level = parseVolume(volume);
    const muted = parseMute(mute);
    if (level === undefined || muted === undefined) throw new Error('pactl said something unexpected');
    return { level, muted };
  }

  async setLevel(level: number): Promise<void> {
    await run(['set-sink-volume', SINK, `${Math.round(level)}%`], this.env);
  }

  async setMuted(muted: boolean): Promise<void> {
    await run(['set-sink-mute', SINK, muted ? '1' : '0'], this.env);
  }

  /** Calls `onChange` whenever a sink or the server changes (the default output, its level, its mute). */
  follow(onChange: () => void, onEnd: () => void): ChildProcess {
    const child = spawn('pactl', ['subscribe'], { env: this.env, stdio: ['ignore', 'pipe', 'ignore'] });
    child.unref();
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      if (lines.some((line) => / on (sink|server) /.test(line))) onChange();
    });
    child.on('error', onEnd);
    child.on('exit', onEnd);
    return child;
  }
}
