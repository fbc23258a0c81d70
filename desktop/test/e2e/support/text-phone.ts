/**
 * A phone without a page: paired with the real host process over the real protocol, it sends text and
 * key commands and waits for each answer. It pings as the page does from pairing to close, so neither a
 * long text nor a test's wait between commands looks like silence (the host drops a phone silent for 2.5 s).
 */
import { tokenFromHash } from '@deskremote/shared';
import type { RawClient } from '../../support/raw-client.js';
import { keepAlive, resumePhone, startPairingOn } from '../../support/test-host.js';
import type { HostProcess } from './host-process.js';
import { textChunks } from './mixed-text.mjs';

type Command = { t: 'text'; text: string } | { t: 'key'; key: string; mods?: string[] };

export class TextPhone {
  private id = 0;
  private readonly stopPinging: () => void;

  private constructor(
    readonly client: RawClient,
    private readonly saved: { port: number; deviceId: string; secret: string },
  ) {
    this.stopPinging = keepAlive(client);
  }

  static async pair(host: HostProcess): Promise<TextPhone> {
    const token = tokenFromHash(new URL(host.pairingUrl()).hash) ?? '';
    const { client, deviceId, secret } = await startPairingOn(host.port, token, { deviceName: 'Text phone' });
    await client.next('welcome', 10_000);
    return new TextPhone(client, { port: host.port, deviceId, secret });
  }

  /** The same phone back on a new connection, with the secret it was given at pairing (no code needed). */
  static async resume(previous: TextPhone): Promise<TextPhone> {
    const { port, deviceId, secret } = previous.saved;
    const client = await resumePhone(port, deviceId, secret);
    await client.next('welcome', 10_000);
    return new TextPhone(client, previous.saved);
  }

  /** Sends the text in commands within the protocol's size limit, each after the previous was acknowledged. */
  async type(text: string, timeoutMs = 120_000): Promise<void> {
    for (const chunk of textChunks(text)) await this.command({ t: 'text', text: chunk }, timeoutMs);
  }

  async key(key: string, mods: string[] = []): Promise<void> {
    await this.command({ t: 'key', key, mods }, 10_000);
  }

  close(): void {
    this.stopPinging();
    this.client.socket.close();
  }

  private async command(command: Command, timeoutMs: number): Promise<void> {
    const id = ++this.id;
    this.client.send({ ...command, id } as Parameters<RawClient['send']>[0]);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const answer = this.client.messages.find((m) => (m.t === 'ack' || m.t === 'error') && m.id === id);
      if (answer?.t === 'ack') return;
      if (answer) throw new Error(`the host refused command ${id}: ${JSON.stringify(answer)}`);
      if (Date.now() > deadline) throw new Error(`no answer to command ${id} in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
