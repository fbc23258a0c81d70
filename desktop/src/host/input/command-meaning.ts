/**
 * What each command means for the driver: slide actions as the keys of the active profile, scroll
 * pixels as whole wheel steps with the remainder carried, held keys and buttons recorded as they go
 * down and let go of when their session ends. The dispatcher decides when; this decides what.
 */
import type { DiscreteCommand, HoldableKey, SlideAction, SlideProfileId } from '@deskremote/shared';
import { keysFor, type SlideProfile } from '../presenter/slide-profiles.js';
import { Rejected } from '../session/rejected.js';
import { type HeldInputs, letGo } from './held-inputs.js';
import type { InputDriver, TextProgress } from './input-driver.js';

/** Phone pixels per wheel step: a two-finger swipe of a thumb's length scrolls a few steps. */

/** Continuous input, sent as 5-byte frames and coalesced in the queue. */
export type SlideByApp = (action: SlideAction, slide: number | undefined, profile: SlideProfileId) => boolean;
export type DeltaKind = 'move' | 'scroll' | 'zoom';

export const SCROLL_PIXELS_PER_STEP = 24;
/** Phone pixels of finger spread per zoom step: a pinch across the pad zooms a few steps. */
export const ZOOM_PIXELS_PER_STEP = 40;

export class CommandMeaning {
  private scrollCarry = { x: 0, y: 0 };
  private zoomCarry = 0;

  constructor(
    private readonly held: HeldInputs,
    /** The profile a slide command is for: the phone's choice, else the focused app's. */
    private readonly slideProfile: (requested: SlideProfileId | undefined) => SlideProfile,
    /** The slide app's own remote control, where its show runs and tells (presenter/show/): true when it took the command. */
    private readonly slideByApp: SlideByApp = () => false,
  ) {}

  async runDelta(driver: InputDriver, t: DeltaKind, dx: number, dy: number): Promise<void> {
    if (t === 'move') {
      if (dx !== 0 || dy !== 0) await driver.moveBy(dx, dy);
      return;
    }
    if (t === 'zoom') return this.zoom(driver, dy);
    if (driver.scrollPixels) return driver.scrollPixels(dx, dy);
    // Wheel steps are whole; the remainder waits for the next scroll so slow swipes still scroll.
    const x = this.scrollCarry.x + dx / SCROLL_PIXELS_PER_STEP;
    const y = this.scrollCarry.y + dy / SCROLL_PIXELS_PER_STEP;
    const stepsX = Math.trunc(x);
    const stepsY = Math.trunc(y);
    this.scrollCarry = { x: x - stepsX, y: y - stepsY };
    if (stepsX !== 0 || stepsY !== 0) await driver.scrollSteps(stepsX, stepsY);
  }

  /** A pinch is Ctrl + wheel, which browsers, viewers and editors all read as zoom; fingers apart zoom in. */
  private async zoom(driver: InputDriver, spread: number): Promise<void> {
    const steps = this.zoomCarry + spread / ZOOM_PIXELS_PER_STEP;
    const whole = Math.trunc(steps);
    this.zoomCarry = steps - whole;
    if (whole === 0) return;
    await driver.setKey('ctrl', true);
    try {
      // Wheel up (negative steps down) zooms in.
      await driver.scrollSteps(0, -whole);
    } finally {
      await driver.setKey('ctrl', false);
    }
  }

  async runDiscrete(driver: InputDriver, sessionId: string, command: DiscreteCommand, progress?: TextProgress): Promise<void> {
    switch (command.t) {
      case 'click':
        return driver.click(command.button, command.double ?? false);
      case 'button':
        await driver.setButton(command.button, command.down);
        this.held.setButton(sessionId, command.button, command.down);
        return;
      case 'key':
        return driver.tapKey(command.key, command.mods ?? []);
      case 'hold':
        return this.hold(driver, sessionId, command.key, command.down);
      case 'text':
        return driver.typeText(command.text, progress);
      case 'media':
        return driver.tapMediaKey(command.action);
      case 'slide': {
        const profile = this.slideProfile(command.profile);
        if (this.slideByApp(command.action, command.slide, profile.id)) return;
        const keys = keysFor(profile, command.action, command.slide);
        if (!keys) throw new Rejected('not-in-profile', { profile: profile.id, action: command.action });
        // One job: no other phone's stroke comes between these, and the app gets its moment where it needs one.
        for (const [index, stroke] of keys.entries()) {
          await driver.tapKey(stroke.key, stroke.mods);
          if (stroke.settleMs && index < keys.length - 1) await new Promise((r) => setTimeout(r, stroke.settleMs));
        }
        return;
      }
      case 'release':
        return this.releaseSession(driver, sessionId);
      default:
        // A command type that reached input without meaning anything here is refused, never
        // acknowledged while nothing happened.
        throw new Rejected('bad-message', { type: (command as { t: string }).t });
    }
  }

  private async hold(driver: InputDriver, sessionId: string, key: HoldableKey, down: boolean): Promise<void> {
    if (!down) {
      if (this.held.releaseKey(sessionId, key)) await driver.setKey(key, false);
      return;
    }
    // Pressed again by the same session: a renewal of the time limit, not a second press.
    if (!this.held.pressKey(sessionId, key)) return;
    try {
      await driver.setKey(key, true);
    } catch (error) {
      this.held.releaseKey(sessionId, key);
      throw error;
    }
  }

  /** A key held past the limit: let go, and tell the phone that held it. */
  async releaseOverdue(driver: InputDriver | undefined, sessionId: string, key: HoldableKey): Promise<void> {
    if (!this.held.isOverdue(sessionId, key)) return;
    const release = this.held.releaseKey(sessionId, key);
    if (release && driver) await letGo({ keys: [key], buttons: [] }, driver);
    this.held.tellReleased(sessionId, key);
  }

  /** Everything the session holds, let go of (unless another session still holds it). */
  async releaseSession(driver: InputDriver | undefined, sessionId: string): Promise<void> {
    const released = this.held.takeSession(sessionId);
    if (driver) await letGo(released, driver);
  }
}
