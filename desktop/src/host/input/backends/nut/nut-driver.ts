/**
 * Real OS input through nut-js (the maintained fork). Loaded lazily: its native module crashes the
 * process when there is no display, so callers load it only after the display probe says it is safe.
 *
 * It calls nut-js's provider layer rather than its `mouse` and `keyboard` objects: those await
 * sleep(autoDelayMs) before every action, and even a sleep of 0 is a timer of about a millisecond,
 * which alone would double the host's latency for a click. The native calls are the same.
 */
import { type HoldableKey, type KeyName, type MediaAction, type Modifier, Modifiers, type MouseButton } from '@deskremote/shared';
import { asciiTextProblem, controlTextProblem, splitTextRuns } from '../../ascii-text.js';
import { SCROLL_PIXELS_PER_STEP } from '../../command-meaning.js';
import type { InputDriver } from '../../input-driver.js';
import { nutKeyFor, nutMediaKeyFor, nutModifierFor } from './nut-key-map.js';
import { loadUnicodeTyper } from './unicode-typer.js';
import { loadWin32Wheel } from './win32/send-input.js';
import { SmoothWheel, WHEEL_DELTA } from './win32/wheel.js';

/** Windows' own wheel (SendInput), where it loads: smooth deltas and only the axes that move. */
function loadWheel(platform: NodeJS.Platform): ((x: number, y: number) => Promise<void>) | undefined {
  if (platform !== 'win32') return undefined;
  try {
    return loadWin32Wheel(platform);
  } catch {
    // No FFI here: libnut's whole notches stay.
    return undefined;
  }
}

/**
 * What libnut's scroll amount means, per wheel step: on Windows it goes straight into SendInput's mouseData,
 * where one notch is WHEEL_DELTA (120), so a step passed as 1 barely moved a page; on macOS libnut makes a
 * CGEvent in kCGScrollEventUnitPixel (its mouse.c), so a step passed as 1 scrolled one pixel; on X11 it
 * counts button clicks.
 */
export function wheelUnits(platform: NodeJS.Platform): number {
  if (platform === 'win32') return 120;
  if (platform === 'darwin') return SCROLL_PIXELS_PER_STEP;
  return 1;
}

/** The driver, and why text is limited to ASCII where the exact-text typer did not load. */
export interface NutDriver extends InputDriver {
  readonly exactTextProblem: string | undefined;
}

export async function loadNutDriver(platform: NodeJS.Platform = process.platform): Promise<NutDriver> {
  const { providerRegistry, Key, Button, Point } = await import('@nut-tree-fork/nut-js');
  const mouse = providerRegistry.getMouse();
  const keyboard = providerRegistry.getKeyboard();
  // The defaults (100 ms per mouse action, 300 ms per key) make a remote unusable.
  mouse.setMouseDelay(0);
  keyboard.setKeyboardDelay(0);

  const { typer: unicode, problem: exactTextProblem } = loadUnicodeTyper(platform);
  const wheel = loadWheel(platform);
  const smooth = new SmoothWheel(SCROLL_PIXELS_PER_STEP);
  const buttons: Record<MouseButton, (typeof Button)[keyof typeof Button]> = {
    left: Button.LEFT,
    right: Button.RIGHT,
    middle: Button.MIDDLE,
  };

  /** Scrolls by libnut's own units (see wheelUnits); positive y scrolls the content down, positive x right. */
  async function scrollBy(x: number, y: number): Promise<void> {
    if (y > 0) await mouse.scrollDown(y);
    else if (y < 0) await mouse.scrollUp(-y);
    if (x > 0) await mouse.scrollRight(x);
    else if (x < 0) await mouse.scrollLeft(-x);
  }

  async function tapKey(key: KeyName, mods: readonly Modifier[]): Promise<void> {
    const modKeys = mods.map((m) => nutModifierFor(Key, m, platform));
    const main = nutKeyFor(Key, key);
    const pressed: typeof modKeys = [];
    try {
      for (const m of modKeys) {
        await keyboard.pressKey(m);
        pressed.push(m);
      }
      await keyboard.pressKey(main);
      await keyboard.releaseKey(main);
    } finally {
      // Never leave a modifier held, even when a key in the middle failed.
      for (const m of pressed.reverse()) await keyboard.releaseKey(m);
    }
  }

  return {
    exactTextProblem,
    async moveBy(dx, dy) {
      const at = await mouse.currentMousePosition();
      await mouse.setMousePosition(new Point(Math.max(0, at.x + dx), Math.max(0, at.y + dy)));
    },
    ...(wheel
      ? {
          // Phone pixels straight to wheel units: a swipe shorter than a notch scrolls that much at once.
          async scrollPixels(dx: number, dy: number) {
            const units = smooth.units(dx, dy);
            await wheel(units.x, units.y);
          },
        }
      : {}),
    ...(platform === 'darwin'
      ? {
          // libnut scrolls macOS in pixels: the phone's pixels go straight through, smoothly.
          async scrollPixels(dx: number, dy: number) {
            await scrollBy(Math.round(dx), Math.round(dy));
          },
        }
      : {}),
    async scrollSteps(x, y) {
      if (wheel) return wheel(x * WHEEL_DELTA, y * WHEEL_DELTA);
      const units = wheelUnits(platform);
      await scrollBy(x * units, y * units);
    },
    async click(button, double) {
      if (double) await mouse.doubleClick(buttons[button]);
      else await mouse.click(buttons[button]);
    },
    async setButton(button, down) {
      if (down) await mouse.pressButton(buttons[button]);
      else await mouse.releaseButton(buttons[button]);
    },
    tapKey,
    async setKey(key: HoldableKey, down: boolean) {
      const nutKey = (Modifiers as readonly string[]).includes(key)
        ? nutModifierFor(Key, key as Modifier, platform)
        : nutKeyFor(Key, key as KeyName);
      if (down) await keyboard.pressKey(nutKey);
      else await keyboard.releaseKey(nutKey);
    },
    async tapMediaKey(action: MediaAction) {
      const key = nutMediaKeyFor(Key, action);
      await keyboard.pressKey(key);
      await keyboard.releaseKey(key);
    },
    // Exact Unicode through SendInput or CoreGraphics where they load; else libnut, which types printable
    // ASCII exactly and mangles the rest, so the rest is refused rather than typed wrong.
    textProblem: unicode ? controlTextProblem : asciiTextProblem,
    async typeText(text) {
      if (unicode) return unicode(text);
      for (const run of splitTextRuns(text)) {
        if ('key' in run) await tapKey(run.key, []);
        else await keyboard.type(run.chars);
      }
    },
  };
}
