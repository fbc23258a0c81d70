/**
 * Text through the clipboard, for characters a Wayland compositor cannot type as keysyms (mutter drops a
 * keysym that is not on the active layout: "No keycode found for keyval"). The text is put on the
 * clipboard, pasted with Ctrl+V, and once the application has fetched it what the clipboard held before
 * is put back: its text, or with xclip an image (or the clipboard is emptied, if it held neither).
 *
 * Two tools reach the clipboard from outside the compositor:
 * - xclip, on XWayland's clipboard, which GNOME's and KDE's compositors bridge both ways to the Wayland
 *   one. An X client needs no keyboard focus for that, so it is used wherever there is an X display
 *   (DISPLAY set: GNOME and Plasma sessions start XWayland, on demand). Kept in the foreground (-quiet),
 *   xclip says each time it has handed the text over, which tells when the compositor has taken the new
 *   owner in and when the application has fetched the paste (see XclipOwner).
 * - wl-clipboard otherwise. On GNOME it gets at the clipboard through a surface of its own that takes the
 *   keyboard focus for a moment (mutter offers no data-control protocol): the focused window sees a
 *   focus-out and focus-in at each call, and under mutter 43, after about six pastes in a row, the focus
 *   stayed on wl-clipboard's vanished surface and the keys after it were lost. It says nothing of who
 *   fetched what, so fixed pauses stand in.
 * Portals of version 1.18 and later have a Clipboard interface beside RemoteDesktop, which would need
 * neither; Debian bookworm's portal is 1.16.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** The longest an application gets to fetch a paste before typing goes on (when no tool says it fetched). */
export const PASTE_READ_MS = 600;
/** With xclip, which says when the text was fetched, the longest wait for a busy application. */
const XCLIP_FETCH_MAX_MS = 2000;
/**
 * With xclip, the longest wait for the compositor to take in the new owner. Mutter's clipboard manager
 * fetches the text as soon as it has (after announcing it to the focused window): that fetch is the sign.
 * Once in the tests it took over 300 ms; a compositor with no clipboard manager never fetches, and the
 * wait ends here.
 */
const XCLIP_TAKEN_MAX_MS = 1000;
/**
 * After xclip has handed a paste over, the time for the compositor to pass it on to the application:
 * without it, a key typed right after the paste came before the pasted text in 1 of 48 pastes.
 */
const XCLIP_RELAY_MS = 100;

export interface Clipboard {
  /**
   * Lends the clipboard to work(), whose paste(text) puts text on it, presses pasteKeys() and waits for
   * the application to fetch it. Afterwards, even if work failed, what the clipboard held before (as far
   * as the tool can keep it) is put back, or it is emptied.
   */
  borrow(pasteKeys: () => Promise<void>, work: (paste: (text: string) => Promise<void>) => Promise<void>): Promise<void>;
}

/** Text on the clipboard, from one write. */
export interface HeldText {
  /** Call just before the paste keys: resolves once an application has fetched the text, or after the tool's longest wait. */
  nextFetch(): Promise<void>;
}

/** What the clipboard held, to be put back: its text, or the bytes of one other format (an image). */
export type SavedClipboard = { text: string } | { format: string; data: Buffer };

/** One program's way to the clipboard. */
export interface ClipboardTool {
  readonly name: string;
  /** What the clipboard holds, as far as the tool can put it back; undefined when it holds nothing of that. */
  read(): Promise<SavedClipboard | undefined>;
  /** Puts back what read() saved. */
  restore(saved: SavedClipboard): Promise<void>;
  /** Resolves once the clipboard holds the text and it can be pasted. */
  write(text: string): Promise<HeldText>;
  /** Leaves the clipboard with no text on it. */
  clear(): Promise<void>;
}

/** The largest content of the clipboard that is saved to be put back (a large screenshot fits). */
const MAX_SAVED_BYTES = 64 * 1024 * 1024;
/** X selection targets that mean text. */
const X_TEXT_TARGETS = ['UTF8_STRING', 'text/plain;charset=utf-8', 'STRING', 'TEXT', 'text/plain'];

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function outputBytes(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    execFile(command, args, { env, timeout: 3000, encoding: 'buffer', maxBuffer: MAX_SAVED_BYTES }, (error, stdout) =>
      resolve(error ? undefined : stdout),
    );
  });
}

