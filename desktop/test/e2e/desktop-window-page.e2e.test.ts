/**
 * The desktop window's page against a real host, through the headless host's window server and its web bridge
 * (the same page, and the same calls the Electron preload makes; Electron's runtime cannot start on the build
 * machines, the page, the server and the host can). The Electron bridge itself is covered by electron-main.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloseCode } from '@deskremote/shared';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { WindowServer } from '../../src/host/desktop-window/window-server.js';
import type { Host } from '../../src/host/host.js';
import { keepAlive, pairPhone, startPairing, startTestHost } from '../support/test-host.js';
import { startTestWindow } from '../support/test-window.js';
import { waitFor } from '../support/wait.js';
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium.js';

let host: Host;
let window: WindowServer;
let settingsDir: string;

let browser: Browser;
let page: Page;

/** The window's page from the window server, as its printed address opens it, in the given system language. */
async function openWindow(locale: string, width = 780): Promise<Page> {
  const opened = await browser.newPage({ viewport: { width, height: 620 }, locale });
  await opened.goto(window.url);
  return opened;
}

beforeAll(async () => {
  assertChromium();
  // The hint about what keeps phones out is due at once here (a minute in use), until a phone gets through.
  ({ host } = await startTestHost({ reachHintAfterMs: 0 }));
  settingsDir = mkdtempSync(join(tmpdir(), 'deskremote-window-settings-'));
  window = await startTestWindow(() => host, settingsDir);
  host.onEvent(() => void window.push());
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  page = await openWindow('en-US');
});

afterAll(async () => {
  await browser?.close();
  await window?.close();
  await host?.stop();
  if (settingsDir) rmSync(settingsDir, { recursive: true, force: true });
});

it('shows the QR code of the current pairing URL, the computer, and that input works', async () => {
  await page.waitForFunction(() => document.querySelector('#qr')?.getAttribute('src')?.startsWith('data:image/png'));
  expect(await page.locator('#url').textContent()).toBe(`http://127.0.0.1:${host.port}/`);
  expect(await page.locator('#input').textContent()).toContain('Input is injected');
  expect(await page.locator('#devices').textContent()).toContain('No phone paired yet');
});

it('while no phone has got through, says what usually blocks it and the address to type; gone once one has', async () => {
  const hint = page.locator('#reach-hint');
  await hint.waitFor();
  const text = (await hint.textContent()) ?? '';
  expect(text).toContain('No phone has reached this computer yet');
  expect(text).toContain(`port ${host.port}`);
  expect(text).toContain('guest');
  expect(text).toContain('VPN');
  expect(text).toContain(`http://127.0.0.1:${host.port}/`);
  await page.screenshot({ path: 'test-results/desktop-window-reach-hint.png' });
  const zh = await openWindow('zh-CN');
  await zh.locator('#reach-hint').waitFor();
  expect(await zh.locator('#reach-hint').textContent()).toContain('还没有手机连上这台电脑');
  await zh.screenshot({ path: 'test-results/desktop-window-reach-hint-zh.png' });
  await zh.close();
  await fetch(`http://127.0.0.1:${host.port}/`);
  await page.locator('#reach-hint').waitFor({ state: 'hidden' });
});

it('lists a phone as it pairs, and shows a new QR code for the next one', async () => {
  const before = await page.locator('#qr').getAttribute('src');
  const phone = await pairPhone(host, 'Sofa phone');
  await page.waitForFunction(() => document.querySelector('#devices')?.textContent?.includes('Sofa phone'));
  expect(await page.locator('#devices').textContent()).toContain('connected');
  await page.waitForFunction((old) => document.querySelector('#qr')?.getAttribute('src') !== old, before);
  phone.client.socket.close();
});

it('Remove asks first; Keep keeps the phone, Remove forgets it and disconnects it at once', async () => {
  const phone = await pairPhone(host, 'Stage phone');
  await page.waitForFunction(() => document.querySelector('#devices')?.textContent?.includes('Stage phone'));
  const row = page.locator('li.phone', { hasText: 'Stage phone' });
  await row.locator('button.remove').click();
  await row.locator('.remove-confirm').waitFor();
  expect(await row.locator('.remove-confirm').textContent()).toContain('Remove “Stage phone”?');
  await page.screenshot({ path: 'test-results/desktop-window-remove-confirm.png' });
  await row.getByRole('button', { name: 'Keep' }).click();
  await expect.poll(() => row.locator('.remove-confirm').count()).toBe(0);
  expect(host.pairedDevices.map((d) => d.name)).toContain('Stage phone');
  await row.locator('button.remove').click();
  await row.locator('.remove-confirm button.remove-now').click();
  expect((await phone.client.closed).code).toBe(CloseCode.unknownDevice);
  await page.waitForFunction(() => !document.querySelector('#devices')?.textContent?.includes('Stage phone'));
  expect(host.pairedDevices.map((d) => d.name)).toEqual(['Sofa phone']);
});

