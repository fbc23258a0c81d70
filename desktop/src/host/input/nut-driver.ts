/**
 * Real OS input through nut-js (the maintained fork). Loaded lazily: its native module crashes the
 * process when there is no display, so callers load it only after the display probe says it is safe.
 */
import type { KeyName, MediaAction, Modifier, MouseButton } from '@deskremote/shared';
import { asciiTextProblem, splitTextRuns } from './ascii-text.js';
import type { InputDriver } from './input-driver.js';
import { nutKeyFor, nutMediaKeyFor, nutModifierFor } from './nut-key-map.js';
import { X11Keyboard } from './x11-keyboard.js';
import { x11TextProblem } from './x11-keysyms.js';

export async function loadNutDriver(platform: NodeJS.Platform = process.platform, env = process.env): Promise<InputDriver> {
  const { mouse, keyboard, Key, Button, Point } = await import('@nut-tree-fork/nut-js');
  // On X11, text goes through our own XTEST typer: exact for every layout and all of Unicode.
  const x11Keyboard = platform === 'linux' ? await X11Keyboard.connect(env.DISPLAY) : undefined;
  // The defaults (100 ms per mouse action, 300 ms per key, animated moves) make a remote unusable.
  mouse.config.autoDelayMs = 0;
  keyboard.config.autoDelayMs = 0;

  const buttons: Record<MouseButton, (typeof Button)[keyof typeof Button]> = {
    left: Button.LEFT,
    right: Button.RIGHT,
    middle: Button.MIDDLE,
  };

  async function tapKey(key: KeyName, mods: readonly Modifier[]): Promise<void> {
    const modKeys = mods.map((m) => nutModifierFor(Key, m, platform));
    const main = nutKeyFor(Key, key);
    if (modKeys.length === 0) {
      await keyboard.pressKey(main);
      await keyboard.releaseKey(main);
      return;
    }
    const pressed: typeof modKeys = [];
    try {
      for (const m of modKeys) {
        await keyboard.pressKey(m);
        pressed.push(m);
      }
      await keyboard.pressKey(main);
      await keyboard.releaseKey(main);
    } finally {
      for (const m of pressed.reverse()) await keyboard.releaseKey(m);
    }
  }

  return {
    async moveBy(dx, dy) {
      const at = await mouse.getPosition();
      await mouse.setPosition(new Point(Math.max(0, at.x + dx), Math.max(0, at.y + dy)));
    },
    async scrollSteps(x, y) {
      if (y > 0) await mouse.scrollDown(y);
      else if (y < 0) await mouse.scrollUp(-y);
      if (x > 0) await mouse.scrollRight(x);
      else if (x < 0) await mouse.scrollLeft(-x);
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
    async tapMediaKey(action: MediaAction) {
      const key = nutMediaKeyFor(Key, action);
      await keyboard.pressKey(key);
      await keyboard.releaseKey(key);
    },
    textProblem: x11Keyboard ? x11TextProblem : asciiTextProblem,
    async typeText(text) {
      if (x11Keyboard) return x11Keyboard.type(text);
      for (const run of splitTextRuns(text)) {
        if ('key' in run) await tapKey(run.key, []);
        else await keyboard.type(run.chars);
      }
    },
  };
}
