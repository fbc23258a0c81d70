/**
 * Full control of a Wayland desktop through the RemoteDesktop portal, end to end on a real compositor:
 * headless mutter with a virtual monitor, the real xdg-desktop-portal and its GNOME backend on a private
 * session bus, a GTK window on that Wayland display recording what it receives, the real host (its
 * portal backend chosen because the session is Wayland), and the phone page in headless Chromium. The
 * portal's permission dialog is answered through the accessibility bus, as a person would: first
 * refused (the phone explains it), then, when the phone next needs input, accepted.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostProcess, PHONE_HOST_NAME } from './support/host-process.js';
import { Phone } from './support/phone.js';
import { startWaylandDesktop, type WaylandDesktop, type WaylandEvent } from './support/wayland-desktop.js';
import { WebKitPhone } from './support/webkit-phone.js';
import { startXvfb } from './support/xvfb.js';

let desktop: WaylandDesktop;
let host: HostProcess;
let phone: Phone;
let dataDir: string;

const since = <E extends WaylandEvent['e']>(from: number, kind: E) =>
  desktop.events.slice(from).filter((e): e is Extract<WaylandEvent, { e: E }> => e.e === kind);
const banner = () => phone.page.getByTestId('input-problem');

beforeAll(async () => {
  desktop = await startWaylandDesktop();
  dataDir = await mkdtemp(join(tmpdir(), 'deskremote-wayland-host-'));
  host = await HostProcess.start({ display: '', dataDir, env: desktop.env });
  phone = await Phone.open(host.pairingUrl());
  await phone.waitConnected();
}, 90_000);

afterAll(async () => {
  await phone?.close();
  await host?.stop();
  await desktop?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/**
 * A second phone in Safari's engine (WebKitGTK, on an X display of its own so it takes no focus from the
 * Wayland window) pairs while the dialog is open: it shows the same question, in English and Chinese.
 */
async function safariSeesTheQuestion() {
  const phoneDisplay = await startXvfb(600, 1000);
  let safari: WebKitPhone | undefined;
  try {
    // The first phone used the pairing code: the host shows a new one.
    await expect.poll(() => host.pairingUrlCount()).toBeGreaterThan(1);
    safari = await WebKitPhone.open(host.pairingUrl().replace(PHONE_HOST_NAME, '127.0.0.1'), { display: phoneDisplay.display });
    const asking = "document.querySelector('[data-testid=input-problem][data-code=portal-asking]') !== null";
    await safari.waitFor(asking, 10_000);
    const paint = () =>
      safari?.evaluate('return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100))))');
    const words = () => safari?.evaluate<string>("return document.querySelector('[data-testid=input-problem]').textContent");
    expect(await words()).toContain('Allow remote interaction');
    await paint();
    await safari.screenshot('test-results/webkit-wayland-asking-en.png');
    await safari.click('[data-testid=language]');
    await safari.waitFor("document.documentElement.lang === 'zh-CN'", 3000);
    expect(await words()).toContain('允许远程交互');
    await paint();
    await safari.screenshot('test-results/webkit-wayland-asking-zh.png');
  } finally {
    await safari?.close();
    await phoneDisplay.stop();
  }
}