it('New code replaces the pairing code on screen', async () => {
  const url = host.pairingUrl();
  const qr = await page.locator('#qr').getAttribute('src');
  await page.getByRole('button', { name: 'New code' }).click();
  await page.waitForFunction((old) => document.querySelector('#qr')?.getAttribute('src') !== old, qr);
  expect(host.pairingUrl()).not.toBe(url);
});

it('asks before a new phone pairs: name, model, browser, address and the code the phone shows; Allow lets it in', async () => {
  host.pairing.setApprovalRequired(true);
  try {
    const phone = await startPairing(host, { deviceName: 'Lectern phone' });
    await page.waitForSelector('.approval');
    const prompt = (await page.locator('.approval').textContent()) ?? '';
    expect(prompt).toContain('Allow “Lectern phone” to control this computer?');
    expect(prompt).toContain('127.0.0.1');
    expect(prompt).toContain(`${phone.confirmCode.slice(0, 3)} ${phone.confirmCode.slice(3)}`);
    await page.screenshot({ path: 'test-results/desktop-window-approval.png' });
    await page.getByRole('button', { name: 'Allow' }).click();
    expect((await phone.client.next('welcome')).t).toBe('welcome');
    await page.waitForFunction(() => document.querySelector('#approvals')?.hasAttribute('hidden'));
    expect(host.pairedDevices.map((d) => d.name)).toContain('Lectern phone');
    phone.client.socket.close();
  } finally {
    host.pairing.setApprovalRequired(false);
  }
});

it('Deny refuses the phone and stores nothing', async () => {
  host.pairing.setApprovalRequired(true);
  try {
    const phone = await startPairing(host, { deviceName: 'Stranger phone' });
    await page.waitForSelector('.approval');
    await page.getByRole('button', { name: 'Deny' }).click();
    expect((await phone.client.closed).code).toBe(CloseCode.denied);
    expect(host.pairedDevices.map((d) => d.name)).not.toContain('Stranger phone');
  } finally {
    host.pairing.setApprovalRequired(false);
  }
});

it('turning approvals off in the window pairs the next phone at once', async () => {
  host.pairing.setApprovalRequired(true);
  await page.reload();
  await page.waitForFunction(() => (document.getElementById('require-approval') as HTMLInputElement | null)?.checked === true);
  await page.locator('#require-approval').uncheck();
  await expect.poll(() => host.pairing.approvalRequired).toBe(false);
  const phone = await pairPhone(host, 'Quick phone');
  expect(phone.client.messages.some((m) => m.t === 'welcome')).toBe(true);
  phone.client.socket.close();
});

it('speaks Chinese on a Chinese system, the prompt included', async () => {
  const zh = await openWindow('zh-CN');
  host.pairing.setApprovalRequired(true);
  try {
    await zh.waitForFunction(() => document.querySelector('#qr')?.getAttribute('src')?.startsWith('data:image/png'));
    expect(await zh.locator('h1').first().textContent()).toBe('用手机扫码');
    expect(await zh.locator('#input').textContent()).toBe('输入会注入到这台电脑的桌面。');
    const phone = await startPairing(host, { deviceName: '讲台手机' });
    await zh.waitForSelector('.approval');
    expect(await zh.locator('.approval h1').textContent()).toBe('允许“讲台手机”控制这台电脑吗？');
    await zh.screenshot({ path: 'test-results/desktop-window-approval-zh.png' });
    await zh.getByRole('button', { name: '拒绝' }).click();
    expect((await phone.client.closed).code).toBe(CloseCode.denied);
  } finally {
    host.pairing.setApprovalRequired(false);
    await zh.close();
  }
});

