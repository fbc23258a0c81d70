/**
 * PowerPoint on Windows, through its COM automation in a long-lived Windows PowerShell
 * (powerpoint-script.ts). Written against Microsoft's documented object model; not yet run against a real
 * PowerPoint here (the README says so). Its unit test runs it against a stand-in helper.
 */
import * as v from 'valibot';
import { LineHelper } from '../../helpers/line-helper.js';
import type { AppDriver, AppShow } from './polled-source.js';
import { POWERPOINT_SCRIPT } from './powerpoint-script.js';
import type { ShowCommand } from './show-source.js';

const Count = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(9999));
const State = v.union([
  v.object({ ok: v.literal(true), running: v.literal(false) }),
  v.object({ ok: v.literal(true), running: v.literal(true), title: v.string(), count: Count, current: Count }),
]);
const Notes = v.object({ ok: v.literal(true), text: v.string() });
const Picture = v.object({ ok: v.literal(true), png: v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/=]*$/)) });
const Done = v.object({ ok: v.boolean() });

export class PowerPointDriver implements AppDriver {
  readonly pictures = true;
  private helper: Promise<LineHelper> | undefined;

  /** `command` stands in for powershell.exe in tests. */
  constructor(private readonly command = 'powershell.exe') {}

  async state(): Promise<AppShow | undefined> {
    const answer = v.parse(State, await this.ask('state'));
    return answer.running ? { title: answer.title, count: answer.count, current: answer.current } : undefined;
  }

  async notes(slide: number): Promise<string> {
    return v.parse(Notes, await this.ask(`notes ${slide}`)).text;
  }

  async picture(slide: number): Promise<Buffer | undefined> {
    const png = v.parse(Picture, await this.ask(`picture ${slide}`)).png;
    return png ? Buffer.from(png, 'base64') : undefined;
  }

  can(): boolean {
    return true;
  }

  async send(command: ShowCommand): Promise<boolean> {
    const request = command.kind === 'goto' ? `goto ${Math.trunc(command.slide)}` : command.kind;
    return v.parse(Done, await this.ask(request)).ok;
  }

  close(): void {
    void this.helper?.then((helper) => helper.close()).catch(() => {});
  }

  /** The helper starts with the first question and again after it stopped (PowerPoint's COM can hang it). */
  private async ask(request: string): Promise<unknown> {
    let helper = await this.helper;
    if (!helper?.alive) {
      this.helper = LineHelper.powershell(POWERPOINT_SCRIPT, 'PowerPoint helper', this.command);
      helper = await this.helper;
    }
    return JSON.parse(await helper.ask(request));
  }
}
