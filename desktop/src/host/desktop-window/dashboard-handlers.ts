/**
 * What each of the desktop window's calls does. The sender was checked before any of these runs
 * (electron/dashboard-ipc.ts in the app, window-server.ts for the headless host); the arguments were not: each is checked here, and a call with the wrong ones does
 * nothing. The host checks a deck against the protocol's schema itself.
 */
import { CueCodes } from '@deskremote/shared';
import type { DashboardHandlers, DashboardView, DeckView } from '../../common/dashboard-contract.js';
import type { Host } from '../host.js';
import { type Settings, saveSettings } from '../settings/settings-store.js';

export interface DashboardHandlerDeps {
  host(): Host | undefined;
  dataDir: string;
  view(): Promise<DashboardView | undefined>;
  pushView(): Promise<void>;
  /** Stops the host and starts it again on this port (already saved). */
  restartHost(port: number): Promise<void>;
  settingsChanged(settings: Settings): void;
  quit(): void;
}

const isPort = (port: unknown): port is number =>
  typeof port === 'number' && Number.isInteger(port) && port >= 1024 && port <= 65535;
const isDisplayChoice = (display: unknown): display is number | 'auto' =>
  display === 'auto' || (typeof display === 'number' && Number.isInteger(display) && display >= 0);

export function dashboardHandlers(deps: DashboardHandlerDeps): DashboardHandlers {
  const save = async (changes: Partial<Settings>) => deps.settingsChanged(await saveSettings(deps.dataDir, changes));
  return {
    view: () => deps.view(),
    revoke: (id) => (typeof id === 'string' ? deps.host()?.revokeDevice(id) : undefined),
    renew: () => deps.host()?.pairing.renew(),
    setPort: async (port) => {
      if (!isPort(port)) return;
      await save({ port });
      await deps.restartHost(port);
    },
    decideApproval: (id, allow) => {
      if (typeof id === 'string' && typeof allow === 'boolean') deps.host()?.pairing.decide(id, allow);
    },
    setApprovalRequired: async (required) => {
      if (typeof required !== 'boolean') return;
      await save({ requireApproval: required });
      deps.host()?.pairing.setApprovalRequired(required);
      void deps.pushView();
    },
    saveDeck: async (deviceId, deck) => {
      if (typeof deviceId !== 'string' || !Array.isArray(deck)) return;
      await deps.host()?.savePhoneDeck(deviceId, deck as DeckView as never);
      void deps.pushView();
    },
    setOverlayDisplay: async (display) => {
      if (!isDisplayChoice(display)) return;
      await save({ overlayDisplay: display });
      void deps.pushView();
    },
    quit: () => deps.quit(),
    renameDevice: async (id, name) => {
      if (typeof id !== 'string' || typeof name !== 'string') return;
      await deps.host()?.renameDevice(id, name);
      void deps.pushView();
    },
    setPaused: async (paused) => {
      if (typeof paused !== 'boolean') return;
      await deps.host()?.setPaused(paused);
      void deps.pushView();
    },
    setAddress: async (address) => {
      const host = deps.host();
      if (typeof address !== 'string' || !host) return;
      // Only one of this computer's own addresses (or 'auto') can go in the QR code.
      if (address !== 'auto' && !host.networkAddresses().some((a) => a.address === address)) return;
      await save({ address });
      host.setPreferredAddress(address);
      void deps.pushView();
    },
    sendCue: (code) => {
      const cue = CueCodes.find((known) => known === code);
      if (cue) deps.host()?.sendCue(cue);
    },
  };
}
