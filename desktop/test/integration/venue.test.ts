/**
 * A venue's worst day, against the real host on 127.0.0.1: malformed requests, a crowd of idle sockets,
 * a flood of wrong proofs from one address and from many, expired and copied codes. Each test also
 * checks that a paired phone keeps working and that nothing the attacker sent was injected.
 */
import { CloseCode, PROTOCOL_VERSION, randomId, type ServerMessage } from '@deskremote/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../src/host/host.js';
import { startProofFlood } from '../support/proof-flood.js';
import { connectRaw } from '../support/raw-client.js';
import { rawRequest } from '../support/raw-http.js';
import {
  currentToken,
  hostsStoppedAfterEach,
  type PairedPhone,
  pairPhone,
  resumePhone,
  startPairing,
} from '../support/test-host.js';
import { waitFor } from '../support/wait.js';

const start = hostsStoppedAfterEach(afterEach);

/** The paired phone still gets its commands through: a key press is acked and reaches the driver. */
async function stillWorks(host: Host, phone: PairedPhone, calls: unknown[]): Promise<void> {
  const client = await resumePhone(host, phone.deviceId, phone.secret);
  await client.next('welcome', 3000);
  const before = calls.length;
  client.send({ t: 'key', id: 99, key: 'Enter' });
  const ack = await client.next('ack');
  expect(ack).toEqual({ t: 'ack', id: 99 });
  expect(calls.length).toBe(before + 1);
  client.socket.close();
}

