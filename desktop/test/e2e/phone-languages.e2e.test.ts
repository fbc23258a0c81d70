/**
 * The phone page in Simplified Chinese, every panel and state, with screenshots in portrait, landscape
 * and with the soft keyboard open; and the switch between the languages. Real page, real host.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../src/host/host.js';
import { MemoryDriver } from '../support/memory-driver.js';
import { startTestHost } from '../support/test-host.js';
import { assertChromium } from './support/chromium.js';
import { PHONE_HOST_NAME } from './support/host-process.js';
import { Phone } from './support/phone.js';

const phoneDir = join(import.meta.dirname, '..', '..', '..', 'mobile-web', 'dist');
const PORTRAIT = { width: 412, height: 915 };
const LANDSCAPE = { width: 915, height: 412 };
/** What is left of a portrait screen while the soft keyboard is up (the page resizes its content). */
const KEYBOARD_OPEN = { width: 412, height: 500 };
const hosts: Host[] = [];
const phones: Phone[] = [];
/** Latin letters that would betray an untranslated English word (product names and keys excepted). */
const ENGLISH_WORD =
  /\b(?!DeskRemote\b|Linux\b|Esc\b|Tab\b|EN\b|X11\b|Wayland\b|XWayland\b|GNOME\b|Xorg\b|Plasma\b|Pixel\b)[A-Za-z]{3,}\b/;

async function host(options: Parameters<typeof startTestHost>[0] = {}): Promise<Host> {
  const started = await startTestHost({ phoneDir, names: [PHONE_HOST_NAME], ...options });
  hosts.push(started.host);
  return started.host;
}

async function open(url: string, locale = 'zh-CN'): Promise<Phone> {
  const phone = await Phone.open(url, 'Pixel 7', locale);
  phones.push(phone);
  return phone;
}

async function shoot(phone: Phone, name: string, size = PORTRAIT): Promise<string> {
  await phone.page.setViewportSize(size);
  await new Promise((r) => setTimeout(r, 150));
  await phone.page.screenshot({ path: `test-results/zh-${name}.png` });
  return (await phone.page.locator('body').innerText()).replace(/\s+/g, ' ');
}

beforeAll(() => assertChromium());
afterAll(async () => {
  await Promise.all(phones.map((p) => p.close()));
  await Promise.all(hosts.map((h) => h.stop()));
});

