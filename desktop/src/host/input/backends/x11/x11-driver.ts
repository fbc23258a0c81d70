/**
 * The driver on X11: pointer, keys and text through our own XTEST connection (x11-input.ts says why);
 * only media keys through nut-js. libnut talks to X on a connection of its own, so whatever was sent
 * on ours is settled before nut-js injects anything.
 */
import type { MouseButton } from '@deskremote/shared';
import type { InputDriver } from '../../input-driver.js';
import type { X11Input } from './x11-input.js';
import { x11TextProblem } from './x11-keysyms.js';

const X11_BUTTONS: Record<MouseButton, number> = { left: 1, middle: 2, right: 3 };

export function x11Driver(x11: X11Input, nut: Pick<InputDriver, 'tapMediaKey'>): InputDriver {
  return {
    moveBy: async (dx, dy) => x11.pointer((p) => p.moveBy(dx, dy)),
    scrollSteps: async (x, y) => x11.pointer((p) => p.scroll(x, y)),
    click: async (button, double) => x11.pointer((p) => p.click(X11_BUTTONS[button], double ? 2 : 1)),
    setButton: async (button, down) => x11.pointer((p) => p.button(X11_BUTTONS[button], down)),
    async tapKey(key, mods) {
      await x11.settle();
      await x11.keyboard.tap(key, mods);
    },
    async setKey(key, down) {
      await x11.settle();
      await x11.keyboard.set(key, down);
    },
    async tapMediaKey(action) {
      await x11.settle();
      await nut.tapMediaKey(action);
    },
    textProblem: x11TextProblem,
    async typeText(text, progress) {
      await x11.settle();
      await x11.keyboard.type(text, progress);
    },
  };
}
