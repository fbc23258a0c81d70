/**
 * Text through the clipboard, for characters a Wayland compositor cannot type as keysyms (mutter drops a
 * keysym that is not on the active layout: "No keycode found for keyval"). The text is put on the
 * clipboard with wl-copy (wl-clipboard), pasted with Ctrl+V, and what the clipboard held before is put
 * back once the application has had time to read it.
 *
 * On GNOME, wl-clipboard gets at the clipboard through a surface of its own that takes the keyboard
 * focus for a moment (mutter offers no data-control protocol): the focused window sees a focus-out and
 * focus-in at each read and each copy. Portals of version 1.18 and later have a Clipboard interface
 * beside RemoteDesktop, which would avoid that; Debian bookworm's portal is 1.16.
 */
import { execFile, spawn } from 'node:child_process';

const TEXT = 'text/plain;charset=utf-8';
/** How long an application gets to read the pasted text before the old clipboard comes back. */
export const PASTE_READ_MS = 600;
/** A pause between clipboard calls, for the focus to come back to the window typed into. */
const SETTLE_MS = 150;

export interface Clipboard {
  /** Puts text on the clipboard, runs paste(), then restores the previous text (or clears it). */
  pasteText(text: string, paste: () => Promise<void>): Promise<void>;
}

function read(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('wl-paste', ['--no-newline', '--type', 'text'], { env, timeout: 2000, encoding: 'utf8' }, (error, stdout) =>
      resolve(error ? undefined : stdout),
    );
  });
}

/**
 * Puts text on the clipboard. wl-copy forks into the background once it holds the selection, so its
 * exit means the selection is ours; the forked copy serves pastes until the selection is replaced.
 */
function copy(args: string[], text: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('wl-copy', args, { env, stdio: ['pipe', 'ignore', 'pipe'] });
    let said = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      said = (said + chunk.toString()).slice(-300);
    });
    const timer = setTimeout(() => child.kill(), 5000);
    child.on('error', (error) => reject(error));
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`wl-copy: ${said.trim() || `exit code ${code}`}`));
    });
    child.stdin?.end(text);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** wl-clipboard on PATH, or undefined (then only text the layout has can be typed). */
export function findWlClipboard(env: NodeJS.ProcessEnv): Promise<Clipboard | undefined> {
  return new Promise((resolve) => {
    execFile('wl-copy', ['--version'], { env, timeout: 2000 }, (error) => resolve(error ? undefined : wlClipboard(env)));
  });
}

export function wlClipboard(env: NodeJS.ProcessEnv): Clipboard {
  return {
    async pasteText(text, paste) {
      const previous = await read(env);
      // Each wl-clipboard call focuses a surface of its own for a moment; one right after another's
      // left mutter's focus on the second, gone, surface (seen in 1 of 5 pastes): let each settle.
      await sleep(SETTLE_MS);
      await copy(['--type', TEXT], text, env);
      await sleep(SETTLE_MS);
      await paste();
      await sleep(PASTE_READ_MS);
      await (previous ? copy(['--type', TEXT], previous, env) : copy(['--clear'], '', env)).catch(() => {});
    },
  };
}