describe('the phone page in Chinese', () => {
  it('every panel, in portrait, landscape and with the keyboard open', async () => {
    const desktop = await host({ hostName: '会议室电脑' });
    const phone = await open(desktop.pairingUrl());
    await phone.waitConnected();
    expect(await phone.page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    const pad = await shoot(phone, 'touchpad');
    expect(pad).toContain('已连接到 会议室电脑');
    expect(pad).toContain('触控板');
    expect(pad).toContain('左键');
    expect(pad).not.toMatch(ENGLISH_WORD);
    await shoot(phone, 'touchpad-landscape', LANDSCAPE);
    await phone.page.setViewportSize(PORTRAIT);
    await phone.page.getByTestId('text-input').focus();
    await shoot(phone, 'keyboard-open', KEYBOARD_OPEN);
    expect(await phone.page.getByTestId('text-input').getAttribute('placeholder')).toBe('输入的内容会同步出现在电脑上');
    expect(await phone.page.getByTestId('typing-mode').textContent()).toBe('实时');
    expect(await phone.page.getByTestId('text-input').isVisible()).toBe(true);
    await phone.page.getByTestId('text-input').blur();
    await phone.page.setViewportSize(PORTRAIT);
    await phone.tapButton('[data-tab=media]');
    const media = await shoot(phone, 'media');
    expect(media).toContain('播放 / 暂停');
    expect(media).not.toMatch(ENGLISH_WORD);
    await shoot(phone, 'media-landscape', LANDSCAPE);
    await phone.page.setViewportSize(PORTRAIT);
    await phone.tapButton('[data-tab=slides]');
    const slides = await shoot(phone, 'slides');
    expect(slides).toContain('下一页');
    expect(slides).toContain('黑屏');
    expect(slides).toContain('重置');
    // The slide app chooser lists product names (PowerPoint, Keynote…): the rest is the panel's own words.
    const panelWords = await phone.page.evaluate(() => {
      const panel = document.querySelector('[data-testid=presenter]')?.cloneNode(true) as HTMLElement;
      for (const option of panel.querySelectorAll('option:not(:checked)')) option.remove();
      return panel.innerText;
    });
    expect(panelWords).not.toMatch(ENGLISH_WORD);
    await shoot(phone, 'slides-landscape', LANDSCAPE);
    await phone.page.setViewportSize(PORTRAIT);
    await phone.tapButton('[data-testid=timer-plan-open]');
    const plan = await shoot(phone, 'slides-timer-plan');
    expect(plan).toContain('演讲时长与提醒');
    await phone.tapButton('[data-testid=timer-plan] button[type=button]:not(.toggle)');
    await phone.tapButton('[data-testid=preview-toggle]');
    await phone.tapButton('[data-testid=pointer-toggle]');
    const tools = await shoot(phone, 'slides-preview-pointer');
    expect(tools).toContain('激光笔需要');
    await shoot(phone, 'slides-preview-pointer-landscape', LANDSCAPE);
    await phone.page.setViewportSize(PORTRAIT);
    await phone.tapButton('[data-testid=pointer-toggle]');
    await phone.tapButton('[data-testid=preview-toggle]');
  });

  it('problems: an error from the computer and a limited desktop, in Chinese', async () => {
    const desktop = await host({
      openInput: async () => ({ availability: { status: 'limited', code: 'wayland' }, driver: new MemoryDriver() }),
    });
    const phone = await open(desktop.pairingUrl());
    await phone.waitConnected();
    await phone.page.getByTestId('input-problem').waitFor();
    expect(await phone.page.getByTestId('input-problem').textContent()).toContain('只有在 XWayland 下运行的窗口能接收输入');
    await phone.composeAndSend('响铃\u0007');
    await phone.page.getByTestId('toast').waitFor();
    expect(await phone.page.getByTestId('toast').textContent()).toBe('电脑暂时还不能输入“U+0007”。');
    await shoot(phone, 'problems');
  });

  it('states: never paired, waiting for approval with the code, code used, removed, another tab, reconnecting', async () => {
    const desktop = await host({ requireApproval: true });
    const fresh = await open(`http://${PHONE_HOST_NAME}:${desktop.port}/`);
    await fresh.page.getByTestId('unpaired').waitFor();
    expect(await shoot(fresh, 'not-paired')).toContain('请扫描电脑上的二维码');

    const used = desktop.pairingUrl();
    const phone = await open(used);
    await phone.page.getByTestId('approving').waitFor();
    const request = desktop.pairing.approvals.list()[0];
    const code = request?.code ?? '';
    expect(await phone.page.getByTestId('confirm-code').textContent()).toBe(`${code.slice(0, 3)} ${code.slice(3)}`);
    const approving = await shoot(phone, 'approving');
    expect(approving).toContain('请在电脑上允许这部手机');
    expect(approving).not.toMatch(ENGLISH_WORD);
    desktop.pairing.decide(request?.id ?? '', true);
    await phone.waitConnected();

    const late = await open(used);
    await late.page.getByTestId('unpaired').waitFor();
    expect(await shoot(late, 'code-used')).toContain('这个二维码不对，或者已经用过了');

    // The same phone opens the page in a second tab: the first says so and offers to take over.
    const second = await phone.context.newPage();
    await second.goto(`http://${PHONE_HOST_NAME}:${desktop.port}/`);
    await phone.page.getByTestId('replaced').waitFor();
    expect(await shoot(phone, 'replaced')).toContain('已在其他标签页打开');
    await second.close();
    await phone.page.getByTestId('replaced').getByRole('button').tap();
    await phone.waitConnected();

    const id = desktop.pairedDevices[0]?.id ?? '';
    await desktop.revokeDevice(id);
    await phone.page.getByTestId('unpaired').waitFor();
    expect(await shoot(phone, 'removed')).toContain('这部手机已在电脑上被移除');
  });

  it('reconnecting, in Chinese', async () => {
    const desktop = await host();
    const phone = await open(desktop.pairingUrl());
    await phone.waitConnected();
    await desktop.stop();
    // A visible page knocks every half second instead of counting down, and offers to try at once.
    await phone.page.getByTestId('try-now').waitFor({ timeout: 10_000 });
    const text = (await phone.page.locator('body').innerText()).replace(/\s+/g, ' ');
    await shoot(phone, 'reconnecting');
    expect(text).toContain('电脑上的 DeskRemote 已关闭');
    expect(text).toContain('请在电脑上重新打开它');
    expect(text).toContain('立即重试');
  });
});

describe('switching languages', () => {
  it('a phone in English can switch to Chinese and back, and the choice is remembered', async () => {
    const desktop = await host();
    const phone = await open(desktop.pairingUrl(), 'en-US');
    await phone.waitConnected();
    expect(await phone.page.getByTestId('status').textContent()).toContain('Connected to');
    await phone.page.getByTestId('language').tap();
    await phone.page.waitForFunction(() => document.querySelector('[data-testid=status]')?.textContent?.includes('已连接到'));
    expect(await phone.page.locator('[data-tab=pad]').textContent()).toBe('触控板');
    await phone.page.reload();
    await phone.waitConnected();
    expect(await phone.page.getByTestId('status').textContent()).toContain('已连接到');
    await phone.page.getByTestId('language').tap();
    await phone.page.waitForFunction(() => document.querySelector('[data-testid=status]')?.textContent?.includes('Connected to'));
  });
});
