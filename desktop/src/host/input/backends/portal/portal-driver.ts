/**
 * The InputDriver over a started RemoteDesktop portal session. Pointer motion, buttons and scrolling
 * go as the portal's pointer notifications; keys with a fixed place (Enter, arrows, F-keys, modifiers,
 * media keys) as evdev keycodes; characters and the letters of shortcuts as keysyms, which the
 * compositor finds on the active layout (with the level's Shift itself). Text the layout lacks goes
 * through the clipboard (clipboard-text.ts). Scrolling is smooth, in pixels, and a pause in it ends with
 * the axis "finish" flag so applications may carry on kinetically.
 *
 * Every notification waits for the portal's reply before the next goes: xdg-desktop-portal handles
 * method calls on a pool of threads, so calls sent without waiting reach the compositor out of order
 * (a key's release before its press was seen here). The dispatcher sums the motion that arrives meanwhile.
 */
import type { HoldableKey, KeyName, MediaAction, Modifier, MouseButton } from '@deskremote/shared';
import dbus from 'dbus-next';
import { controlTextProblem, splitTextRuns } from '../../ascii-text.js';
import type { InputDriver, TextProblem } from '../../input-driver.js';
import { keysymForKey } from '../x11/key-names.js';
import { keysymForChar } from '../x11/x11-keysyms.js';
import type { Clipboard } from './clipboard-text.js';
import { BUTTON_CODES, evdevCodeFor, MEDIA_CODES } from './evdev-codes.js';
import type { PortalBus } from './portal-bus.js';

const PRESSED = 1;
const RELEASED = 0;
const VERTICAL = 0;
const HORIZONTAL = 1;
/** Portal pixels per phone pixel of two-finger scroll (a wheel step is about 10 portal pixels in GTK). */
export const SCROLL_SCALE = 0.5;
/** Scrolling that pauses this long has ended: the axis gets its finish flag. */
export const SCROLL_FINISH_MS = 120;

const NO_OPTIONS = {};

/** Outside printable ASCII (which every Latin layout has, typed as keysyms): goes through the clipboard. */
const OUTSIDE_ASCII = /[^\x20-\x7e]/u;

export interface PortalDriverOptions {
  bus: Pick<PortalBus, 'call'>;
  /** The started session's handle; undefined while there is none (the command is refused). */
  session: () => string | undefined;
  /** The clipboard, where a tool reaches it: without one, text outside ASCII is refused rather than dropped. */
  clipboard: Clipboard | undefined;
}