describe('a Wayland desktop through the RemoteDesktop portal', () => {
  it('the host says the computer is asking, and a refusal is explained on the phone', async () => {
    expect(host.log).toMatch(/input: checking: portal-not-asked/);
    // The phone connected: the host asked the portal, whose dialog is now on the computer's screen.
    await phone.page.waitForSelector('[data-testid=input-problem][data-code=portal-asking]');
    expect(await banner().textContent()).toContain('Allow remote interaction');
    // The terminal says it too, for whoever sits at the computer.
    await host.waitForOutput(/tick “Allow remote interaction” and click “Share”/);
    await phone.page.screenshot({ path: 'test-results/wayland-asking-en.png' });
    await safariSeesTheQuestion();
    await desktop.answerConsent('cancel');
    await phone.page.waitForSelector('[data-testid=input-problem][data-code=portal-refused]');
    expect(await banner().textContent()).toMatch(/refused/);
    await host.waitForOutput(/Permission to send input was refused\. It will be asked again/);
    await phone.page.screenshot({ path: 'test-results/wayland-refused-en.png' });
    // The same, in Chinese.
    await phone.tapButton('[data-testid=language]');
    await phone.page.waitForFunction(() => document.querySelector('[data-testid=input-problem]')?.textContent?.includes('拒绝'));
    await phone.page.screenshot({ path: 'test-results/wayland-refused-zh.png' });
    // The banner on a small phone and in landscape: it wraps, and the pad stays usable below it.
    const portrait = phone.page.viewportSize();
    for (const [name, size] of [
      ['small', { width: 320, height: 568 }],
      ['landscape', { width: 915, height: 412 }],
    ] as const) {
      await phone.page.setViewportSize(size);
      const box = await banner().boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= size.width).toBe(true);
      await phone.page.screenshot({ path: `test-results/wayland-refused-zh-${name}.png` });
    }
    if (portrait) await phone.page.setViewportSize(portrait);
    await phone.tapButton('[data-testid=language]');
    await phone.page.waitForFunction(() =>
      document.querySelector('[data-testid=input-problem]')?.textContent?.includes('refused'),
    );
    // Nothing reached the window while permission was refused.
    expect(desktop.events.filter((e) => e.e !== 'focus')).toEqual([]);
  });

  it('when the phone next needs input the host asks again, and once allowed the phone is ready', async () => {
    const accepted = desktop.answerConsent('share');
    const centre = await phone.padCenter();
    await phone.drag([centre], { x: 30, y: 0 });
    await accepted;
    await banner().waitFor({ state: 'detached' });
    await host.waitForOutput(/portal: input granted/);
    await host.waitForOutput(/Permission granted: the phones control this computer/);
    await desktop.waitFor('the window to have the keyboard', (events) => events.some((e) => e.e === 'ready'));
  });

  it('a drag moves the pointer, a tap clicks', async () => {
    const centre = await phone.padCenter();
    let from = desktop.events.length;
    await phone.drag([centre], { x: 120, y: 60 });
    const moves = await desktop.waitFor('pointer motion', () => {
      const seen = since(from, 'motion');
      return seen.length >= 2 && (seen.at(-1)?.x ?? 0) - (seen[0]?.x ?? 0) > 20 ? seen : undefined;
    });
    expect((moves.at(-1)?.y ?? 0) - (moves[0]?.y ?? 0)).toBeGreaterThan(0);
    from = desktop.events.length;
    await phone.tap([centre]);
    const buttons = await desktop.waitFor('a click', () => {
      const seen = since(from, 'button');
      return seen.length >= 2 ? seen : undefined;
    });
    expect(buttons.slice(0, 2)).toEqual([
      { e: 'button', button: 1, down: true },
      { e: 'button', button: 1, down: false },
    ]);
  });

  it('a two-finger drag scrolls smoothly', async () => {
    const centre = await phone.padCenter();
    const from = desktop.events.length;
    await phone.drag(
      [
        { x: centre.x - 30, y: centre.y + 60 },
        { x: centre.x + 30, y: centre.y + 60 },
      ],
      { x: 0, y: -150 },
    );
    const scrolls = await desktop.waitFor('scrolling', () => {
      const seen = since(from, 'scroll').filter((e) => e.dir === 'smooth' && (e.dy ?? 0) !== 0);
      return seen.length >= 3 ? seen : undefined;
    });
    // Natural scrolling (the default): fingers up, the content follows them, as the wheel scrolling down.
    expect(scrolls.reduce((total, e) => total + (e.dy ?? 0), 0)).toBeGreaterThan(0);
    expect(since(from, 'button')).toEqual([]);
  });

  it('keys and a shortcut arrive: Ctrl+A as one chord, then PageDown', async () => {
    await phone.tapButton('[data-tab=keys]');
    await phone.page.getByTestId('keys-panel').waitFor();
    const from = desktop.events.length;
    await phone.tapButton('[data-mod=ctrl]');
    await phone.page.getByTestId('shortcut-letter').pressSequentially('a');
    const a = await desktop.waitFor('Ctrl+A', () => since(from, 'key').find((k) => k.name === 'a' && k.down));
    expect(a).toMatchObject({ ctrl: true, shift: false, alt: false });
    await phone.tapButton('.keys-panel [data-key="PageDown"]');
    await desktop.waitFor('PageDown', () => since(from, 'key').find((k) => k.name === 'Page_Down' && !k.down));
    // Every key that went down came up again, Ctrl included.
    const keys = since(from, 'key');
    for (const name of ['Control_L', 'a', 'Page_Down'])
      expect(keys.filter((k) => k.name === name && k.down).length).toBe(keys.filter((k) => k.name === name && !k.down).length);
  });

  const lastText = (events: WaylandEvent[]) => events.filter((e) => e.e === 'buffer').at(-1)?.text;

  it('text with characters outside the layout arrives exactly, in order', async () => {
    // Pasted through XWayland's clipboard, which needs no keyboard focus (see host/input/backends/portal/clipboard-text.ts).
    expect(host.log).toMatch(/pasted through the clipboard with xclip/);
    await phone.tapButton('[data-tab=pad]');
    await desktop.clearText();
    const text = 'Hello, Grüße 你好 ✓ done!';
    await phone.composeAndSend(text);
    await desktop.waitFor('the exact text', (events) => (lastText(events) === text ? true : undefined), 30_000);
    // The clipboard holds what it held before, no text here: the pasted text did not stay on it.
    await expect.poll(() => desktop.clipboard(), { timeout: 5000, interval: 200 }).toBeOneOf([null, '']);
  }, 60_000);

  it('many pastes in a row all arrive, and the text the user had copied is put back', async () => {
    await desktop.clearText();
    await desktop.copy('what the user copied');
    const texts = Array.from({ length: 12 }, (_, i) => `${i}: Grüße 你好 ✓ `);
    // Sent one after another without waiting: the host types them in order while the window is busy.
    for (const text of texts) await phone.composeAndSend(text);
    const all = texts.join('');
    await desktop.waitFor('every text', (events) => (lastText(events) === all ? true : undefined), 90_000);
    await expect.poll(() => desktop.clipboard(), { timeout: 5000, interval: 200 }).toBe('what the user copied');
  }, 120_000);

  it('a picture the user had copied is put back after text is pasted over it', async () => {
    await desktop.clearText();
    await desktop.copyImage();
    expect(await desktop.clipboardImage()).toEqual({ width: 4, height: 4, pixel: [0x33, 0x66, 0xcc] });
    const text = 'Voilà, ça marche';
    await phone.composeAndSend(text);
    await desktop.waitFor('the exact text', (events) => (lastText(events) === text ? true : undefined), 30_000);
    await expect
      .poll(() => desktop.clipboardImage(), { timeout: 5000, interval: 200 })
      .toEqual({ width: 4, height: 4, pixel: [0x33, 0x66, 0xcc] });
  }, 60_000);

  it('a held button is released when the phone page goes away', async () => {
    const from = desktop.events.length;
    await phone.holdAndMove(await phone.padCenter(), { x: 40, y: 0 });
    await desktop.waitFor('the button held', () => since(from, 'button').find((b) => b.down));
    await phone.page.close();
    const up = await desktop.waitFor('the button released', () => since(from, 'button').find((b) => !b.down));
    expect(up.button).toBe(1);
  });
});
