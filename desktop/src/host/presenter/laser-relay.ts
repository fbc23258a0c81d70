import type { LaserCommand } from '@deskremote/shared';
import type { FeatureDeps } from './feature-deps.js';

/** Where the desktop app draws the laser pointer: its overlay window. The headless host has none. */
export interface LaserOverlay {
  show(point: LaserCommand): void;
}

const UNIT = 65535;

/**
 * One pointer on the screen, owned by the phone that last put a finger down. Repeats are dropped (the
 * overlay has nothing to redraw), a lift from a phone that is not pointing is dropped, and a phone that
 * goes away while pointing has its pointer lifted for it, so no dot stays stuck on a slide.
 */
export class LaserRelay {
  private last: LaserCommand | undefined;
  private owner: string | undefined;

  constructor(private readonly overlay: LaserOverlay) {}

  point(sessionId: string, command: LaserCommand): void {
    const x = clampUnit(command.x);
    const y = clampUnit(command.y);
    if (x === undefined || y === undefined) return;
    const pointing = this.last !== undefined && this.last.mode !== 'off';
    if (command.mode === 'off') {
      if (!pointing || this.owner !== sessionId) return;
    } else if (this.owner === sessionId && this.last?.mode === command.mode && this.last.x === x && this.last.y === y) {
      return;
    }
    this.owner = sessionId;
    this.forward({ t: 'laser', mode: command.mode, x, y });
  }

  /** The phone's socket closed: lift its finger if it was pointing. */
  sessionClosed(sessionId: string): void {
    if (this.owner === sessionId) this.lift();
  }

  /** The host stops: lift whatever finger is down. */
  lift(): void {
    const last = this.last;
    this.owner = undefined;
    if (last && last.mode !== 'off') this.forward({ ...last, mode: 'off' });
  }

  private forward(point: LaserCommand): void {
    this.last = point;
    this.overlay.show(point);
  }
}

function clampUnit(value: number): number | undefined {
  if (!Number.isFinite(value)) return undefined;
  return Math.min(UNIT, Math.max(0, Math.round(value)));
}

/**
 * Passes the phone's finger to the overlay, or says in the state that the laser needs the desktop app.
 * Laser frames are never answered (they come as often as pointer moves); without an overlay they are
 * dropped, and the phone words the state's code instead.
 */
export function installLaser(deps: FeatureDeps, overlay: LaserOverlay | undefined): void {
  deps.state.update({
    presenterTools: { ...deps.state.state.presenterTools, laser: overlay ? 'ready' : 'needs-desktop-app' },
  });
  if (!overlay) {
    deps.features.on('laser', () => 'answered');
    return;
  }
  const relay = new LaserRelay(overlay);
  deps.features.on('laser', (session, command) => {
    relay.point(session.id, command);
    return 'answered';
  });
  deps.features.onSessionClosed((session) => relay.sessionClosed(session.id));
  deps.onStop(() => relay.lift());
}
