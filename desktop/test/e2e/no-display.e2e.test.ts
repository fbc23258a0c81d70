/** Where input cannot be injected the host still serves, and the phone says why in plain words. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assertChromium } from './support/chromium.js';
import { HostProcess } from './support/host-process.js';
import { Phone } from './support/phone.js';

let host: HostProcess;
let phone: Phone;
let dataDir: string;

beforeAll(async () => {
  assertChromium();
  dataDir = await mkdtemp(join(tmpdir(), 'deskremote-nodisplay-'));
  host = await HostProcess.start({ display: '', dataDir });
  phone = await Phone.open(host.pairingUrl());
});

afterAll(async () => {
  await phone?.close();
  await host?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

it('without an X display the phone shows that input cannot be injected, and why', async () => {
  await phone.waitConnected();
  const problem = phone.page.getByTestId('input-problem');
  await problem.waitFor();
  expect(await problem.getAttribute('data-code')).toBe('no-display');
  expect(await problem.textContent()).toContain('started without a display');
  expect(host.log).toContain('input: unavailable');
});

it('a command is answered with a clear error, not injected and not a crash', async () => {
  await phone.page.locator('[data-key=Enter]').tap();
  const toast = phone.page.getByTestId('toast');
  await toast.waitFor();
  expect(await toast.getAttribute('data-code')).toBe('input-unavailable');
  expect(await toast.textContent()).toContain('started without a display');
  await phone.waitConnected();
});

it('with a display that nothing answers (a stale DISPLAY), the host serves and explains, and never crashes', async () => {
  // libnut ends the process with a segmentation fault when it cannot open the display: nothing may load it here.
  const staleDir = await mkdtemp(join(tmpdir(), 'deskremote-staledisplay-'));
  const stale = await HostProcess.start({ display: ':1234', dataDir: staleDir });
  try {
    const stalePhone = await Phone.open(stale.pairingUrl());
    try {
      await stalePhone.waitConnected();
      const problem = stalePhone.page.getByTestId('input-problem');
      await problem.waitFor();
      expect(await problem.getAttribute('data-code')).toBe('display-unreachable');
      await stalePhone.page.locator('[data-key=Enter]').tap();
      await stalePhone.page.getByTestId('toast').waitFor();
      await stalePhone.waitConnected();
      expect(stale.exited).toBe(false);
    } finally {
      await stalePhone.close();
    }
  } finally {
    await stale.stop();
    await rm(staleDir, { recursive: true, force: true });
  }
});
