/** The real host on 127.0.0.1, port 0, with an in-memory driver and a throwaway data folder. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  deriveDeviceSecret,
  hostProof,
  PROTOCOL_VERSION,
  pairProof,
  randomId,
  resumeProof,
  tokenFromHash,
} from '@deskremote/shared';
import { Host, type HostOptions } from '../../src/host/host.js';
import { READY } from '../../src/host/input/input-availability.js';
import { MemoryDriver } from './memory-driver.js';
import { connectRaw, type RawClient } from './raw-client.js';

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
    openInput: async () => ({ availability: READY, driver }),
    ...overrides,
  });
  await new Promise((r) => setTimeout(r, 10));
  return { host, driver, dataDir };
}

export interface PairedPhone {
  client: RawClient;
  deviceId: string;
  secret: string;
}

/** Pairs as the phone page does: proof over the nonces, secret derived on both sides. */
export async function pairPhone(host: Host, deviceName = 'Test phone', deviceId = randomId(18)): Promise<PairedPhone> {
  const token = tokenFromHash(new URL(host.pairingUrl()).hash) ?? '';
  const client = await connectRaw(host.port);
  const clientNonce = randomId(24);
  const context = { serverNonce: client.challenge.nonce, clientNonce, deviceId };
  client.send({ t: 'pair', protocol: PROTOCOL_VERSION, deviceId, deviceName, clientNonce, proof: pairProof(token, context) });
  const welcome = await client.next('welcome');
  const secret = deriveDeviceSecret(token, context);
  if (welcome.t !== 'welcome' || welcome.hostProof !== hostProof(secret, context))
    throw new Error('the host did not prove itself');
  await client.next('snapshot');
  return { client, deviceId, secret };
}

export async function resumePhone(host: Host, deviceId: string, secret: string): Promise<RawClient> {
  const client = await connectRaw(host.port);
  const clientNonce = randomId(24);
  const context = { serverNonce: client.challenge.nonce, clientNonce, deviceId };
  client.send({ t: 'resume', protocol: PROTOCOL_VERSION, deviceId, clientNonce, proof: resumeProof(secret, context) });
  return client;
}