export class PortalDriver implements InputDriver {
  private finishTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: PortalDriverOptions) {}

  async moveBy(dx: number, dy: number): Promise<void> {
    await this.notify('NotifyPointerMotion', 'oa{sv}dd', [NO_OPTIONS, dx, dy]);
  }

  async scrollSteps(x: number, y: number): Promise<void> {
    if (y !== 0) await this.notify('NotifyPointerAxisDiscrete', 'oa{sv}ui', [NO_OPTIONS, VERTICAL, y]);
    if (x !== 0) await this.notify('NotifyPointerAxisDiscrete', 'oa{sv}ui', [NO_OPTIONS, HORIZONTAL, x]);
  }

  /** Two-finger scrolling as smooth axis motion, like a laptop's touchpad; a pause sends "finish". */
  async scrollPixels(dx: number, dy: number): Promise<void> {
    await this.notify('NotifyPointerAxis', 'oa{sv}dd', [NO_OPTIONS, dx * SCROLL_SCALE, dy * SCROLL_SCALE]);
    clearTimeout(this.finishTimer);
    this.finishTimer = setTimeout(() => {
      if (this.options.session())
        void this.notify('NotifyPointerAxis', 'oa{sv}dd', [{ finish: new dbus.Variant('b', true) }, 0, 0]).catch(() => {});
    }, SCROLL_FINISH_MS);
  }

  async click(button: MouseButton, double: boolean): Promise<void> {
    for (let i = 0; i < (double ? 2 : 1); i++) {
      await this.setButton(button, true);
      await this.setButton(button, false);
    }
  }

  async setButton(button: MouseButton, down: boolean): Promise<void> {
    await this.notify('NotifyPointerButton', 'oa{sv}iu', [NO_OPTIONS, BUTTON_CODES[button], down ? PRESSED : RELEASED]);
  }

  async tapKey(key: KeyName, mods: readonly Modifier[]): Promise<void> {
    for (const mod of mods) await this.setKey(mod, true);
    await this.setKey(key, true);
    await this.setKey(key, false);
    for (const mod of [...mods].reverse()) await this.setKey(mod, false);
  }

  async setKey(key: HoldableKey, down: boolean): Promise<void> {
    const code = evdevCodeFor(key);
    const state = down ? PRESSED : RELEASED;
    if (code !== undefined) await this.notify('NotifyKeyboardKeycode', 'oa{sv}iu', [NO_OPTIONS, code, state]);
    else await this.notify('NotifyKeyboardKeysym', 'oa{sv}iu', [NO_OPTIONS, keysymForKey(key), state]);
  }

  async tapMediaKey(action: MediaAction): Promise<void> {
    const code = MEDIA_CODES[action];
    await this.notify('NotifyKeyboardKeycode', 'oa{sv}iu', [NO_OPTIONS, code, PRESSED]);
    await this.notify('NotifyKeyboardKeycode', 'oa{sv}iu', [NO_OPTIONS, code, RELEASED]);
  }

  textProblem(text: string): TextProblem | undefined {
    const control = controlTextProblem(text);
    if (control || this.options.clipboard) return control;
    for (const ch of text) if (OUTSIDE_ASCII.test(ch) && ch !== '\n' && ch !== '\t') return { char: ch, reason: 'ascii-only' };
    return undefined;
  }

  async typeText(text: string): Promise<void> {
    const runs = splitTextRuns(text.replace(/\r\n?/g, '\n'));
    const clipboard = this.options.clipboard;
    const needsPaste = runs.some((run) => 'chars' in run && OUTSIDE_ASCII.test(run.chars));
    if (!needsPaste || !clipboard) return this.typeRuns(runs, undefined);
    await clipboard.borrow(
      () => this.tapKey('v', ['ctrl']),
      (paste) => this.typeRuns(runs, paste),
    );
  }

  private async typeRuns(runs: ReturnType<typeof splitTextRuns>, paste: ((text: string) => Promise<void>) | undefined) {
    for (const run of runs) {
      if ('key' in run) {
        await this.tapKey(run.key, []);
        continue;
      }
      // ASCII before the first and after the last other character is typed; what lies between is one paste
      // (each paste waits for the application to read it, so fewer is faster).
      const parts = /^([\x20-\x7e]*)(.*[^\x20-\x7e])?([\x20-\x7e]*)$/su.exec(run.chars);
      const [, before = '', between = '', after = ''] = parts ?? [];
      await this.typeKeysyms(before);
      if (between) {
        if (!paste) throw new Error('a clipboard tool (xclip or wl-clipboard) is needed to type characters outside ASCII');
        await paste(between);
      }
      await this.typeKeysyms(after);
    }
  }

  private async typeKeysyms(chars: string): Promise<void> {
    for (const ch of chars) {
      const keysym = keysymForChar(ch) ?? 0;
      await this.notify('NotifyKeyboardKeysym', 'oa{sv}iu', [NO_OPTIONS, keysym, PRESSED]);
      await this.notify('NotifyKeyboardKeysym', 'oa{sv}iu', [NO_OPTIONS, keysym, RELEASED]);
    }
  }

  private notify(member: string, signature: string, body: unknown[]): Promise<void> {
    return this.options.bus.call(member, signature, [this.requireSession(), ...body]);
  }

  private requireSession(): string {
    const session = this.options.session();
    if (!session) throw new Error('the portal session is not started');
    return session;
  }
}

/**
 * Makes the compositor create the session's virtual keyboard before the first real key: mutter adds
 * it on the first key event and that event is lost (the first key after Start was lost in 4 of 4
 * runs), and until then the seat has no keyboard (wl-copy says so). A lone Shift tap is harmless.
 */
export async function wakeKeyboard(bus: Pick<PortalBus, 'call'>, session: string): Promise<void> {
  const shift = 42;
  await bus.call('NotifyKeyboardKeycode', 'oa{sv}iu', [session, NO_OPTIONS, shift, PRESSED]);
  await bus.call('NotifyKeyboardKeycode', 'oa{sv}iu', [session, NO_OPTIONS, shift, RELEASED]);
  // The pointer too: a step there and back.
  await bus.call('NotifyPointerMotion', 'oa{sv}dd', [session, NO_OPTIONS, 1, 0]);
  await bus.call('NotifyPointerMotion', 'oa{sv}dd', [session, NO_OPTIONS, -1, 0]);
  await new Promise((r) => setTimeout(r, 200));
}
