/**
 * Every way pairing can be refused has its own card: a headline of its own, the cause, and what to do
 * (scan again, ask the computer's owner, try now), in English and in Simplified Chinese, each made by
 * the real host refusing the real page for that reason, with screenshots. And the approval card shows
 * only when the computer is really asking: never where approvals are off, however slow the welcome.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../src/host/host.js';
import { startTestHost } from '../support/test-host.js';
import { assertChromium } from './support/chromium.js';
import { PHONE_HOST_NAME } from './support/host-process.js';
import { Phone } from './support/phone.js';

const phoneDir = join(import.meta.dirname, '..', '..', '..', 'mobile-web', 'dist');
const hosts: Host[] = [];
const phones: Phone[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Latin words in a Chinese card would be an untranslated English word (the product name excepted). */
const ENGLISH_WORD = /\b(?!DeskRemote\b)[A-Za-z]{3,}\b/;

async function host(options: Parameters<typeof startTestHost>[0] = {}): Promise<Host> {
  const started = await startTestHost({ phoneDir, names: [PHONE_HOST_NAME], ...options });
  hosts.push(started.host);
  return started.host;
}

beforeAll(() => assertChromium());
afterAll(async () => {
  await Promise.all(phones.map((p) => p.close()));
  await Promise.all(hosts.map((h) => h.stop()));
});

interface Card {
  reason: string;
  title: string;
  cause: string;
  action: string;
}

describe.each([
  ['en', 'en-US'],
  ['zh', 'zh-CN'],
])('refusal cards in %s', (lang, locale) => {
  const cards: Card[] = [];

  async function open(url: string): Promise<Phone> {
    const phone = await Phone.open(url, 'Pixel 7', locale);
    phones.push(phone);
    return phone;
  }

  /** Waits for the card, reads it and takes its picture. */
  async function card(phone: Phone, reason: string): Promise<Card> {
    const element = phone.page.locator(`[data-testid=unpaired][data-reason=${reason}]`);
    await element.waitFor({ timeout: 15_000 });
    await phone.page.setViewportSize({ width: 412, height: 915 });
    await sleep(150);
    await phone.page.screenshot({ path: `test-results/cards-${lang}-${reason}.png` });
    const read: Card = {
      reason,
      title: (await element.locator('h1').textContent()) ?? '',
      cause: (await element.locator('.card-cause').textContent()) ?? '',
      action: (await element.getByTestId('card-action').textContent()) ?? '',
    };
    cards.push(read);
    return read;
  }

  it('never paired, a used code, an expired code, removed on the computer', async () => {
    const desktop = await host({ pairingLifetimeMs: 60_000 });
    await card(await open(`http://${PHONE_HOST_NAME}:${desktop.port}/`), 'no-pairing');

    const used = desktop.pairingUrl();
    const first = await open(used);
    await first.waitConnected();
    await card(await open(used), 'code-wrong');

    const removed = first;
    const id = desktop.state.state.devices[0]?.id ?? '';
    await desktop.revokeDevice(id);
    await card(removed, 'removed');

    const short = await host({ pairingLifetimeMs: 800 });
    const stale = short.pairingUrl();
    await sleep(1200);
    await card(await open(stale), 'code-expired');
  }, 60_000);

  it('denied, not answered in time, and one code used by two phones at once', async () => {
    const desktop = await host({ requireApproval: true, approvalTimeoutMs: 60_000 });
    const denied = await open(desktop.pairingUrl());
    await denied.page.getByTestId('approving').waitFor();
    desktop.pairing.decide(desktop.pairing.approvals.list()[0]?.id ?? '', false);
    await card(denied, 'denied');

    // Two phones show the same code while the computer asks: both are refused, whoever asked first.
    const url = desktop.pairingUrl();
    const one = await open(url);
    await one.page.getByTestId('approving').waitFor();
    const two = await open(url);
    await card(two, 'code-conflict');
    await card(one, 'code-conflict');

    const slow = await host({ requireApproval: true, approvalTimeoutMs: 1000 });
    await card(await open(slow.pairingUrl()), 'approval-timeout');
  }, 60_000);

  it('a computer that no longer knows the phone: its card offers to try now', async () => {
    const first = await host();
    const phone = await open(first.pairingUrl());
    await phone.waitConnected();
    const port = first.port;
    await first.stop();
    // The same address, a host with no phones (reset, or another data folder).
    await host({ port });
    const read = await card(phone, 'not-recognized');
    expect(read.action.length).toBeGreaterThan(0);
    expect(await phone.page.getByTestId('try-now').isVisible()).toBe(true);
  }, 60_000);

  it('each card has its own headline, a cause and an action, all in the reader’s language', () => {
    expect(cards.map((c) => c.reason).sort()).toEqual(
      [
        'approval-timeout',
        'code-conflict',
        'code-conflict',
        'code-expired',
        'code-wrong',
        'denied',
        'no-pairing',
        'not-recognized',
        'removed',
      ].sort(),
    );
    const byReason = new Map(cards.map((c) => [c.reason, c]));
    const titles = [...byReason.values()].map((c) => c.title);
    expect(new Set(titles).size).toBe(titles.length);
    for (const c of byReason.values()) {
      expect(c.cause, c.reason).not.toBe('');
      expect(c.action, c.reason).not.toBe('');
      expect(c.action, c.reason).not.toBe(c.cause);
      if (lang === 'zh') expect(`${c.title} ${c.cause} ${c.action}`, c.reason).not.toMatch(ENGLISH_WORD);
    }
  });
});

describe('the approval card', () => {
  it('never shows where approvals are off, and shows at once where the computer asks', async () => {
    const open = async (url: string) => {
      const phone = await Phone.open(url);
      phones.push(phone);
      return phone;
    };
    const quick = await host();
    const phone = await open('about:blank');
    // Recorded from the first paint on: had the card flashed, even for a frame, it would be here.
    await phone.page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid=approving]')) seen.push('approving');
      }).observe(document, { childList: true, subtree: true });
    });
    await phone.page.goto(quick.pairingUrl());
    await phone.waitConnected();
    expect(await phone.page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([]);

    const asking = await host({ requireApproval: true });
    const other = await open(asking.pairingUrl());
    await other.page.getByTestId('approving').waitFor({ timeout: 2000 });
  }, 30_000);
});
