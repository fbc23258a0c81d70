/**
 * A slide app asked over and over what it shows (PowerPoint through COM, Keynote through AppleScript):
 * the shared part of their show sources. The app's own words are an `AppDriver`; this keeps the last
 * answer, tells when it changes, caches pictures per presentation, and never asks twice at once.
 */
import type { ShowSource, SlideProfileId } from '@deskremote/shared';
import type { ShowCommand, ShowSnapshot, SlideShowSource } from './show-source.js';

export interface AppShow {
  title: string;
  count: number;
  /** From 1. */
  current: number;
}

export interface AppDriver {
  /** The running show, or undefined where none runs (or the app is not running: it is never started). */
  state(): Promise<AppShow | undefined>;
  notes(slide: number): Promise<string>;
  /** Undefined where the app cannot give a slide's picture. */
  picture(slide: number): Promise<Buffer | undefined>;
  /** Whether the app gives pictures at all (the phone then waits for them). */
  readonly pictures: boolean;
  /** Whether the app has a word for this command at all (else the keys do it). */
  can(command: ShowCommand): boolean;
  send(command: ShowCommand): Promise<boolean>;
  close(): void;
}

export class PolledSource implements SlideShowSource {
  private state: ShowSnapshot | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly notesCache = new Map<number, string>();
  private readonly pictureCache = new Map<number, Buffer>();

  constructor(
    readonly id: ShowSource,
    readonly profile: SlideProfileId,
    private readonly driver: AppDriver,
    private readonly options: { onChange: () => void; pollMs: number; wanted?: () => boolean },
  ) {
    this.schedule(0);
  }

  snapshot(): ShowSnapshot | undefined {
    return this.state;
  }

  async notes(slide: number): Promise<string> {
    if (!this.state || slide > this.state.count) return '';
    const cached = this.notesCache.get(slide);
    if (cached !== undefined) return cached;
    const text = await this.driver.notes(slide).catch(() => '');
    this.notesCache.set(slide, text);
    return text;
  }

  async picture(slide: number): Promise<Buffer | undefined> {
    if (!this.state || slide > this.state.count) return undefined;
    const cached = this.pictureCache.get(slide);
    if (cached) return cached;
    const picture = await this.driver.picture(slide).catch(() => undefined);
    if (picture) this.pictureCache.set(slide, picture);
    return picture;
  }

  send(command: ShowCommand): boolean {
    if (!this.state || !this.driver.can(command)) return false;
    void this.driver
      .send(command)
      .then(() => this.poll())
      .catch(() => {});
    return true;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.driver.close();
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.poll().finally(() => this.schedule(this.options.pollMs)), ms);
  }

  private async poll(): Promise<void> {
    if (this.stopped) return;
    const show = this.options.wanted && !this.options.wanted() ? undefined : await this.driver.state().catch(() => undefined);
    const identity = show ? `${this.id}:${show.title}:${show.count}` : undefined;
    if (identity !== this.state?.identity) {
      this.notesCache.clear();
      this.pictureCache.clear();
    }
    const next: ShowSnapshot | undefined = show
      ? {
          title: show.title,
          count: show.count,
          current: Math.min(Math.max(1, show.current), show.count),
          ready: this.driver.pictures ? show.count : 0,
          identity: identity ?? '',
        }
      : undefined;
    if (JSON.stringify(next) === JSON.stringify(this.state)) return;
    this.state = next;
    this.options.onChange();
  }
}
