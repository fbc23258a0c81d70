import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CloseCode, type HostMessage, MAX_WIRE_BYTES, utf8 } from '@deskremote/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { connectRaw, upgradeStatus } from '../support/raw-client.js';
import { hostsStoppedAfterEach, pairPhone, resumePhone } from '../support/test-host.js';
import { waitFor } from '../support/wait.js';

const start = hostsStoppedAfterEach(afterEach);

const reply = (messages: HostMessage[], id: number) => messages.find((m) => (m.t === 'ack' || m.t === 'error') && m.id === id);

describe('HTTP', () => {
  it('serves the phone page with a strict policy, and caches hashed assets for good', async () => {
    const { host } = await start();
    const page = await fetch(`http://127.0.0.1:${host.port}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const asset = await fetch(`http://127.0.0.1:${host.port}/assets/app-1234.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    // Compressed for phones that accept it (fetch asks for gzip and decodes it).
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(Number(asset.headers.get('content-length'))).toBeLessThan(500);
    expect(await asset.text()).toContain('phone page phone page');
    expect((await fetch(`http://127.0.0.1:${host.port}/../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${host.port}/`, { method: 'POST' })).status).toBe(405);
  });

  it('refuses requests for another host name, and upgrades only /ws', async () => {
    const { host } = await start();
    const wrongHost = await new Promise<number>((resolve) => {
      import('node:http').then(({ get }) =>
        get({ host: '127.0.0.1', port: host.port, path: '/', headers: { Host: 'evil.example' } }, (res) =>
          resolve(res.statusCode ?? 0),
        ),
      );
    });
    expect(wrongHost).toBe(421);
    expect(await upgradeStatus(host.port, { Origin: `http://127.0.0.1:${host.port}` })).toBe(101);
    expect(await upgradeStatus(host.port, { Origin: `http://localhost:${host.port}` })).toBe(101);
  });
});

describe('pairing and sessions', () => {
  it('pairs, proves itself, shows the new phone, replaces the used code and keeps the device on disk', async () => {
    const { host, dataDir } = await start();
    const urls: string[] = [];
    host.onEvent((e) => e.type === 'pairing-url' && urls.push(e.url));
    const before = host.pairingUrl();
    const phone = await pairPhone(host, 'Pixel 7');
    const snapshot = phone.client.messages.find((m) => m.t === 'snapshot');
    expect(snapshot?.t === 'snapshot' && snapshot.state.devices).toEqual([
      expect.objectContaining({ id: phone.deviceId, name: 'Pixel 7', connected: true }),
    ]);
    expect(snapshot?.t === 'snapshot' && snapshot.state.input.status).toBe('ready');
    expect(urls).toEqual([host.pairingUrl()]);
    expect(host.pairingUrl()).not.toBe(before);
    const saved = JSON.parse(await readFile(join(dataDir, 'devices.json'), 'utf8'));
    expect(saved.devices[0]).toMatchObject({ id: phone.deviceId, name: 'Pixel 7', secret: phone.secret });
  });

  it('lets a paired phone reconnect with its secret and pushes changes to the others', async () => {
    const { host } = await start();
    const first = await pairPhone(host, 'First');
    const second = await pairPhone(host, 'Second');
    second.client.socket.close();
    await waitFor(() =>
      first.client.messages.some(
        (m) => m.t === 'changes' && m.changes.devices?.find((d) => d.name === 'Second')?.connected === false,
      ),
    );
    const back = await resumePhone(host, second.deviceId, second.secret);
    expect((await back.next('welcome')).t).toBe('welcome');
    await waitFor(() => host.pairedDevices.find((d) => d.name === 'Second')?.connected === true);
  });

  it('a newer connection of the same phone replaces the old one', async () => {
    const { host } = await start();
    const phone = await pairPhone(host);
    const again = await resumePhone(host, phone.deviceId, phone.secret);
    await again.next('welcome');
    const closed = await phone.client.closed;
    expect(closed.code).toBe(CloseCode.replaced);
    // Said inside the encrypted channel too: the only word the phone acts on.
    expect(phone.client.messages).toContainEqual({ t: 'bye', reason: 'replaced' });
  });

  it('revoking a phone closes its socket at once and keeps it out', async () => {
    const { host } = await start();
    const phone = await pairPhone(host);
    await host.revokeDevice(phone.deviceId);
    expect((await phone.client.closed).code).toBe(CloseCode.unknownDevice);
    expect(phone.client.messages).toContainEqual({ t: 'bye', reason: 'revoked' });
    const retry = await resumePhone(host, phone.deviceId, phone.secret);
    expect((await retry.closed).code).toBe(CloseCode.unknownDevice);
    expect(host.pairedDevices).toEqual([]);
  });

  it('closes a phone that falls silent and releases what it held', async () => {
    const { host, driver } = await start({ heartbeatTimeoutMs: 300 });
    const phone = await pairPhone(host);
    phone.client.send({ t: 'button', id: 1, button: 'left', down: true });
    await phone.client.next('ack');
    const closed = await phone.client.closed;
    expect(closed.code).toBe(CloseCode.heartbeatTimeout);
    await waitFor(() => driver.calls.some((c) => c[0] === 'setButton' && c[2] === false));
  });

  it('keeps a phone that pings', async () => {
    const { host } = await start({ heartbeatTimeoutMs: 300 });
    const phone = await pairPhone(host);
    for (let id = 1; id <= 8; id++) {
      phone.client.send({ t: 'ping', id });
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(phone.client.socket.readyState).toBe(phone.client.socket.OPEN);
  });

  it('tells a page of another protocol version to reload', async () => {
    const { host } = await start();
    const client = await connectRaw(host.port);
    client.sendBytes(utf8.encode(JSON.stringify({ t: 'resume', protocol: 999, deviceId: 'x' })));
    expect((await client.closed).code).toBe(CloseCode.reloadPage);
  });

  it('drops the oldest stranger when the stranger budget is full, and a paired phone still gets in', async () => {
    const { host } = await start({ strangers: { total: 2, perAddress: 2 } });
    const phone = await pairPhone(host);
    phone.client.socket.close();
    const oldest = await connectRaw(host.port);
    await connectRaw(host.port);
    const back = await resumePhone(host, phone.deviceId, phone.secret);
    expect((await oldest.closed).code).toBe(CloseCode.crowded);
    expect((await back.next('welcome')).t).toBe('welcome');
  });

  it('uses the next port when the wanted one is taken, and says so', async () => {
    const { host: first } = await start();
    const { host: second } = await start({ port: first.port });
    expect(second.port).toBeGreaterThan(first.port);
    expect(second.portNote).toEqual({ wanted: first.port, used: second.port });
  });
});

describe('commands', () => {
  it('acks injected commands and sums moves', async () => {
    const { host, driver } = await start();
    const { client } = await pairPhone(host);
    client.send({ t: 'move', dx: 5, dy: -3 });
    client.send({ t: 'click', id: 7, button: 'left' });
    client.send({ t: 'text', id: 8, text: 'wörld 😀' });
    await client.next('ack');
    await waitFor(() => reply(client.messages, 8) !== undefined);
    expect(reply(client.messages, 7)).toEqual({ t: 'ack', id: 7 });
    expect(driver.calls).toEqual([
      ['moveBy', 5, -3],
      ['click', 'left', false],
      ['typeText', 'wörld 😀'],
    ]);
  });

  it('answers bad input with a clear error and stays up, injecting nothing', async () => {
    const { host, driver } = await start();
    const { client } = await pairPhone(host);
    client.sendSealed(utf8.encode('{"t":"exec","id":1,"cmd":"xterm"}'));
    client.sendSealed(utf8.encode('{"t":"click","id":2,"button":"left","extra":1}'));
    client.sendSealed(new Uint8Array([0x01, 0xff]));
    client.send({ t: 'text', id: 3, text: 'ring\u0007' });
    await waitFor(() => client.messages.filter((m) => m.t === 'error').length === 4);
    const errors = client.messages.filter((m) => m.t === 'error');
    expect(errors).toEqual([
      { t: 'error', code: 'bad-message' },
      { t: 'error', code: 'bad-message' },
      { t: 'error', code: 'bad-message' },
      // A code with parameters, never a sentence: the phone words it in its reader's language.
      { t: 'error', id: 3, code: 'unsupported-text', params: { char: 'U+0007', reason: 'control' } },
    ]);
    client.send({ t: 'ping', id: 4 });
    await client.next('pong');
    expect(driver.calls).toEqual([]);
  });

  it('closes a socket that sends a frame over the size limit', async () => {
    const { host } = await start();
    const { client } = await pairPhone(host);
    client.sendBytes(new Uint8Array(MAX_WIRE_BYTES + 1).fill(0x7b));
    expect((await client.closed).code).toBe(1009);
  });

  it('rate-limits a flood of commands and then closes the flooder', async () => {
    const { host, driver } = await start();
    const { client } = await pairPhone(host);
    const started = performance.now();
    for (let id = 1; id <= 300; id++) client.send({ t: 'key', id, key: 'a' });
    const closed = await client.closed;
    const seconds = (performance.now() - started) / 1000;
    expect(closed.code).toBe(CloseCode.rateLimited);
    expect(client.messages.some((m) => m.t === 'error' && m.code === 'rate-limited')).toBe(true);
    // The burst (120), plus what the limit (60 a second) refilled while the flood was read: on a busy
    // machine reading 300 frames takes a while, and a token or two comes back meanwhile.
    expect(driver.calls.length).toBeLessThanOrEqual(120 + Math.ceil(60 * seconds) + 1);
    expect(driver.calls.length).toBeLessThan(300);
  });

  it('releases a held button when the socket closes, and when the host stops', async () => {
    const { host, driver } = await start();
    const phone = await pairPhone(host);
    phone.client.send({ t: 'button', id: 1, button: 'left', down: true });
    await phone.client.next('ack');
    phone.client.socket.terminate();
    await waitFor(() => driver.calls.some((c) => c[0] === 'setButton' && c[2] === false));

    const again = await resumePhone(host, phone.deviceId, phone.secret);
    await again.next('welcome');
    again.send({ t: 'button', id: 2, button: 'right', down: true });
    await again.next('ack');
    await host.stop();
    expect(driver.calls.at(-1)).toEqual(['setButton', 'right', false]);
    expect((await again.closed).code).toBe(CloseCode.hostStopping);
  });
});
