/**
 * Okular's document, over its D-Bus interface (org.kde.okular-PID, /okular): the page count, the page it
 * shows (polled: Okular sends no signal when the page changes), next, previous and go to page. The pages'
 * pictures are rendered from the open file with poppler's pdftoppm, where it is installed. Followed only
 * while Okular has the keyboard focus (`wanted`), so an Okular open behind the slides takes no commands.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import dbus from 'dbus-next';
import type { ShowCommand, ShowSnapshot, SlideShowSource } from './show-source.js';

const run = promisify(execFile);
const PREFIX = 'org.kde.okular-';

interface OkularCalls {
  currentPage(): Promise<number>;
  pages(): Promise<number>;
  currentDocument(): Promise<string>;
  goToPage(page: number): Promise<void>;
  slotNextPage(): Promise<void>;
  slotPreviousPage(): Promise<void>;
}

/** A PDF page as PNG bytes, `width` pixels wide, through a private temporary folder (pdftoppm writes files). */
export async function renderPdfPage(path: string, page: number, width: number): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'deskremote-page-'));
  try {
    const root = join(dir, 'page');
    await run(
      'pdftoppm',
      [
        '-png',
        '-f',
        String(page),
        '-l',
        String(page),
        '-singlefile',
        '-scale-to-x',
        String(width),
        '-scale-to-y',
        '-1',
        path,
        root,
      ],
      { timeout: 10_000 },
    );
    return await readFile(`${root}.png`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export class OkularSource implements SlideShowSource {
  readonly id = 'okular' as const;
  readonly profile = 'okular' as const;
  private bus: dbus.MessageBus | undefined;
  private okular: OkularCalls | undefined;
  private state: ShowSnapshot | undefined;
  private path = '';
  private readonly pictures = new Map<string, Buffer>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private canRender: boolean | undefined;

  constructor(
    private readonly options: { wanted: () => boolean; onChange: () => void; log: (line: string) => void; pollMs?: number },
  ) {
    this.schedule(0);
  }

  snapshot(): ShowSnapshot | undefined {
    return this.state;
  }

  async notes(): Promise<string> {
    // A PDF has no speaker notes.
    return '';
  }

  async picture(slide: number): Promise<Buffer | undefined> {
    if (!this.state || slide > this.state.count || !this.canRender) return undefined;
    const key = `${this.path}#${slide}`;
    const cached = this.pictures.get(key);
    if (cached) return cached;
    const png = await renderPdfPage(this.path, slide, 480).catch(() => undefined);
    if (png && png.length > 0) {
      if (this.pictures.size > 200) this.pictures.clear();
      this.pictures.set(key, png);
    }
    return png;
  }

  send(command: ShowCommand): boolean {
    const okular = this.okular;
    if (!okular || !this.state) return false;
    const done = (call: Promise<void>) => {
      // Followed at once rather than at the next poll: the phone hears of the new page sooner.
      void call.then(() => this.poll()).catch(() => {});
      return true;
    };
    if (command.kind === 'next') return done(okular.slotNextPage());
    if (command.kind === 'previous') return done(okular.slotPreviousPage());
    if (command.kind === 'goto') return done(okular.goToPage(Math.min(command.slide, this.state.count)));
    return false;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.bus?.disconnect();
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.poll().finally(() => this.schedule(this.options.pollMs ?? 300)), ms);
  }

  private async poll(): Promise<void> {
    if (this.stopped) return;
    if (!this.options.wanted()) return this.set(undefined);
    try {
      const okular = this.okular ?? (await this.find());
      if (!okular) return this.set(undefined);
      const [path, count, current] = await Promise.all([okular.currentDocument(), okular.pages(), okular.currentPage()]);
      if (!path || count < 1) return this.set(undefined);
      this.canRender ??= await run('pdftoppm', ['-v']).then(
        () => true,
        () => false,
      );
      this.path = path;
      const title = path.split('/').at(-1) ?? path;
      this.set({
        title,
        count,
        current: Math.min(Math.max(1, current), count),
        ready: this.canRender && /\.pdf$/i.test(path) ? count : 0,
        identity: `okular:${path}:${count}`,
      });
    } catch {
      // Okular quit (or is another one now): looked for again next time.
      this.okular = undefined;
      this.set(undefined);
    }
  }

  private async find(): Promise<OkularCalls | undefined> {
    if (!process.env.DBUS_SESSION_BUS_ADDRESS) return undefined;
    if (!this.bus) {
      this.bus = dbus.sessionBus();
      // A bus that goes away is looked for again by the next poll's calls failing.
      this.bus.on('error', () => {});
    }
    const daemon = (await this.bus.getProxyObject('org.freedesktop.DBus', '/org/freedesktop/DBus')).getInterface(
      'org.freedesktop.DBus',
    ) as unknown as { ListNames(): Promise<string[]> };
    const name = (await daemon.ListNames()).find((n) => n.startsWith(PREFIX));
    if (!name) return undefined;
    this.okular = (await this.bus.getProxyObject(name, '/okular')).getInterface('org.kde.okular') as unknown as OkularCalls;
    return this.okular;
  }

  private set(state: ShowSnapshot | undefined): void {
    if (JSON.stringify(state) === JSON.stringify(this.state)) return;
    this.state = state;
    this.options.onChange();
  }
}
