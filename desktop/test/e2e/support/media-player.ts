/**
 * A real media player for a test: Debian's mpv with the mpv-mpris plugin (loaded from /etc/mpv/scripts),
 * no audio or video output, on a private D-Bus session bus, playing two generated tones. Its own state is
 * read back through mpv's JSON IPC socket, not through what the host says.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface MediaPlayer {
  busAddress: string;
  get(property: string): Promise<unknown>;
  stop(): Promise<void>;
}

/** A mono 16-bit WAV of a sine tone. */
export function tone(frequency: number, seconds: number, rate = 8000): Buffer {
  const samples = seconds * rate;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * frequency * i) / rate)), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** A private session bus (dbus-daemon): its address, and the daemon to kill at the end. */
export function startSessionBus(): Promise<{ address: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn('dbus-daemon', ['--session', '--print-address=1', '--nofork'], { stdio: ['ignore', 'pipe', 'ignore'] });
    child.on('error', () => reject(new Error('dbus-daemon is needed: apt-get install -y dbus-daemon')));
    child.stdout?.once('data', (chunk: Buffer) => resolve({ address: chunk.toString().trim(), child }));
  });
}

/** Two generated tones in the player's folder: the playlist of the media tests. */
async function twoTones(folder: string): Promise<string[]> {
  await writeFile(join(folder, 'First tone.wav'), tone(440, 60));
  await writeFile(join(folder, 'Second tone.wav'), tone(660, 60));
  return [join(folder, 'First tone.wav'), join(folder, 'Second tone.wav')];
}

/** `tracks` writes what mpv plays into its folder (removed at the end) and returns the paths, in order. */
export async function startMediaPlayer(options: { tracks?: (folder: string) => Promise<string[]> } = {}): Promise<MediaPlayer> {
  const folder = await mkdtemp(join(tmpdir(), 'deskremote-mpv-'));
  const tracks = await (options.tracks ?? twoTones)(folder);
  const bus = await startSessionBus();
  const socket = join(folder, 'mpv.sock');
  const mpv = spawn('mpv', ['--ao=null', '--vo=null', '--no-terminal', '--idle=no', `--input-ipc-server=${socket}`, ...tracks], {
    env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: bus.address },
    stdio: 'ignore',
  });
  const get = (property: string) =>
    new Promise<unknown>((resolve, reject) => {
      const client = connect(socket);
      let answer = '';
      const timer = setTimeout(() => {
        client.destroy();
        reject(new Error(`mpv did not answer for ${property}`));
      }, 3000);
      client.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      client.on('data', (chunk) => {
        answer += chunk.toString();
        for (const line of answer.split('\n')) {
          if (!line.includes('"request_id":7')) continue;
          clearTimeout(timer);
          client.destroy();
          const parsed = JSON.parse(line) as { data?: unknown; error: string };
          if (parsed.error !== 'success') reject(new Error(`mpv: ${parsed.error}`));
          else resolve(parsed.data);
        }
      });
      client.write(`${JSON.stringify({ command: ['get_property', property], request_id: 7 })}\n`);
    });
  for (let i = 0; i < 50; i++) {
    try {
      await get('pause');
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    busAddress: bus.address,
    get,
    stop: async () => {
      mpv.kill();
      bus.child.kill();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
