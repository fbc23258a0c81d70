/**
 * Records what really crosses the loopback interface for one TCP port, with a real tcpdump, so an
 * end-to-end test can search the bytes an eavesdropper would see. Needs tcpdump and root (or
 * CAP_NET_RAW); the decoding itself lives in pure modules (pcap, tcp-streams, ws-frames).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { decodeTcp, parsePcap, type TcpSegment } from './pcap.js';
import { concatBytes, reassembleTcp } from './tcp-streams.js';
import { upgradedFrames, type WsFrame } from './ws-frames.js';

export type { WsFrame } from './ws-frames.js';

export interface CapturedConnection {
  clientPort: number;
  clientToServer: Uint8Array;
  serverToClient: Uint8Array;
  /** Client frames first, then server frames; empty when the connection never upgraded. */
  frames: WsFrame[];
  /** Both SYNs seen and no bytes missing: see TcpConnection.complete. */
  complete: boolean;
}

export interface CapturedTraffic {
  connections: CapturedConnection[];
  /**
   * Every TCP payload byte of every connection, both directions: each connection's reassembled client
   * stream then its server stream, so a message split across segments is still one run of bytes and a
   * retransmitted copy appears once.
   */
  allBytes: Uint8Array;
}

export interface LoopbackCapture {
  port: number;
  stop(): Promise<CapturedTraffic>;
}

export interface CaptureOptions {
  /** For tests of the failure paths only. */
  command?: string;
  device?: string;
}

const START_TIMEOUT_MS = 10_000;
const EXIT_TIMEOUT_MS = 5_000;
const SETTLE_POLL_MS = 25;
const SETTLE_QUIET_MS = 150;
const SETTLE_LIMIT_MS = 3_000;

export async function startLoopbackCapture(port: number, options: CaptureOptions = {}): Promise<LoopbackCapture> {
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`not a TCP port: ${port}`);
  const command = options.command ?? 'tcpdump';
  const device = options.device ?? 'lo';
  const dir = await mkdtemp(join(tmpdir(), 'deskremote-capture-'));
  const file = join(dir, `${device}.pcap`);
  // --immediate-mode: without it libpcap batches packets in TPACKET_V3 blocks that are only handed over
  // after a ~1 s timeout, and a SIGINT before then loses them all ("0 packets captured"). -U then writes
  // each packet to the file as it arrives, so the file can be watched for the capture to settle.
  // A 32 MB kernel buffer: on a loaded machine the default one dropped packets, leaving holes in a stream.
  const child = spawn(
    command,
    ['-i', device, '-U', '--immediate-mode', '-B', '32768', '-s', '0', '-w', file, `tcp port ${port}`],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
  });
  // 'close' waits for stderr to drain, so a failure message is complete; 'error' covers a missing binary.
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>((resolve) => {
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${command} did not report "listening on ${device}" within 10 s; stderr: ${stderr.trim()}`)),
        START_TIMEOUT_MS,
      );
      // tcpdump prints this once the filter is attached, so traffic from now on is captured.
      const onData = () => {
        if (!stderr.includes(`listening on ${device}`)) return;
        clearTimeout(timer);
        resolve();
      };
      child.stderr?.on('data', onData);
      void ended.then(({ code, signal, error }) => {
        clearTimeout(timer);
        child.stderr?.off('data', onData);
        if ((error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
          reject(new Error(`${command} is not installed: run 'apt-get install -y tcpdump'`));
        } else {
          const how = error ? error.message : `exit code ${code}, signal ${signal}`;
          reject(new Error(`${command} failed before listening (${how}); stderr: ${stderr.trim()}`));
        }
      });
    });
  } catch (error) {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  let stopping: Promise<CapturedTraffic> | undefined;
  const stop = async (): Promise<CapturedTraffic> => {
    try {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${command} exited during the capture (code ${child.exitCode}); stderr: ${stderr.trim()}`);
      }
      await settle(file);
      await interrupt(child, ended);
      return decodeCapture(await readFile(file), port);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
  return { port, stop: () => (stopping ??= stop()) };
}

/**
 * Waits until the file has stopped growing. tcpdump stops on SIGINT without draining packets the kernel
 * already queued for it, so stopping the moment a test's last await returns could lose the final packets.
 */
async function settle(file: string): Promise<void> {
  const deadline = Date.now() + SETTLE_LIMIT_MS;
  let size = -1;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    const now = (await stat(file)).size;
    if (now !== size) {
      size = now;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= SETTLE_QUIET_MS) {
      return;
    }
    await sleep(SETTLE_POLL_MS);
  }
}

/** SIGINT (tcpdump then closes the file cleanly), or SIGKILL if it has not exited in time. */
async function interrupt(child: ChildProcess, ended: Promise<unknown>): Promise<void> {
  child.kill('SIGINT');
  const exited = await Promise.race([ended.then(() => true), sleep(EXIT_TIMEOUT_MS, false)]);
  if (exited) return;
  // With -U every packet was already written, so the file stays readable; a torn last record is skipped.
  child.kill('SIGKILL');
  await Promise.race([ended, sleep(EXIT_TIMEOUT_MS)]);
}

/** The pure half of stop(): pcap bytes to connections and frames. */
export function decodeCapture(pcap: Uint8Array, serverPort: number): CapturedTraffic {
  const { linkType, packets } = parsePcap(pcap);
  const segments = packets.map((packet) => decodeTcp(linkType, packet)).filter((s): s is TcpSegment => s !== undefined);
  const connections = reassembleTcp(segments, serverPort).map((c) => ({
    clientPort: c.client.port,
    clientToServer: c.clientToServer,
    serverToClient: c.serverToClient,
    frames: upgradedFrames(c.clientToServer, c.serverToClient),
    complete: c.complete,
  }));
  return { connections, allBytes: concatBytes(connections.flatMap((c) => [c.clientToServer, c.serverToClient])) };
}

export function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return asBuffer(haystack).includes(asBuffer(needle));
}

export function containsText(haystack: Uint8Array, text: string): boolean {
  return containsBytes(haystack, new TextEncoder().encode(text));
}