it('shows a phone’s own buttons; renamed and reordered in the window, they reach the phone', async () => {
  const phone = await pairPhone(host, 'Deck phone');
  phone.client.send({
    t: 'saveDeck',
    id: 1,
    deck: [
      { id: 'a', label: 'Reopen tab', icon: 'tab', steps: [{ t: 'key', key: 't', mods: ['ctrl', 'shift'] }] },
      { id: 'b', label: 'Sign off', icon: 'text', steps: [{ t: 'text', text: 'Bye' }] },
    ],
  });
  const row = page.locator('#devices > li', { hasText: 'Deck phone' }).locator('details.deck');
  await expect.poll(() => row.locator('summary').textContent()).toBe('Its buttons (2)');
  await row.locator('summary').click();
  await row.locator('input').first().fill('Tab back');
  await row.locator('li').nth(1).getByTitle('Move earlier').click();
  await page.screenshot({ path: 'test-results/desktop-window-deck.png' });
  await row.getByText('Save the buttons').click();
  await expect
    .poll(() => {
      const last = phone.client.messages.filter((m) => m.t === 'phoneSettings').at(-1);
      return last?.t === 'phoneSettings' ? last.deck.map((b) => b.label) : [];
    })
    .toEqual(['Sign off', 'Tab back']);
  phone.client.socket.close();
});

it('shows what each button does and edits it: a chord and text written out, a wrong step said and not saved', async () => {
  const phone = await pairPhone(host, 'Steps phone');
  phone.client.send({
    t: 'saveDeck',
    id: 1,
    deck: [
      { id: 'a', label: 'Reopen tab', icon: 'tab', steps: [{ t: 'key', key: 't', mods: ['ctrl', 'shift'] }] },
      {
        id: 'b',
        label: 'Sign off',
        icon: 'text',
        steps: [
          { t: 'key', key: 'Enter' },
          { t: 'text', text: 'Bye, "Ann"' },
        ],
      },
    ],
  });
  const deck = page.locator(`li.phone[data-device="${phone.deviceId}"] details.deck`);
  await expect.poll(() => deck.locator('summary').textContent()).toBe('Its buttons (2)');
  await deck.locator('summary').click();
  const does = deck.locator('input.deck-does');
  expect(await does.nth(0).inputValue()).toBe('Ctrl+Shift+T');
  expect(await does.nth(1).inputValue()).toBe('Enter, "Bye, \\"Ann\\""');
  await does.nth(0).fill('Ctrl+Shift+T, Ctrl+');
  expect(await deck.locator('.deck-row-problem').first().textContent()).toContain('“Ctrl+” is not a step');
  await does.nth(0).fill('Ctrl+W, "closed"');
  expect(await deck.locator('.deck-row-problem').first().textContent()).toBe('');
  await page.screenshot({ path: 'test-results/desktop-window-deck-steps.png' });
  await deck.getByText('Save the buttons').click();
  await expect
    .poll(() => {
      const last = phone.client.messages.filter((m) => m.t === 'phoneSettings').at(-1);
      return last?.t === 'phoneSettings' ? last.deck[0]?.steps : undefined;
    })
    .toEqual([
      { t: 'key', key: 'w', mods: ['ctrl'] },
      { t: 'text', text: 'closed' },
    ]);
  phone.client.socket.close();
});

it('adds a button to a phone’s deck from the window: a chord checked there, a key the host does not know refused', async () => {
  const phone = await pairPhone(host, 'Empty deck phone');
  const stopPinging = keepAlive(phone.client);
  const row = page.locator('#devices > li', { hasText: 'Empty deck phone' }).locator('details.deck');
  // A phone with no buttons yet still has its editor: the window can give it its first.
  await expect.poll(() => row.locator('summary').textContent()).toBe('Its buttons (0)');
  await row.locator('summary').click();
  const form = row.locator('form.deck-add');
  const problem = form.locator('.deck-problem');
  await form.locator('[data-field=label]').fill('Reopen tab');
  await form.locator('[data-field=icon]').selectOption('tab');
  await form.locator('[data-field=keys]').fill('Ctrl+Hyper+T');
  await form.getByRole('button', { name: 'Add' }).click();
  expect(await problem.textContent()).toBe('“Ctrl+Hyper+T” is not a key combination: write it like Ctrl+Shift+T, Alt+F4 or F5.');
  await form.locator('[data-field=keys]').fill('ctrl + shift + t');
  await form.getByRole('button', { name: 'Add' }).click();
  expect(await problem.textContent()).toBe('');
  expect(await row.locator('summary').textContent()).toBe('Its buttons (1)');
  // A second one of keys then text; then one whose key no keyboard has, which the host refuses whole.
  await form.locator('[data-field=label]').fill('Sign');
  await form.locator('[data-field=keys]').fill('Enter');
  await form.locator('[data-field=text]').fill('Regards, 王');
  await form.getByRole('button', { name: 'Add' }).click();
  await form.locator('[data-field=label]').fill('Nonsense');
  await form.locator('[data-field=keys]').fill('Alt+Hyperdrive');
  await form.getByRole('button', { name: 'Add' }).click();
  await page.screenshot({ path: 'test-results/desktop-window-deck-add.png' });
  await row.getByText('Save the buttons').click();
  await expect.poll(() => row.locator('p[role=status]').textContent()).toMatch(/^Not saved/);
  expect(
    phone.client.messages.filter((m) => m.t === 'phoneSettings').every((m) => m.t === 'phoneSettings' && m.deck.length === 0),
  ).toBe(true);
  // Without it, the deck is saved and reaches the phone as the chord and the sequence.
  await row.locator('li').nth(2).getByTitle('Remove this button').click();
  await row.getByText('Save the buttons').click();
  await expect.poll(() => row.locator('p[role=status]').textContent()).toBe('Saved: the phone shows them now.');
  const expected = [
    { label: 'Reopen tab', icon: 'tab', steps: [{ t: 'key', key: 't', mods: ['ctrl', 'shift'] }] },
    {
      label: 'Sign',
      icon: 'tab',
      steps: [
        { t: 'key', key: 'Enter' },
        { t: 'text', text: 'Regards, 王' },
      ],
    },
  ];
  // Kept by the computer for that phone, and sent to it.
  expect(host.phoneDeck(phone.deviceId).map(({ label, icon, steps }) => ({ label, icon, steps }))).toEqual(expected);
  await expect
    .poll(() => {
      const last = phone.client.messages.filter((m) => m.t === 'phoneSettings').at(-1);
      return last?.t === 'phoneSettings' ? last.deck.map(({ label, icon, steps }) => ({ label, icon, steps })) : [];
    })
    .toEqual(expected);
  stopPinging();
  phone.client.socket.close();
});

