/** The real host on 127.0.0.1, port 0, with an in-memory driver and a throwaway data folder. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerChallenge, HEARTBEAT_INTERVAL_MS, randomId, tokenFromHash } from '@deskremote/shared';

import { Host, type HostOptions } from '../../src/host/host.js';
import { READY } from '../../src/host/input/input-availability.js';
import { nodeX25519 } from '../../src/host/session/node-x25519.js';
import { MemoryDriver } from './memory-driver.js';
import { connectRaw, type RawClient } from './raw-client.js';

/** Approvals are off unless a test turns them on: most tests are about what happens after pairing. */
export async function startTestHost(overrides: Partial<HostOptions> = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'deskremote-host-'));
  const phoneDir = join(dataDir, 'phone');
  await mkdir(join(phoneDir, 'assets'), { recursive: true });
  await writeFile(join(phoneDir, 'index.html'), '<!doctype html><title>phone</title>');
  await writeFile(join(phoneDir, 'assets', 'app-1234.js'), `console.log(${JSON.stringify('phone page '.repeat(200))});`);
  const driver = new MemoryDriver();
  const host = await Host.start({
    port: 0,
    bind: '127.0.0.1',
    dataDir,
    phoneDir,
    version: '0.0.0-test',
    requireApproval: false,
    // Not looking for LibreOffice Impress's remote control unless a test says so.
    impressPort: false,
    openInput: async () => ({ availability: READY, driver }),
    ...overrides,
  });
  await new Promise((r) => setTimeout(r, 10));
  return { host, driver, dataDir };
}

/** A `start` that remembers every host it started and stops them all after each test. */
export function hostsStoppedAfterEach(afterEach: (fn: () => Promise<unknown>) => void): typeof startTestHost {
  const hosts: Host[] = [];
  afterEach(() => Promise.all(hosts.splice(0).map((h) => h.stop())));
  return async (...args) => {
    const started = await startTestHost(...args);
    hosts.push(started.host);
    return started;
  };
}

export interface PairedPhone {
  client: RawClient;
  deviceId: string;
  secret: string;
  confirmCode: string;
}

export function currentToken(host: Host): string {
  return tokenFromHash(new URL(host.pairingUrl()).hash) ?? '';
}

export interface PairingOptions {
  deviceName?: string;
  deviceId?: string;
  token?: string;
  localAddress?: string;
}

/** Sends a pairing proof as the phone page does (its own handshake code); does not wait for the welcome. */
export function startPairing(host: Host, options: PairingOptions = {}): Promise<PairedPhone> {
  return startPairingOn(host.port, options.token ?? currentToken(host), options);
}

/** The same against a port (a host in another process), with the token from its pairing URL. */
export async function startPairingOn(port: number, token: string, options: PairingOptions = {}): Promise<PairedPhone> {
  const client = await connectRaw(port, undefined, options.localAddress ? { localAddress: options.localAddress } : {});
  const deviceId = options.deviceId ?? randomId(18);
  const answer = answerChallenge(
    client.challenge,
    { pairingToken: token, saved: undefined, deviceName: options.deviceName ?? 'Test phone', newDeviceId: () => deviceId },
    nodeX25519,
  );
  if (!answer) throw new Error('no answer to the challenge');
  client.send(answer.message);
  client.secure(answer.keys);
  return { client, deviceId, secret: answer.keys.deviceSecret, confirmCode: answer.keys.confirmCode };
}

/** Pairs and waits for the welcome and the first snapshot. */
export async function pairPhone(host: Host, deviceName = 'Test phone', deviceId = randomId(18)): Promise<PairedPhone> {
  const phone = await startPairing(host, { deviceName, deviceId });
  await phone.client.next('welcome');
  await phone.client.next('snapshot');
  return phone;
}

/** Sends a resume proof with the saved secret; the caller waits for what it expects. */
export async function resumePhone(
  host: Host | number,
  deviceId: string,
  secret: string,
  options: { localAddress?: string } = {},
): Promise<RawClient> {
  const client = await connectRaw(typeof host === 'number' ? host : host.port, undefined, options);
  const answer = answerChallenge(
    client.challenge,
    { pairingToken: undefined, saved: { deviceId, secret }, deviceName: '', newDeviceId: () => deviceId },
    nodeX25519,
  );
  if (!answer) throw new Error('no answer to the challenge');
  client.send(answer.message);
  client.secure(answer.keys);
  return client;
}

/**
 * Pings as the phone page does, so a test that takes longer than the host's heartbeat timeout (a slow,
 * busy machine) does not get its page-less phone closed for silence. Returns the stop.
 */
export function keepAlive(client: RawClient, everyMs = HEARTBEAT_INTERVAL_MS): () => void {
  let id = 1_000_000;
  const timer = setInterval(() => {
    if (client.socket.readyState === client.socket.OPEN) client.send({ t: 'ping', id: ++id });
  }, everyMs);
  return () => clearInterval(timer);
}
