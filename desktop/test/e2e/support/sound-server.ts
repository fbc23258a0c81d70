/**
 * A real sound server for a test: PipeWire, WirePlumber and pipewire-pulse on a private D-Bus session and
 * a private runtime folder, with no sound card (WirePlumber makes a null output). `pactl` reaches it
 * through PULSE_SERVER.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SoundServer {
  env: { PULSE_SERVER: string };
  pactl(...args: string[]): Promise<string>;
  stop(): Promise<void>;
}

export async function startSoundServer(): Promise<SoundServer> {
  const runtime = await mkdtemp(join(tmpdir(), 'deskremote-sound-'));
  const child: ChildProcess = spawn(
    'dbus-run-session',
    ['--', 'sh', '-c', 'pipewire & sleep 0.3; wireplumber & sleep 0.3; pipewire-pulse & wait'],
    { env: { ...process.env, XDG_RUNTIME_DIR: runtime }, stdio: 'ignore', detached: true },
  );
  const env = { PULSE_SERVER: `unix:${join(runtime, 'pulse', 'native')}` };
  const pactl = (...args: string[]) =>
    new Promise<string>((resolve, reject) => {
      execFile('pactl', args, { env: { ...process.env, ...env }, timeout: 3000 }, (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      );
    });
  const stop = async () => {
    if (child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Gone already.
      }
    }
    await rm(runtime, { recursive: true, force: true });
  };
  for (let i = 0; i < 50; i++) {
    try {
      await pactl('get-sink-volume', '@DEFAULT_SINK@');
      return { env, pactl, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  await stop();
  throw new Error('PipeWire did not start (apt-get install -y pipewire wireplumber pipewire-pulse pulseaudio-utils dbus)');
}
