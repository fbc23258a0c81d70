/**
 * Text on a Wayland desktop without XWayland (mutter --no-x11, no DISPLAY): the characters the layout
 * lacks go through wl-clipboard instead of XWayland's clipboard. Real parts as in wayland-portal.e2e:
 * headless mutter, the real portal on a private bus, a GTK window recording, the real host, the phone in
 * Chromium; the permission is given through the accessibility bus when the host asks.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostProcess } from './support/host-process.js';
import { Phone } from './support/phone.js';
import { startWaylandDesktop, type WaylandDesktop, type WaylandEvent } from './support/wayland-desktop.js';

let desktop: WaylandDesktop;
let host: HostProcess;
let phone: Phone;
let dataDir: string;

beforeAll(async () => {
  desktop = await startWaylandDesktop({ xwayland: false });
  dataDir = await mkdtemp(join(tmpdir(), 'deskremote-wayland-host-'));
  host = await HostProcess.start({ display: '', dataDir, env: desktop.env });
  // The host asks for permission when the phone connects: Share.
  const accepted = desktop.answerConsent('share');
  phone = await Phone.open(host.pairingUrl());
  await phone.waitConnected();
  await accepted;
  await host.waitForOutput(/portal: input granted/);
  await desktop.waitFor('the window to have the keyboard', (events) => events.some((e) => e.e === 'ready'));
}, 120_000);

afterAll(async () => {
  await phone?.close();
  await host?.stop();
  await desktop?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('a Wayland desktop without XWayland', () => {
  it('text outside the layout is pasted with wl-clipboard, exactly, and the clipboard is put back', async () => {
    expect(desktop.env.DISPLAY).toBeUndefined();
    expect(host.log).toMatch(/pasted through the clipboard with wl-clipboard/);
    await desktop.copy('what the user copied');
    const text = 'Grüße aus 北京 ✓!';
    await phone.composeAndSend(text);
    const lastText = (events: WaylandEvent[]) => events.filter((e) => e.e === 'buffer').at(-1)?.text;
    await desktop.waitFor('the exact text', (events) => (lastText(events) === text ? true : undefined), 30_000);
    await expect.poll(() => desktop.clipboard(), { timeout: 5000, interval: 200 }).toBe('what the user copied');
  }, 60_000);
});
