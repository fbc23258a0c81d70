/**
 * The desktop application that receives the input: a real, headed Chromium window filling the Xvfb
 * screen, with a page that records every pointer, click, wheel, key and text event it gets from the OS.
 */
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';

export interface Recorded {
  type: string;
  screenX?: number;
  screenY?: number;
  button?: number;
  deltaX?: number;
  deltaY?: number;
  key?: string;
  /** On keydown and keyup: the modifiers the application saw down with the key. */
  ctrlKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
  metaKey?: boolean;
  t: number;
}

const RECORDER_HTML = `<!doctype html><html><head><title>Desktop app</title><style>
  html,body{margin:0;height:100%;background:#202830;color:#dde;font:14px sans-serif;overflow:hidden}
  textarea{position:absolute;left:40px;top:40px;width:500px;height:200px;font-size:18px}
</style></head><body><textarea id="typed" autofocus></textarea><script>
  window.__events = [];
  const rec = (type, e, extra) => window.__events.push({ type, t: performance.now(),
    screenX: e.screenX, screenY: e.screenY, button: e.button, ...extra });
  const typed = document.getElementById('typed');
  addEventListener('pointermove', (e) => rec('pointermove', e));
  addEventListener('mousedown', (e) => { rec('mousedown', e); e.preventDefault(); typed.focus(); });
  addEventListener('mouseup', (e) => rec('mouseup', e));
  addEventListener('click', (e) => rec('click', e));
  addEventListener('contextmenu', (e) => { rec('contextmenu', e); e.preventDefault(); });
  addEventListener('wheel', (e) => rec('wheel', e, { deltaX: e.deltaX, deltaY: e.deltaY, ctrlKey: e.ctrlKey }), { passive: true });
  const keyEvent = (e) => window.__events.push({ type: e.type, key: e.key, t: performance.now(),
    ctrlKey: e.ctrlKey, altKey: e.altKey, shiftKey: e.shiftKey, metaKey: e.metaKey });
  addEventListener('keydown', (e) => {
    keyEvent(e);
    // Function keys and the browser's own shortcuts that slide apps share (Ctrl+L, Ctrl+Shift+P, Super+...)
    // must not act on the recorder itself (F5 would reload it and lose the record, Ctrl+L would take the
    // focus, Ctrl+Shift+P would print and block the page); every
    // other key keeps its usual effect (typing, Ctrl+V pasting into the field).
    if (/^F[0-9]+$/.test(e.key) || e.metaKey || (e.ctrlKey && ['l', 'p', 's', 'o'].includes(e.key.toLowerCase()))) e.preventDefault();
  });
  addEventListener('keyup', keyEvent);
  typed.addEventListener('blur', () => setTimeout(() => typed.focus(), 0));
  typed.focus();
</script></body></html>`;

export class DesktopWindow {
  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
  ) {}

  /** `wmClass` sets the window's WM_CLASS class, so the window passes for that application (a slide app). */
  static async open(display: string, width: number, height: number, wmClass?: string): Promise<DesktopWindow> {
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: false,
      env: { ...process.env, DISPLAY: display },
      args: [
        ...CHROMIUM_ARGS,
        '--window-position=0,0',
        `--window-size=${width},${height}`,
        '--kiosk',
        '--password-store=basic',
        ...(wmClass ? [`--class=${wmClass}`] : []),
      ],
    });
    const context = await browser.newContext({ viewport: null });
    const page = await context.newPage();
    await page.setContent(RECORDER_HTML);
    await page.bringToFront();
    return new DesktopWindow(browser, page);
  }

  events(): Promise<Recorded[]> {
    return this.page.evaluate(() => (window as unknown as { __events: Recorded[] }).__events);
  }

  async eventsSince(index: number): Promise<Recorded[]> {
    return (await this.events()).slice(index);
  }

  async count(): Promise<number> {
    return (await this.events()).length;
  }

  typedText(): Promise<string> {
    return this.page.evaluate(() => (document.getElementById('typed') as HTMLTextAreaElement).value);
  }

  clearTyped(): Promise<void> {
    return this.page.evaluate(() => {
      (document.getElementById('typed') as HTMLTextAreaElement).value = '';
    });
  }

  /** Waits until the recorded events satisfy the predicate, or fails with what was recorded. */
  async waitFor<T>(describe: string, check: (events: Recorded[]) => T | undefined | false, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let events: Recorded[] = [];
    while (Date.now() < deadline) {
      events = await this.events();
      const result = check(events);
      if (result) return result;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`desktop window never saw ${describe}; last events: ${JSON.stringify(events.slice(-8))}`);
  }

  /** The keys pressed since event number `since`, once there are at least `count` of them. */
  waitForKeys(since: number, count: number): Promise<string[]> {
    return this.waitFor(`${count} key presses`, (events) => {
      const keys = events.slice(since).flatMap((e) => (e.type === 'keydown' && e.key ? [e.key] : []));
      return keys.length >= count ? keys : undefined;
    });
  }

  screenshot(path: string): Promise<Buffer> {
    return this.page.screenshot({ path });
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}
