/**
 * Property-based fuzzing of the host's two doors: thousands of generated frames as a connection's first
 * message, and thousands more inside an authenticated, encrypted session. Each is answered with a code
 * (a close code before authentication, an error after), nothing invalid is injected, the host stays up
 * and its memory stays bounded.
 */
import { ClientCommandTypes, CloseCode, decodeClient, PROTOCOL_VERSION, randomId, utf8 } from '@deskremote/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../src/host/host.js';
import type { MemoryDriver } from '../support/memory-driver.js';
import { connectRaw } from '../support/raw-client.js';
import { type PairedPhone, pairPhone, resumePhone, startTestHost } from '../support/test-host.js';

let host: Host;
let driver: MemoryDriver;
let phone: PairedPhone;

beforeAll(async () => {
  // A generous proof budget: the fuzzer reconnects often, and the throttle is not what is tested here.
  ({ host, driver } = await startTestHost({ throttle: { globalPerSecond: 5000, globalBurst: 5000 } }));
  phone = await pairPhone(host);
  phone.client.socket.close();
});
afterAll(() => host?.stop());

const COMMAND_TYPES = [...ClientCommandTypes, 'pair', 'resume', 'exec'];

/** Frames that look like ours often enough to get past the first checks, and plain garbage. */
const frame = fc.oneof(
  fc.uint8Array({ minLength: 0, maxLength: 64 }),
  fc.uint8Array({ minLength: 5, maxLength: 5 }).map((b) => Uint8Array.from([b[0] ?? 0 % 4, ...b.slice(1)])),
  fc
    .record(
      {
        t: fc.constantFrom(...COMMAND_TYPES),
        id: fc.oneof(fc.integer(), fc.double(), fc.string()),
        protocol: fc.oneof(fc.constant(PROTOCOL_VERSION), fc.integer()),
        key: fc.oneof(fc.string(), fc.constantFrom('Enter', 'PowerOff', '__proto__')),
        text: fc.string({ maxLength: 40 }),
        button: fc.constantFrom('left', 'right', 'both', 0),
        dx: fc.oneof(fc.integer(), fc.double()),
        dy: fc.integer(),
        deviceId: fc.string(),
        proof: fc.string(),
        extra: fc.jsonValue(),
      },
      { requiredKeys: ['t'] },
    )
    .map((value) => utf8.encode(JSON.stringify(value))),
  fc.jsonValue().map((value) => utf8.encode(JSON.stringify(value))),
  fc.string({ maxLength: 100 }).map((text) => utf8.encode(text)),
);

describe('fuzzing', () => {
  it('before authentication: every generated first frame is closed with a code, none is welcomed', async () => {
    const codes = new Set<number>();
    let welcomed = 0;
    await fc.assert(
      fc.asyncProperty(frame, async (bytes) => {
        const client = await connectRaw(host.port);
        client.sendBytes(bytes);
        const closed = await client.closed;
        codes.add(closed.code);
        if (client.messages.some((m) => m.t === 'welcome')) welcomed++;
        return closed.code >= 4000 || closed.code === 1002 || closed.code === 1007;
      }),
      { numRuns: 2000 },
    );
    expect(welcomed).toBe(0);
    expect(codes.has(CloseCode.authFailed)).toBe(true);
    expect(driver.calls).toEqual([]);
  }, 120_000);

  it('after authentication: garbage is answered with errors (or the socket closed with a code); only valid commands are injected', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    let client = await resumePhone(host, phone.deviceId, phone.secret);
    await client.next('welcome');
    let sent = 0;
    let validDiscrete = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(frame, { minLength: 5, maxLength: 40 }), async (frames) => {
        if (client.socket.readyState !== client.socket.OPEN) {
          client = await resumePhone(host, phone.deviceId, phone.secret);
          await client.next('welcome');
        }
        for (const bytes of frames) {
          const decoded = decodeClient(bytes);
          if (decoded.ok && decoded.message.t !== 'move' && decoded.message.t !== 'scroll' && decoded.message.t !== 'ping')
            validDiscrete++;
          client.sendSealed(bytes);
          sent++;
        }
        // A ping after the batch: once it is answered (or the socket is closed), the batch was handled.
        client.send({ t: 'ping', id: 2 ** 31 - 1 });
        const outcome = await Promise.race([client.next('pong', 5000).then(() => 'pong' as const), client.closed]);
        const errors = client.messages.filter((m) => m.t === 'error').length;
        client.messages.length = 0;
        if (outcome === 'pong') return true;
        // Closed: only for too many rejected messages in a row, after answering them with errors.
        return [CloseCode.badMessage, CloseCode.rateLimited].includes(outcome.code as 4005) && errors > 0;
      }),
      { numRuns: 300 },
    );
    expect(sent).toBeGreaterThan(2000);
    // Only what decodes as a valid command can reach the driver, and no more than was sent.
    const discreteCalls = driver.calls.filter((c) => c[0] !== 'moveBy' && c[0] !== 'scrollSteps').length;
    expect(discreteCalls).toBeLessThanOrEqual(validDiscrete);
    const text = driver.calls.filter((c) => c[0] === 'typeText');
    for (const call of text) expect(typeof call[1]).toBe('string');
    // Bounded: nothing the fuzzer sent is kept.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
    // Still serving.
    const check = await resumePhone(host, phone.deviceId, phone.secret);
    expect((await check.next('welcome')).t).toBe('welcome');
  }, 120_000);
});

export { randomId };
