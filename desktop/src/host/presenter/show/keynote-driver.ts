/**
 * Keynote on macOS, through AppleScript (osascript), each question a short script: the slide number of
 * the current slide, the slide count and the presenter notes of the front document while it is playing;
 * next, previous and go to slide. It never starts Keynote (every script asks whether it is running first).
 * Keynote exports whole decks, not one slide, so no pictures: the phone shows the number and the notes.
 * Written against Keynote's AppleScript dictionary; not yet run on a Mac here (the README says so).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { AppDriver, AppShow } from './polled-source.js';
import type { ShowCommand } from './show-source.js';

const run = promisify(execFile);

/** AppleScript that answers only while Keynote runs and plays a show: "title<TAB>count<TAB>current", or "". */
export const KEYNOTE_STATE = `if application "Keynote" is running then
  tell application "Keynote"
    if playing then
      set theDocument to front document
      return (name of theDocument) & tab & (count of slides of theDocument) & tab & (slide number of current slide of theDocument)
    end if
  end tell
end if
return ""`;

const keynote = (body: string) => `if application "Keynote" is running then
  tell application "Keynote"
    ${body}
  end tell
end if`;

/** The AppleScript for a command; undefined where Keynote has none (a black screen). */
export function keynoteCommand(command: ShowCommand): string | undefined {
  switch (command.kind) {
    case 'next':
      return keynote('show next');
    case 'previous':
      return keynote('show previous');
    case 'goto':
      return keynote(`show slide ${Math.trunc(command.slide)} of front document`);
    case 'stop':
      return keynote('stop front document');
    default:
      return undefined;
  }
}

export class KeynoteDriver implements AppDriver {
  readonly pictures = false;

  /** `command` stands in for osascript in tests. */
  constructor(private readonly command = 'osascript') {}

  async state(): Promise<AppShow | undefined> {
    const [title, count, current] = (await this.script(KEYNOTE_STATE)).split('\t');
    const n = Number(count);
    const at = Number(current);
    if (title === undefined || !Number.isInteger(n) || !Number.isInteger(at) || n < 1) return undefined;
    return { title, count: Math.min(n, 9999), current: at };
  }

  async notes(slide: number): Promise<string> {
    return this.script(keynote(`return presenter notes of slide ${Math.trunc(slide)} of front document`));
  }

  async picture(): Promise<Buffer | undefined> {
    return undefined;
  }

  can(command: ShowCommand): boolean {
    return keynoteCommand(command) !== undefined;
  }

  async send(command: ShowCommand): Promise<boolean> {
    const script = keynoteCommand(command);
    if (!script) return false;
    await this.script(script);
    return true;
  }

  close(): void {}

  private async script(source: string): Promise<string> {
    const { stdout } = await run(this.command, ['-e', source], { timeout: 5000, maxBuffer: 1024 * 1024 });
    return stdout.replace(/\n$/, '');
  }
}
