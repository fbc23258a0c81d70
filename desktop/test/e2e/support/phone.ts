/**
 * The phone: headless Chromium with a phone profile (touch, mobile viewport), opening the controller
 * page. Touches go through the DevTools protocol, the same path as real touch input, multi-finger included.
 */
import { type Browser, type BrowserContext, type CDPSession, chromium, devices, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';
import { PHONE_HOST_NAME } from './host-process.js';

type Point = { x: number; y: number };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Phone {
  private constructor(
    private readonly browser: Browser,
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  /**
   * `deskremote.test` resolves to 127.0.0.1 in this browser only, so the page is served from a plain
   * http name: not a secure context (no crypto.subtle, no brotli), exactly what a phone on the LAN sees,
   * while every byte stays on loopback.
   */
  static async open(url: string, profile = 'Pixel 7', locale = 'en-US'): Promise<Phone> {
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${PHONE_HOST_NAME} 127.0.0.1`],
    });
    const context = await browser.newContext({ ...devices[profile], locale });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(url);
    return new Phone(browser, context, page, cdp);
  }

  /** Opens another tab in the same phone browser (same stored pairing). */
  async reopen(url: string): Promise<void> {
    await this.page.goto(url);
  }

  async waitConnected(timeoutMs = 10_000): Promise<string> {
    await this.page.waitForFunction(() => document.querySelector('[data-testid=status] .dot-on') !== null, undefined, {
      timeout: timeoutMs,
    });
    return (await this.page.locator('[data-testid=status]').textContent()) ?? '';
  }

  async padCenter(): Promise<Point> {
    const box = await this.page.getByTestId('touchpad').boundingBox();
    if (!box) throw new Error('no touchpad on the page');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  private touch(type: 'touchStart' | 'touchMove' | 'touchEnd' | 'touchCancel', points: Point[]): Promise<unknown> {
    return this.cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id, radiusX: 4, radiusY: 4, force: 1 })),
    });
  }

  /** Fingers land at `from`, move together by `by` in `steps` steps `intervalMs` apart, and lift. */
  async drag(from: Point[], by: Point, steps = 20, intervalMs = 25, lift = true): Promise<void> {
    await this.touch('touchStart', from);
    for (let i = 1; i <= steps; i++) {
      await sleep(intervalMs);
      await this.touch(
        'touchMove',
        from.map((p) => ({ x: p.x + (by.x * i) / steps, y: p.y + (by.y * i) / steps })),
      );
    }
    await sleep(intervalMs);
    if (lift) await this.touch('touchEnd', []);
  }

  async tap(points: Point[]): Promise<void> {
    await this.touch('touchStart', points);
    await sleep(40);
    await this.touch('touchEnd', []);
  }

  /** One finger held still long enough to press the button, then moved, and kept down. */
  async holdAndMove(at: Point, by: Point, holdMs = 800): Promise<void> {
    await this.touch('touchStart', [at]);
    await sleep(holdMs);
    for (let i = 1; i <= 10; i++) {
      await sleep(25);
      await this.touch('touchMove', [{ x: at.x + (by.x * i) / 10, y: at.y + (by.y * i) / 10 }]);
    }
  }

  async liftAll(): Promise<void> {
    await this.touch('touchEnd', []);
  }

  /** What an IME shows while composing (pinyin before a candidate is chosen), not yet committed. */
  async imeCompose(text: string): Promise<void> {
    await this.cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  }

  /** Text committed by the keyboard (a typed character, a chosen candidate, a suggestion). */
  async insertText(text: string): Promise<void> {
    await this.cdp.send('Input.insertText', { text });
  }

  /** A key of the soft keyboard that is not text: Backspace or Enter. */
  async pressKey(key: 'Backspace' | 'Enter'): Promise<void> {
    const code = key === 'Backspace' ? 8 : 13;
    const base = { key, code: key, windowsVirtualKeyCode: code, nativeVirtualKeyCode: code };
    await this.cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...base, ...(key === 'Enter' ? { text: '\r' } : {}) });
    if (key === 'Enter') await this.cdp.send('Input.dispatchKeyEvent', { type: 'char', ...base, text: '\r' });
    await this.cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
  }

  /** Compose-then-send: switches the text field to that mode if needed, fills it, and taps send. */
  async composeAndSend(text: string): Promise<void> {
    const field = this.page.getByTestId('text-input');
    if ((await field.getAttribute('data-mode')) === 'live') {
      await this.page.getByTestId('typing-mode').tap();
      await this.page.waitForSelector('[data-testid=text-input][data-mode=compose]');
    }
    await field.fill(text);
    await this.page.getByTestId('send-text').tap();
  }

  /** Two fingers about `at`, their distance going from `from` to `to` px in `steps` steps, then lifted. */
  async pinch(at: Point, from: number, to: number, steps = 12, intervalMs = 25): Promise<void> {
    const fingers = (spread: number) => [
      { x: at.x - spread / 2, y: at.y },
      { x: at.x + spread / 2, y: at.y },
    ];
    await this.touch('touchStart', fingers(from));
    for (let i = 1; i <= steps; i++) {
      await sleep(intervalMs);
      await this.touch('touchMove', fingers(from + ((to - from) * i) / steps));
    }
    await sleep(intervalMs);
    await this.touch('touchEnd', []);
  }

  /** A finger held on the element's centre for `ms`, then lifted (guarded buttons act only when held). */
  async holdButton(selector: string, ms = 900): Promise<void> {
    const box = await this.page.locator(selector).boundingBox();
    if (!box) throw new Error(`nothing to hold at ${selector}`);
    await this.touch('touchStart', [{ x: box.x + box.width / 2, y: box.y + box.height / 2 }]);
    await sleep(ms);
    await this.touch('touchEnd', []);
  }

  /** One finger across the element, from one side to the other (`dx` negative: right to left). */
  async swipeOn(selector: string, dx: number, ms = 200): Promise<void> {
    const box = await this.page.locator(selector).boundingBox();
    if (!box) throw new Error(`nothing to swipe on at ${selector}`);
    const from = { x: box.x + box.width / 2 - dx / 2, y: box.y + box.height / 2 };
    await this.drag([from], { x: dx, y: 4 }, 8, ms / 8);
  }

  async tapButton(selector: string): Promise<void> {
    await this.page.locator(selector).tap();
  }

  /**
   * Opens the slides panel's screen preview, waits for its first image and reads it: its size, and the
   * colour (RGBA) at each point given as fractions of its width and height.
   */
  async previewPixels(
    points: ReadonlyArray<readonly [number, number]>,
    timeoutMs = 10_000,
  ): Promise<{ width: number; height: number; colors: number[][] }> {
    await this.tapButton('[data-tab=slides]');
    await this.tapButton('[data-testid=preview-toggle]');
    await this.page.waitForFunction(
      () => (document.querySelector('[data-testid=preview-image]') as HTMLImageElement | null)?.naturalWidth,
      undefined,
      { timeout: timeoutMs },
    );
    return this.page.evaluate((at) => {
      const image = document.querySelector('[data-testid=preview-image]') as HTMLImageElement;
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.drawImage(image, 0, 0);
      const colors = at.map(([fx, fy]) => [
        ...context.getImageData(Math.floor(fx * canvas.width), Math.floor(fy * canvas.height), 1, 1).data,
      ]);
      return { width: image.naturalWidth, height: image.naturalHeight, colors };
    }, points);
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}
