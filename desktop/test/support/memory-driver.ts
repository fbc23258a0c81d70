/** An in-memory input driver for unit and integration tests: records what would have been injected. */

import { x11TextProblem } from '../../src/host/input/backends/x11/x11-keysyms.js';
import type { InputDriver } from '../../src/host/input/input-driver.js';

export type DriverCall =
  | ['moveBy', number, number]
  | ['scrollSteps', number, number]
  | ['click', string, boolean]
  | ['setButton', string, boolean]
  | ['tapKey', string, string[]]
  | ['setKey', string, boolean]
  | ['tapMediaKey', string]
  | ['typeText', string];

export class MemoryDriver implements InputDriver {
  readonly calls: DriverCall[] = [];
  /** Each call waits this long first, to make a backlog. */
  delayMs = 0;
  failNext: string | undefined;

  private async record(call: DriverCall): Promise<void> {
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.failNext) {
      const message = this.failNext;
      this.failNext = undefined;
      throw new Error(message);
    }
    this.calls.push(call);
  }

  moveBy = (dx: number, dy: number) => this.record(['moveBy', dx, dy]);
  scrollSteps = (x: number, y: number) => this.record(['scrollSteps', x, y]);
  click = (button: string, double: boolean) => this.record(['click', button, double]);
  setButton = (button: string, down: boolean) => this.record(['setButton', button, down]);
  tapKey = (key: string, mods: readonly string[]) => this.record(['tapKey', key, [...mods]]);
  setKey = (key: string, down: boolean) => this.record(['setKey', key, down]);
  tapMediaKey = (action: string) => this.record(['tapMediaKey', action]);
  typeText = (text: string) => this.record(['typeText', text]);
  textProblem = x11TextProblem;
}
