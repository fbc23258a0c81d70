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

/** A person reads the question before answering (an answer within 0.7 s of it is not taken). */
const read = () => new Promise((r) => setTimeout(r, 800));

it('y in the terminal lets the phone in', async () => {
  const phone = await Phone.open(host.pairingUrl());
  phones.push(phone);
  await askedFor(phone, 1);
  await read();
  host.answer('y');
  await phone.waitConnected();
  await host.waitForOutput(/Allowed\./);
});

it('anything else refuses it, and the phone says so', async () => {
  const phone = await Phone.open(host.pairingUrl());
  phones.push(phone);
  await askedFor(phone, 2);
  await read();
  host.answer('n');
  await phone.page.getByTestId('unpaired').waitFor();
  expect(await phone.page.getByTestId('unpaired').getAttribute('data-reason')).toBe('denied');
  await host.waitForOutput(/Denied\./);
});

it('a "y" that arrives with the question (typed for one just withdrawn) is not taken: the phone waits for a real answer', async () => {
  const phone = await Phone.open(host.pairingUrl());
  phones.push(phone);
  await askedFor(phone, 3);
  host.answer('y');
  await host.waitForOutput(/That answer came before this question could be read, so it was not taken/);
  expect(await phone.page.getByTestId('approving').isVisible()).toBe(true);
  expect(host.log).not.toMatch(/Allowed\.[\s\S]*Allowed\./);
  await read();
  host.answer('y');
  await phone.waitConnected();
});