it('on Wayland, says the computer is asking and what to click, in both languages', async () => {
  // As the portal backend reports it while the compositor's dialog is on screen.
  const before = host.state.state.input;
  host.state.update({ input: { status: 'checking', code: 'portal-asking' } });
  const zh = await openWindow('zh-CN');
  try {
    await page.waitForSelector('#input[data-code=portal-asking]');
    expect(await page.locator('#input').textContent()).toContain('tick “Allow remote interaction” and click “Share”');
    await page.screenshot({ path: 'test-results/desktop-window-wayland-asking-en.png' });
    await zh.waitForSelector('#input[data-code=portal-asking]');
    expect(await zh.locator('#input').textContent()).toContain('勾选“允许远程交互”，然后点击“分享”');
    await zh.screenshot({ path: 'test-results/desktop-window-wayland-asking-zh.png' });
  } finally {
    host.state.update({ input: before });
    await zh.close();
  }
});

it('renames a phone in place: every phone sees the new name, and the window tells who it calls itself', async () => {
  const phone = await pairPhone(host, 'Pixel 7');
  const row = page.locator(`li.phone[data-device="${phone.deviceId}"]`);
  await row.getByRole('button', { name: 'Rename Pixel 7' }).click();
  const input = row.locator('input.rename-input');
  await input.fill('Lectern left');
  await input.press('Enter');
  await page.waitForFunction(() => document.querySelector('#devices')?.textContent?.includes('Lectern left'));
  expect(await row.locator('.details').textContent()).toContain('calls itself “Pixel 7”');
  await waitFor(() =>
    phone.client.messages.some((m) => m.t === 'changes' && m.changes.devices?.some((d) => d.name === 'Lectern left')),
  );
  phone.client.socket.close();
});

it('works from 520 px wide up, in both languages: nothing wider than the window, no control cut off', async () => {
  for (const locale of ['en-US', 'zh-CN']) {
    for (const width of [520, 800, 1280]) {
      const shown = await openWindow(locale, width);
      await shown.waitForFunction(() => document.querySelector('#qr')?.getAttribute('src')?.startsWith('data:image/png'));
      await shown.waitForFunction(() => document.querySelectorAll('#devices li.phone').length > 0);
      const overflow = await shown.evaluate(() => {
        const wide = document.documentElement.scrollWidth > document.documentElement.clientWidth;
        const cut = [...document.querySelectorAll('button, input, select')]
          .filter((el) => (el as HTMLElement).offsetParent !== null)
          .filter((el) => {
            const r = el.getBoundingClientRect();
            return r.left < 0 || r.right > document.documentElement.clientWidth + 0.5;
          })
          .map((el) => el.outerHTML.slice(0, 80));
        return { wide, cut };
      });
      expect(overflow).toEqual({ wide: false, cut: [] });
      await shown.screenshot({ path: `test-results/desktop-window-${width}-${locale}.png`, fullPage: true });
      await shown.close();
    }
  }
});
