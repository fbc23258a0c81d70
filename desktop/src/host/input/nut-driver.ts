/**
 * Real OS input through nut-js (the maintained fork). Loaded lazily: its native module crashes the
 * process when there is no display, so callers load it only after the display probe says it is safe.
 * On X11 the pointer and text go through our own XTEST connection instead (x11-input.ts says why);
 * keys and media keys stay with nut-js there, and nut-js does everything on macOS and Windows.
 *
 * It calls nut-js's provider layer rather than its `mouse` and `keyboard` objects: those await
 * sleep(autoDelayMs) before every action, and even a sleep of 0 is a timer of about a millisecond,
 * which alone would double the host's latency for a click. The native calls are the same.
 */
import type { KeyName, MediaAction, Modifier, MouseButton } from '@deskremote/shared';
import { asciiTextProblem, splitTextRuns } from './ascii-text.js';
import type { InputDriver } from './input-driver.js';
import { nutKeyFor, nutMediaKeyFor, nutModifierFor } from './nut-key-map.js';
import { X11Input } from './x11-input.js';
import { x11TextProblem } from './x11-keysyms.js';

export async function loadNutDriver(platform: NodeJS.Platform = process.platform, env = process.env): Promise<InputDriver> {
  const { providerRegistry, Key, Button, Point } = await import('@nut-tree-fork/nut-js');
  const mouse = providerRegistry.getMouse();
  const keyboard = providerRegistry.getKeyboard();
  // The defaults (100 ms per mouse action, 300 ms per key) make a remote unusable.
  mouse.setMouseDelay(0);
  keyboard.setKeyboardDelay(0);
  const x11 = platform === 'linux' ? await X11Input.connect(env.DISPLAY) : undefined;
  const x11Buttons: Record<MouseButton, number> = { left: 1, middle: 2, right: 3 };
  /** libnut talks to X on a connection of its own: motion sent on ours must land first. */
  const settle = () => x11?.settle() ?? Promise.resolve();

  const buttons: Record<MouseButton, (typeof Button)[keyof typeof Button]> = {
    left: Button.LEFT,
    right: Button.RIGHT,
    middle: Button.MIDDLE,
  };

  async function tapKey(key: KeyName, mods: readonly Modifier[]): Promise<void> {
    await settle();
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
    async moveBy(dx, dy) {
      if (x11) return x11.moveBy(dx, dy);
      const at = await mouse.currentMousePosition();
      await mouse.setMousePosition(new Point(Math.max(0, at.x + dx), Math.max(0, at.y + dy)));
    },
    async scrollSteps(x, y) {
      if (x11) return x11.scroll(x, y);
      if (y > 0) await mouse.scrollDown(y);
      else if (y < 0) await mouse.scrollUp(-y);
      if (x > 0) await mouse.scrollRight(x);
      else if (x < 0) await mouse.scrollLeft(-x);
    },
    async click(button, double) {
      if (x11) return x11.click(x11Buttons[button], double ? 2 : 1);
      if (double) await mouse.doubleClick(buttons[button]);
      else await mouse.click(buttons[button]);
    },
    async setButton(button, down) {
      if (x11) return x11.button(x11Buttons[button], down);
      if (down) await mouse.pressButton(buttons[button]);
      else await mouse.releaseButton(buttons[button]);
    },
    tapKey,
    async tapMediaKey(action: MediaAction) {
      await settle();
      const key = nutMediaKeyFor(Key, action);
      await keyboard.pressKey(key);
      await keyboard.releaseKey(key);
    },
    textProblem: x11 ? x11TextProblem : asciiTextProblem,
    async typeText(text) {
      if (x11) return x11.type(text);
      for (const run of splitTextRuns(text)) {
        if ('key' in run) await tapKey(run.key, []);
        else await keyboard.type(run.chars);
      }
    },
  };
}
