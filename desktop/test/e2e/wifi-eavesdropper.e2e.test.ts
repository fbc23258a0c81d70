/**
 * Someone on the same Wi-Fi records everything while a phone pairs and types: a real tcpdump on the
 * loopback interface, every WebSocket frame unmasked. Neither the typed sentence, nor the QR's token,
 * nor the device secret may be in it. Real phone page, real host, real driver, real desktop window.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fromBase64Url, tokenFromHash } from '@deskremote/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DesktopRig, startDesktopRig } from './support/desktop-rig.js';
import type { DesktopWindow } from './support/desktop-window.js';
import type { HostProcess } from './support/host-process.js';
import { containsBytes, containsText, startLoopbackCapture } from './support/loopback-capture.js';
import { Phone } from './support/phone.js';

let rig: DesktopRig;
let desktop: DesktopWindow;
let host: HostProcess;
let phone: Phone | undefined;

beforeAll(async () => {
  rig = await startDesktopRig('wifi');
  ({ desktop, host } = rig);
});

afterAll(async () => {
  await phone?.close();
  await rig?.stop();
});

it('a capture of the pairing and the typing shows neither the sentence, nor the token, nor the device secret', async () => {
  const url = host.pairingUrl();
  const token = tokenFromHash(new URL(url).hash) ?? '';
  const sentence = 'Meet me at the loading dock, the password is Tr0ub4dor&3';
  const capture = await startLoopbackCapture(host.port);
  let traffic: Awaited<ReturnType<typeof capture.stop>>;
  try {
    phone = await Phone.open(url);
    await phone.waitConnected();
    await desktop.clearTyped();
    await phone.composeAndSend(sentence);
    await expect.poll(() => desktop.typedText(), { timeout: 5000 }).toBe(sentence);
    // libpcap hands packets over in batches: give the last ones time to reach the file.
    await new Promise((r) => setTimeout(r, 1500));
  } finally {
    traffic = await capture.stop();
  }
  const sessions = traffic.connections.filter((c) => c.frames.length > 4);
  expect(sessions.length).toBeGreaterThan(0);
  expect(sessions.every((c) => c.complete)).toBe(true);
  const payloads = sessions.flatMap((c) => c.frames.map((f) => f.payload));
  // The capture reads what is there to read: the challenge goes in the clear, as designed.
  expect(payloads.some((p) => containsText(p, '"challenge"'))).toBe(true);

  const saved = JSON.parse(await readFile(join(rig.dataDir, 'devices.json'), 'utf8')) as { devices: Array<{ secret: string }> };
  const secret = saved.devices[0]?.secret ?? '';
  expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const secrets: Array<[string, Uint8Array]> = [
    ['the sentence', new TextEncoder().encode(sentence)],
    ['a word of it', new TextEncoder().encode('loading dock')],
    ['the token as text', new TextEncoder().encode(token)],
    ['the token as bytes', fromBase64Url(token) ?? new Uint8Array([1])],
    ['the device secret as text', new TextEncoder().encode(secret)],
    ['the device secret as bytes', fromBase64Url(secret) ?? new Uint8Array([1])],
  ];
  for (const [what, bytes] of secrets) {
    expect(containsBytes(traffic.allBytes, bytes), `${what} in the raw capture`).toBe(false);
    expect(
      payloads.some((p) => containsBytes(p, bytes)),
      `${what} in an unmasked WebSocket frame`,
    ).toBe(false);
  }
});
