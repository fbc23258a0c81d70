/**
 * The headless host asks in the terminal before a new phone pairs, with the same six digits the phone
 * shows; y allows, anything else denies. Real CLI host (no display needed for the question), real page.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assertChromium } from './support/chromium.js';
import { HostProcess } from './support/host-process.js';
import { Phone } from './support/phone.js';

let host: HostProcess;
let dataDir: string;
const phones: Phone[] = [];

beforeAll(async () => {
  assertChromium();
  dataDir = await mkdtemp(join(tmpdir(), 'deskremote-ask-'));
  host = await HostProcess.start({ display: '', dataDir, approvals: true });
});

afterAll(async () => {
  await Promise.all(phones.map((p) => p.close()));
  await host?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function askedFor(phone: Phone, asked: number): Promise<void> {
  await phone.page.getByTestId('approving').waitFor();
  const code = ((await phone.page.getByTestId('confirm-code').textContent()) ?? '').trim();
  // The terminal shows the very code the phone shows.
  const questions = async () => [...host.log.matchAll(/The phone shows code (\d{3} \d{3})\./g)].map((m) => m[1]);
  await expect.poll(async () => (await questions()).length, { timeout: 5000 }).toBe(asked);
  expect((await questions()).at(-1)).toBe(code);
  expect(host.log).toMatch(/Allow "Pixel 7" \(Pixel 7, Android \d+, Chrome \d+\) at \S+ to control this computer\?/);
}

it('y in the terminal lets the phone in', async () => {
  const phone = await Phone.open(host.pairingUrl());
  phones.push(phone);
  await askedFor(phone, 1);
  host.answer('y');
  await phone.waitConnected();
  await host.waitForOutput(/Allowed\./);
});

it('anything else refuses it, and the phone says so', async () => {
  const phone = await Phone.open(host.pairingUrl());
  phones.push(phone);
  await askedFor(phone, 2);
  host.answer('n');
  await phone.page.getByTestId('unpaired').waitFor();
  expect(await phone.page.getByTestId('unpaired').getAttribute('data-reason')).toBe('denied');
  await host.waitForOutput(/Denied\./);
});