/** Runs `task` for 0..count-1 with at most `width` at a time. */
async function inParallel(count: number, width: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/** One attempt with a random proof; resolves with the close code. */
async function wrongProof(port: number, localAddress?: string): Promise<number> {
  const client = await connectRaw(port, undefined, localAddress ? { localAddress } : {});
  client.send({
    t: 'pair',
    protocol: PROTOCOL_VERSION,
    deviceId: randomId(18),
    deviceName: 'guess',
    clientNonce: randomId(24),
    key: randomId(32),
    proof: randomId(32),
  });
  return (await client.closed).code;
}

describe('the front door', () => {
  it('answers malformed targets, methods and headers with the right status, and keeps serving', async () => {
    const { host, driver } = await start();
    const phone = await pairPhone(host);
    const at = `127.0.0.1:${host.port}`;
    const upgrade =
      'Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n';
    const cases: Array<[string, string | Buffer, number[]]> = [
      ['a target new URL() cannot parse', `GET // HTTP/1.1\r\nHost: ${at}\r\n\r\n`, [400]],
      ['the same on the upgrade', `GET // HTTP/1.1\r\nHost: ${at}\r\nOrigin: http://${at}\r\n${upgrade}\r\n`, [400]],
      ['an absolute-form target', `GET http://evil.example/ HTTP/1.1\r\nHost: ${at}\r\n\r\n`, [400]],
      ['an asterisk target', `OPTIONS * HTTP/1.1\r\nHost: ${at}\r\n\r\n`, [400, 405]],
      ['a broken percent-escape', `GET /%E0%A4%A HTTP/1.1\r\nHost: ${at}\r\n\r\n`, [400]],
      ['a very long target', `GET /${'a'.repeat(5000)} HTTP/1.1\r\nHost: ${at}\r\n\r\n`, [414]],
      ['another method', `DELETE / HTTP/1.1\r\nHost: ${at}\r\n\r\n`, [405]],
      ['no Host header', 'GET / HTTP/1.1\r\n\r\n', [400, 421]],
      ['a foreign Host', `GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n`, [421]],
      ['an oversized header', `GET / HTTP/1.1\r\nHost: ${at}\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`, [431]],
      ['garbage instead of HTTP', 'HELLO THERE\r\n\r\n', [400]],
      ['binary garbage', Buffer.from([0, 1, 2, 255, 13, 10, 13, 10]), [400]],
      ['the WebSocket path without an upgrade', `GET /ws HTTP/1.1\r\nHost: ${at}\r\n\r\n`, [426]],
      ['an upgrade elsewhere', `GET /other HTTP/1.1\r\nHost: ${at}\r\nOrigin: http://${at}\r\n${upgrade}\r\n`, [404]],
      ['an upgrade with a broken escape', `GET /ws%ZZ HTTP/1.1\r\nHost: ${at}\r\nOrigin: http://${at}\r\n${upgrade}\r\n`, [400]],
      ['an upgrade by POST', `POST /ws HTTP/1.1\r\nHost: ${at}\r\nOrigin: http://${at}\r\n${upgrade}\r\n`, [405]],
      [
        'an upgrade from a foreign origin',
        `GET /ws HTTP/1.1\r\nHost: ${at}\r\nOrigin: http://evil.example\r\n${upgrade}\r\n`,
        [403],
      ],
      [
        'an upgrade with a bad key',
        `GET /ws HTTP/1.1\r\nHost: ${at}\r\nOrigin: http://${at}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: x\r\n\r\n`,
        [400],
      ],
    ];
    for (const [name, request, statuses] of cases) {
      const response = await rawRequest(host.port, request);
      expect(statuses, `${name}: got ${response.status}`).toContain(response.status);
      expect(response.head, `${name}: security headers`).toMatch(/content-security-policy: default-src 'none'/i);
    }
    // Every answer the host writes itself carries the security headers.
    const notFound = await fetch(`http://${at}/nothing`);
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(notFound.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect((await fetch(`http://${at}/`, { method: 'POST', body: 'x' })).headers.get('x-frame-options')).toBe('DENY');
    await stillWorks(host, phone, driver.calls);
    expect(driver.calls.filter((c) => c[0] !== 'tapKey')).toEqual([]);
  });
});

describe('room for the phones that belong', () => {
  it('a paired phone gets in within 2 s while 1,000 idle strangers hold sockets', async () => {
    const { host, driver } = await start();
    const phone = await pairPhone(host);
    phone.client.socket.close();
    const strangers: Array<Awaited<ReturnType<typeof connectRaw>>> = [];
    // From 125 addresses (127.0.1.x), 8 sockets each: the per-address and the total budget both fill.
    await inParallel(1000, 50, async (i) => {
      strangers.push(await connectRaw(host.port, undefined, { localAddress: `127.0.1.${1 + (i % 125)}` }));
    });
    expect(host.strangerCount).toBeLessThanOrEqual(64);
    const started = performance.now();
    const back = await resumePhone(host, phone.deviceId, phone.secret);
    await back.next('welcome', 2000);
    expect(performance.now() - started).toBeLessThan(2000);
    back.send({ t: 'key', id: 1, key: 'Enter' });
    await back.next('ack');
    expect(driver.calls).toEqual([['tapKey', 'Enter', []]]);
    for (const s of strangers) s.socket.terminate();
  });

  it('paired phones get in within 2 s while wrong proofs flood in from fresh addresses, 1,000 a second', async () => {
    const { host, driver } = await start();
    const phone = await pairPhone(host);
    const moved = await pairPhone(host, 'Moved phone');
    for (const { client } of [phone, moved]) {
      client.socket.close();
      await client.closed;
    }
    // Every flood socket sends its proof at once and then waits in the throttle's queue (20 checked a
    // second): before, it still counted as a stranger there and newer ones evicted the phone (4017); and
    // once it did not, the full queue of clean strangers turned the phone away as busy (4010).
    const flood = startProofFlood(host.port, { perSecond: 1000, maxCount: 6000, maxMs: 6000 });
    /** Reconnects as the phone page does, once; says how it went and how long it took. */
    const reconnect = async (paired: PairedPhone, localAddress: string) => {
      const started = performance.now();
      const back = await resumePhone(host, paired.deviceId, paired.secret, { localAddress });
      const outcome = await Promise.race([
        back.next('welcome', 2500).then(() => 'welcome'),
        back.closed.then(({ code }) => `closed with ${code}`),
      ]);
      return { back, outcome, fast: performance.now() - started < 2000 };
    };
    try {
      // Under way: the throttle has checked its burst and more (only the flood sends proofs now).
      await waitFor(() => host.throttleStats.granted >= 50, 5000);
      // From the address it proved itself from before: ahead of every stranger.
      const same = await reconnect(phone, '127.0.0.1');
      expect(same).toMatchObject({ outcome: 'welcome', fast: true });
      same.back.send({ t: 'key', id: 1, key: 'Enter' });
      await same.back.next('ack');
      expect(driver.calls).toEqual([['tapKey', 'Enter', []]]);
      // From an address never seen (the Wi-Fi gave it another): its proof names a paired device, which
      // ranks it above clean strangers (a copied id only ties it with the copier).
      expect(await reconnect(moved, '127.0.0.7')).toMatchObject({ outcome: 'welcome', fast: true });
    } finally {
      flood.stop();
    }
    const report = await flood.done;
    // The flood was real (about 1,000 a second while it ran) and none of it got past its challenge.
    expect(report.started / report.seconds).toBeGreaterThan(500);
    expect(report.answered).toBe(0);
  }, 30_000);
});

describe('a throttle that slows guessing without locking anyone out', () => {
  it('10,000 wrong proofs from one address: none gets in, evaluations stay bounded, the right credential is accepted within 3 s', async () => {
    const { host, driver } = await start();
    const phone = await pairPhone(host);
    phone.client.socket.close();
    const codes = new Map<number, number>();
    const started = performance.now();
    await inParallel(10_000, 32, async () => {
      const code = await wrongProof(host.port);
      codes.set(code, (codes.get(code) ?? 0) + 1);
    });
    const seconds = (performance.now() - started) / 1000;
    // Refused as wrong, turned away as busy, dropped from the crowd, or timed out waiting: never welcomed.
    const refusals: number[] = [CloseCode.authFailed, CloseCode.tryLater, CloseCode.crowded, CloseCode.authTimeout];
    expect([...codes.keys()].filter((c) => !refusals.includes(c))).toEqual([]);
    expect(codes.get(CloseCode.authFailed)).toBeGreaterThan(0);
    // Bounded: at most the global rate (20/s) plus its burst were ever evaluated.
    expect(host.throttleStats.granted).toBeLessThanOrEqual(20 * seconds + 21 + 1);
    const lastWrong = performance.now();
    const back = await resumePhone(host, phone.deviceId, phone.secret);
    await back.next('welcome', 3000);
    expect(performance.now() - lastWrong).toBeLessThan(3000);
    expect(driver.calls).toEqual([]);
  }, 120_000);

  it('10,000 wrong proofs spread over many addresses: no reset by churn, and the right credential still gets in', async () => {
    const { host, driver } = await start();
    const phone = await pairPhone(host);
    phone.client.socket.close();
    const started = performance.now();
    // More attempts in flight than the throttle lets wait: the extra ones are turned away at once.
    await inParallel(10_000, 160, async (i) => {
      await wrongProof(host.port, `127.0.${2 + Math.floor(i / 250)}.${1 + (i % 250)}`);
    });
    const seconds = (performance.now() - started) / 1000;
    expect(host.throttleStats.granted).toBeLessThanOrEqual(20 * seconds + 21 + 1);
    const lastWrong = performance.now();
    const back = await resumePhone(host, phone.deviceId, phone.secret, { localAddress: '127.0.2.1' });
    await back.next('welcome', 3000);
    expect(performance.now() - lastWrong).toBeLessThan(3000);
    expect(driver.calls).toEqual([]);
  }, 120_000);
  it('churn through more addresses than the throttle remembers does not reset a penalised address', async () => {
    // The memory made small (50 addresses, 10,000 by default) so that a few seconds of flood overflow it.
    const { host } = await start({ throttle: { maxAddresses: 50 } });
    const guesser = '127.0.9.9';
    /** One wrong proof from the guesser; how long the host took to refuse it. */
    const timedWrongProof = async () => {
      const started = performance.now();
      expect(await wrongProof(host.port, guesser)).toBe(CloseCode.authFailed);
      return performance.now() - started;
    };
    // Six failures: its next proof waits the capped 2 s.
    for (let i = 0; i < 6; i++) await timedWrongProof();
    // Three seconds of wrong proofs from fresh addresses: some evaluated (failing), most queued and dropped
    // or turned away. Before, every one that queued took a place in the memory and pushed the guesser out.
    const flood = startProofFlood(host.port, { perSecond: 1000, maxCount: 3000, maxMs: 3000 });
    const report = await flood.done;
    expect(report.started).toBeGreaterThan(1500);
    // The guesser again, once its last delay is long over: the failure is counted as its seventh...
    await timedWrongProof();
    // ...so the proof after it waits about 2 s, not the 0.1 s of a clean address's first failure.
    expect(await timedWrongProof()).toBeGreaterThan(1500);
  }, 30_000);
});

describe('one-time codes that mean it', () => {
  it('a QR code expires by itself: the old one is refused as expired, and a new one is announced', async () => {
    const { host } = await start({ pairingLifetimeMs: 300 });
    const old = currentToken(host);
    const announced = new Promise<string>((resolve) => host.onEvent((e) => e.type === 'pairing-url' && resolve(e.url)));
    await announced;
    const late = await startPairing(host, { token: old });
    expect((await late.client.closed).code).toBe(CloseCode.codeExpired);
    expect(host.pairedDevices).toEqual([]);
  });

  it('a proof followed at once by another frame is closed and does not spend the token', async () => {
    const { host, driver } = await start();
    const token = currentToken(host);
    const hurried = await startPairing(host, { token });
    hurried.client.send({ t: 'key', id: 1, key: 'a' });
    expect((await hurried.client.closed).code).toBe(CloseCode.badMessage);
    expect(currentToken(host)).toBe(token);
    expect(host.pairedDevices).toEqual([]);
    const patient = await startPairing(host, { token });
    expect((await patient.client.next('welcome')).t).toBe('welcome');
    expect(driver.calls).toEqual([]);
  });
});

describe('approval on the desktop', () => {
  const waitForQuestion = (host: Host) =>
    new Promise<string>((resolve) => {
      const check = () => {
        const first = host.pairing.approvals.list()[0];
        if (first) resolve(first.id);
        else setTimeout(check, 5);
      };
      check();
    });

  it('allow: the phone is welcomed with the code both screens show, and stored', async () => {
    const { host } = await start({ requireApproval: true });
    const phone = await startPairing(host, { deviceName: 'Lectern' });
    const id = await waitForQuestion(host);
    expect(host.pairing.approvals.list()[0]).toMatchObject({ deviceName: 'Lectern', code: phone.confirmCode });
    expect(host.pairing.decide(id, true)).toBe(true);
    expect((await phone.client.next('welcome')).t).toBe('welcome');
    expect(host.pairedDevices.map((d) => d.name)).toEqual(['Lectern']);
  });

  it('deny: refused, nothing stored, the code still good for the right phone', async () => {
    const { host } = await start({ requireApproval: true });
    const token = currentToken(host);
    const phone = await startPairing(host, { token });
    host.pairing.decide(await waitForQuestion(host), false);
    expect((await phone.client.closed).code).toBe(CloseCode.denied);
    expect(host.pairedDevices).toEqual([]);
    expect(currentToken(host)).toBe(token);
  });

  it('no answer: denied by itself', async () => {
    const { host } = await start({ requireApproval: true, approvalTimeoutMs: 200 });
    const phone = await startPairing(host);
    expect((await phone.client.closed).code).toBe(CloseCode.approvalTimeout);
    expect(host.pairedDevices).toEqual([]);
    expect(host.pairing.approvals.list()).toEqual([]);
  });

  it('two devices with one token: both refused, a new code, and the desktop is told', async () => {
    const { host } = await start({ requireApproval: true });
    const notices: string[][] = [];
    host.onEvent((e) => e.type === 'notice' && notices.push(e.deviceNames));
    const token = currentToken(host);
    const first = await startPairing(host, { token, deviceName: 'Speaker' });
    await waitForQuestion(host);
    const second = await startPairing(host, { token, deviceName: 'Copycat' });
    expect((await first.client.closed).code).toBe(CloseCode.codeConflict);
    expect((await second.client.closed).code).toBe(CloseCode.codeConflict);
    expect(currentToken(host)).not.toBe(token);
    expect(notices).toEqual([['Speaker', 'Copycat']]);
    expect(host.pairing.approvals.list()).toEqual([]);
    expect(host.pairedDevices).toEqual([]);
  });

  it('a copied code with a copied device id and name: both refused, a new code, nothing asked twice', async () => {
    const { host } = await start({ requireApproval: true });
    const notices: string[][] = [];
    const questions = new Set<string>();
    let mostAtOnce = 0;
    host.onEvent((e) => {
      if (e.type === 'notice') notices.push(e.deviceNames);
      if (e.type !== 'approvals') return;
      for (const request of e.requests) questions.add(request.id);
      mostAtOnce = Math.max(mostAtOnce, e.requests.length);
    });
    const token = currentToken(host);
    // The id and the name travel in the clear: the copier sends exactly what the phone sent, from another
    // address, with its own key exchange and its own proof made with the copied code.
    const deviceId = randomId(18);
    const phone = await startPairing(host, { token, deviceId, deviceName: 'Speaker' });
    await waitForQuestion(host);
    const copier = await startPairing(host, { token, deviceId, deviceName: 'Speaker', localAddress: '127.0.0.5' });
    // Bounded: before, both waited for an answer (two questions about one "Speaker").
    const closeCode = (client: PairedPhone['client']) =>
      Promise.race([client.closed.then((c) => c.code), new Promise((r) => setTimeout(() => r('still open'), 3000))]);
    expect(await closeCode(phone.client)).toBe(CloseCode.codeConflict);
    expect(await closeCode(copier.client)).toBe(CloseCode.codeConflict);
    expect(currentToken(host)).not.toBe(token);
    expect(notices).toEqual([['Speaker', 'Speaker']]);
    expect({ questions: questions.size, mostAtOnce }).toEqual({ questions: 1, mostAtOnce: 1 });
    expect(host.pairing.approvals.list()).toEqual([]);
    expect(host.pairedDevices).toEqual([]);
  });

  it('approvals off: a phone with the code pairs at once; a paired phone never waits', async () => {
    const { host } = await start({ requireApproval: false });
    const phone = await pairPhone(host);
    host.pairing.setApprovalRequired(true);
    const back = await resumePhone(host, phone.deviceId, phone.secret);
    expect((await back.next('welcome')).t).toBe('welcome');
    expect(host.pairing.approvals.list()).toEqual([]);
  });
});

export type { ServerMessage };
