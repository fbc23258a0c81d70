/** LibreOffice Impress's show, through its remote control (impress-remote.ts), as a show source. */
import type { ShowLinkStatus } from '@deskremote/shared';
import { ImpressRemote } from './impress-remote.js';
import type { ShowCommand, ShowSnapshot, SlideShowSource } from './show-source.js';

export class ImpressSource implements SlideShowSource {
  readonly id = 'impress' as const;
  readonly profile = 'impress' as const;
  private readonly remote: ImpressRemote;
  /** Each show Impress starts is another presentation for the phones (another file, or the same again). */
  private shows = 0;
  private seen: object | undefined;

  constructor(options: { name: string; pin: string; port?: number; onChange: () => void; log: (line: string) => void }) {
    this.remote = new ImpressRemote(options);
  }

  get status(): ShowLinkStatus {
    return this.remote.status;
  }

  snapshot(): ShowSnapshot | undefined {
    const show = this.remote.show;
    if (!show) return undefined;
    if (show !== this.seen) {
      this.seen = show;
      this.shows++;
    }
    // Impress sends each slide's picture, then its notes (none where it has none), one slide after another.
    let ready = 0;
    while (
      ready < show.count &&
      show.previews.has(ready) &&
      (show.notes.has(ready) || show.previews.has(ready + 1) || ready === show.count - 1)
    )
      ready++;
    return { title: show.title, count: show.count, current: show.current + 1, ready, identity: `impress:${this.shows}` };
  }

  async notes(slide: number): Promise<string> {
    return this.remote.show?.notes.get(slide - 1) ?? '';
  }

  async picture(slide: number): Promise<Buffer | undefined> {
    return this.remote.show?.previews.get(slide - 1);
  }

  send(command: ShowCommand): boolean {
    return this.remote.send(command.kind === 'goto' ? { kind: 'goto', slide: command.slide - 1 } : command);
  }

  stop(): void {
    this.remote.stop();
  }
}
