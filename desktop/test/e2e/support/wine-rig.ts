/**
 * One Windows desktop for a whole test file: a private Xvfb, the recorder window under Wine, the real host
 * on Windows node.exe under Wine (win32 backend: libnut, SendInput through koffi, the GDI screen grab),
 * the phone page in headless Chromium paired with it, and a second paired phone without a page (the real
 * protocol) for exact deltas and for every key of every profile.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type HostMessage, tokenFromHash } from '@deskremote/shared';
import type { RawClient } from '../../support/raw-client.js';
import { keepAlive, startPairingOn } from '../../support/test-host.js';
import { PHONE_HOST_NAME } from './host-process.js';
import { Phone } from './phone.js';
import { stopWine, WineHost, type WineLayout, WineRecorder, wineLayout } from './wine.js';
import { startXvfb, type XDisplay } from './xvfb.js';

export interface WineRig {
  layout: WineLayout;
  x: XDisplay;
  recorder: WineRecorder;
  host: WineHost;
  phone: Phone;
  raw: RawPhone;
  dir: string;
  /** A phone page that pairs with the code now on screen (each code pairs one phone). */
  openPhone(): Promise<Phone>;
  stop(): Promise<void>;
}

/** A paired phone without a page, sending commands and awaiting each answer; bounded waits. */
export class RawPhone {
  private id = 0;
  /** A test that waits longer than the host's heartbeat timeout (a failing one) must not get this phone closed. */
  private readonly stopPinging: () => void;

  constructor(readonly client: RawClient) {
    this.stopPinging = keepAlive(client);
  }

  send(message: Record<string, unknown>): void {
    if (this.client.socket.readyState !== this.client.socket.OPEN) {
      throw new Error(`the raw phone's connection is closed; the host said: ${JSON.stringify(this.client.messages.slice(-3))}`);
    }
    this.client.send(message as Parameters<RawClient['send']>[0]);
  }

  /** A command with an id; resolves with the host's ack or error for it. */
  async command(message: Record<string, unknown>, timeoutMs = 15_000): Promise<HostMessage> {
    const id = ++this.id;
    this.send({ ...message, id });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const answer = this.client.messages.find((m) => (m.t === 'ack' || m.t === 'error') && 'id' in m && m.id === id);
      if (answer) return answer;
      if (Date.now() > deadline) throw new Error(`no answer to ${JSON.stringify(message)} in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Waits until the host has executed everything sent before (deltas included): a ping's pong comes after. */
  async flush(timeoutMs = 10_000): Promise<void> {
    const id = ++this.id;
    this.send({ t: 'ping', id });
    const deadline = Date.now() + timeoutMs;
    while (!this.client.messages.some((m) => m.t === 'pong' && m.id === id)) {
      if (Date.now() > deadline) throw new Error(`no pong in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): void {
    this.stopPinging();
    this.client.socket.close();
  }
}

/** The host prints a new code once the previous one is spent; bounded. */
async function waitForNewCode(host: WineHost, after: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (host.pairingUrl() === after) {
    if (Date.now() > deadline) throw new Error(`no new pairing code after ${after}:\n${host.log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return host.pairingUrl();
}

export async function startWineRig(name: string): Promise<WineRig> {
  const layout = wineLayout();
  const dir = await mkdtemp(join(tmpdir(), `deskremote-wine-${name}-`));
  const x = await startXvfb(1280, 720);
  let recorder: WineRecorder | undefined;
  let host: WineHost | undefined;
  let phone: Phone | undefined;
  try {
    recorder = await WineRecorder.start(layout, x.display, join(dir, 'recorder.log'));
    host = await WineHost.start(layout, {
      display: x.display,
      dataDir: join(dir, 'data'),
      logFile: join(dir, 'host.log'),
      name: PHONE_HOST_NAME,
    });
    const started = host;
    let code = host.pairingUrl();
    phone = await Phone.open(code);
    await phone.waitConnected(30_000);
    code = await waitForNewCode(started, code);
    const paired = await startPairingOn(started.port, tokenFromHash(new URL(code).hash) ?? '', { deviceName: 'Raw phone' });
    await paired.client.next('welcome', 15_000);
    const raw = new RawPhone(paired.client);
    code = await waitForNewCode(started, code);
    const rig: WineRig = {
      layout,
      x,
      recorder,
      host,
      phone,
      raw,
      dir,
      async openPhone() {
        const url = started.pairingUrl();
        const next = await Phone.open(url);
        await next.waitConnected(30_000);
        await waitForNewCode(started, url);
        return next;
      },
      async stop() {
        raw.close();
        await rig.phone.close();
        await started.stop();
        await rig.recorder.stop();
        stopWine(layout);
        await x.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
    return rig;
  } catch (error) {
    await phone?.close();
    await host?.stop();
    await recorder?.stop();
    stopWine(layout);
    await x.stop();
    throw error;
  }
}