const output = (command: string, args: string[], env: NodeJS.ProcessEnv) =>
  outputBytes(command, args, env).then((bytes) => bytes?.toString('utf8'));

/** Runs a command with text on its stdin; resolves when it exits with 0 (wl-copy forks once it holds the text). */
function feed(command: string, args: string[], text: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['pipe', 'ignore', 'pipe'] });
    let said = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      said = (said + chunk.toString()).slice(-300);
    });
    const timer = setTimeout(() => child.kill(), 5000);
    child.on('error', (error) => reject(error));
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${command}: ${said.trim() || `exit code ${code}`}`));
    });
    child.stdin?.on('error', () => {});
    child.stdin?.end(text);
  });
}

/**
 * One xclip holding the X CLIPBOARD selection, in the foreground. It prints "Waiting for selection
 * request number N" once it owns the selection (N = 1) and again after handing the text over each time;
 * requests for the list of formats (TARGETS) are not counted. It exits by itself when another program
 * takes the selection.
 */
class XclipOwner {
  private served = -1;
  private readonly waiters = new Set<() => void>();

  private constructor(private readonly child: ChildProcess) {
    const lines = createInterface({ input: child.stderr as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      const found = /selection request number (\d+)/.exec(line);
      if (!found) return;
      this.served = Number(found[1]) - 1;
      for (const wake of this.waiters) wake();
    });
    child.on('exit', () => {
      for (const wake of this.waiters) wake();
    });
  }

  /** Holds content on the clipboard: text, or the bytes of one format (target) such as image/png. */
  static async start(content: string | Buffer, env: NodeJS.ProcessEnv, format?: string): Promise<XclipOwner> {
    const args = ['-quiet', '-selection', 'clipboard', ...(format ? ['-target', format] : []), '-in'];
    const child = spawn('xclip', args, { env, stdio: ['pipe', 'ignore', 'pipe'] });
    const owner = new XclipOwner(child);
    const failed = new Promise<never>((_, reject) => {
      child.on('error', reject);
      child.on('exit', (code) => reject(new Error(`xclip exited with ${code} before holding the clipboard`)));
    });
    failed.catch(() => {});
    child.stdin?.on('error', () => {});
    child.stdin?.end(content);
    const owned = owner.servedMoreThan(-1, 5000);
    if (!(await Promise.race([owned, failed]))) {
      child.kill();
      throw new Error('xclip did not take the clipboard');
    }
    return owner;
  }

  /** Resolves true once more than `count` fetches were served, false after ms (or if xclip is gone). */
  servedMoreThan(count: number, ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const check = () => {
        const done = this.served > count || this.child.exitCode !== null || this.child.signalCode !== null;
        if (!done) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(this.served > count);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        resolve(false);
      }, ms);
      this.waiters.add(check);
      check();
    });
  }

  get fetches(): number {
    return Math.max(this.served, 0);
  }
}

/** XWayland's CLIPBOARD selection through xclip: no Wayland surface, no focus taken. */
export function xclipTool(env: NodeJS.ProcessEnv): ClipboardTool {
  // Each xclip exits by itself once the next one takes the selection. Killing the previous one at that
  // moment made mutter miss owner changes (the paste after it got older text in 1 of 4 runs).
  const hold = async (content: string | Buffer, format?: string): Promise<XclipOwner> => {
    const owner = await XclipOwner.start(content, env, format);
    await owner.servedMoreThan(0, XCLIP_TAKEN_MAX_MS);
    return owner;
  };
  const get = (target: string) => outputBytes('xclip', ['-out', '-selection', 'clipboard', '-target', target], env);
  return {
    name: 'xclip',
    async read() {
      const targets = (await output('xclip', ['-out', '-selection', 'clipboard', '-target', 'TARGETS'], env))?.split('\n') ?? [];
      const text = X_TEXT_TARGETS.find((target) => targets.includes(target));
      if (text) {
        const data = await get(text);
        return data?.length ? { text: data.toString('utf8') } : undefined;
      }
      // Not text: an image, most likely. The one format most programs take is kept.
      const format = targets.find((target) => target === 'image/png') ?? targets.find((target) => target.startsWith('image/'));
      const data = format ? await get(format) : undefined;
      return format && data?.length ? { format, data } : undefined;
    },
    async restore(saved) {
      if ('text' in saved) await hold(saved.text);
      else await hold(saved.data, saved.format);
    },
    async write(text) {
      const owner = await hold(text);
      return {
        async nextFetch() {
          await owner.servedMoreThan(owner.fetches, XCLIP_FETCH_MAX_MS);
          // xclip has handed the text over; the compositor still passes it on to the application.
          await sleep(XCLIP_RELAY_MS);
        },
      };
    },
    async clear() {
      // An X client cannot leave the selection without an owner, and when the owner goes, mutter's
      // clipboard manager keeps its last text: so the clipboard is left holding empty text.
      await hold('');
    },
  };
}

/** The Wayland clipboard through wl-clipboard; each call takes the focus for a moment on GNOME (see above). */
export function wlClipboardTool(env: NodeJS.ProcessEnv): ClipboardTool {
  const TEXT = 'text/plain;charset=utf-8';
  // One call right after another left mutter's focus on the second, gone, surface: let each settle.
  const SETTLE_MS = 150;
  return {
    name: 'wl-clipboard',
    // Text only: listing the formats first would be one more call taking the focus.
    async read() {
      const text = await output('wl-paste', ['--no-newline', '--type', 'text'], env);
      await sleep(SETTLE_MS);
      return text ? { text } : undefined;
    },
    async restore(saved) {
      if ('text' in saved) await this.write(saved.text);
    },
    async write(text) {
      // wl-copy forks into the background once it holds the selection: its exit means the selection is ours.
      await feed('wl-copy', ['--type', TEXT], text, env);
      await sleep(SETTLE_MS);
      return { nextFetch: () => sleep(PASTE_READ_MS) };
    },
    async clear() {
      await feed('wl-copy', ['--clear'], '', env);
    },
  };
}

/** A clipboard over a tool: what it held saved once, put back after all the pastes of one text. */
export function clipboardOver(tool: ClipboardTool): Clipboard {
  return {
    async borrow(pasteKeys, work) {
      const previous = await tool.read();
      let used = false;
      try {
        await work(async (text) => {
          used = true;
          const held = await tool.write(text);
          // The application asks for the text when it handles Ctrl+V and gets it later: keys typed
          // meanwhile would land before the pasted text, and a new text would replace it. Wait for it.
          const fetched = held.nextFetch();
          await pasteKeys();
          await fetched;
        });
      } finally {
        if (used) await (previous === undefined ? tool.clear() : tool.restore(previous)).catch(() => {});
      }
    },
  };
}

const answers = (command: string, args: string[], env: NodeJS.ProcessEnv) =>
  output(command, args, env).then((text) => text !== undefined);

/**
 * The clipboard tool this session can use: xclip where an X display answers (XWayland), else
 * wl-clipboard, else none (then only text the layout has can be typed). Asking xclip for the clipboard's
 * formats also starts an on-demand XWayland.
 */
export async function findClipboardTool(env: NodeJS.ProcessEnv): Promise<ClipboardTool | undefined> {
  if (env.DISPLAY && (await answers('xclip', ['-version'], env))) {
    // xclip -version answers without a display: ask the display itself (an empty clipboard is an answer too).
    const reached = await new Promise<boolean>((resolve) =>
      execFile('xclip', ['-out', '-selection', 'clipboard', '-target', 'TARGETS'], { env, timeout: 3000 }, (error, _out, err) =>
        resolve(!error || (!error.killed && !/Can't open display/i.test(String(err)))),
      ),
    );
    if (reached) return xclipTool(env);
  }
  if (await answers('wl-copy', ['--version'], env)) return wlClipboardTool(env);
  return undefined;
}
