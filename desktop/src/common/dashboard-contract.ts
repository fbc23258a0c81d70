/**
 * The IPC contract between the main process and the desktop window's page: channel names and what
 * travels on them. Main imports the names; the preload (which may require only 'electron') writes them
 * out and is held to these by its types; the page sees the types through ../dashboard/dashboard-bridge.d.ts.
 * No Electron import here. Everything the page shows in words arrives as codes and names; the page words them.
 */
import type { InputIssueCode, Platform } from '@deskremote/shared';

/** Page to main (ipcRenderer.invoke), one per bridge call. `view` is also main's push to the page. */
export const DASHBOARD_CHANNELS = {
  view: 'deskremote:view',
  revoke: 'deskremote:revoke',
  renew: 'deskremote:renew',
  setPort: 'deskremote:set-port',
  decideApproval: 'deskremote:decide-approval',
  setApprovalRequired: 'deskremote:set-approval-required',
  saveDeck: 'deskremote:save-deck',
  setOverlayDisplay: 'deskremote:set-overlay-display',
  quit: 'deskremote:quit',
  renameDevice: 'deskremote:rename-device',
  setPaused: 'deskremote:set-paused',
  setAddress: 'deskremote:set-address',
  sendCue: 'deskremote:send-cue',
} as const;
export type DashboardChannels = typeof DASHBOARD_CHANNELS;
export type DashboardChannel = DashboardChannels[keyof DashboardChannels];

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the host knows and shows (../host/desktop-window/dashboard-view.ts builds it). */
export interface HostView {
  pairingUrl: string;
  qrDataUrl: string;
  /** When the QR code is replaced by itself (ms since the epoch). */
  pairingExpiresAt: number;
  otherUrls: string[];
  /** Every address phones may use, real network cards first; VPNs, containers and virtual machines marked. */
  addresses: Array<{ address: string; interface: string; virtual: boolean }>;
  /** The address the person chose for the QR code; 'auto': the likeliest. */
  chosenAddress: string | 'auto';
  /** When to say what may keep phones out (no phone got through a minute after the code was shown). */
  reachHintAt: number | undefined;
  /** Remote control is paused: every command is refused until resumed. */
  paused: boolean;
  /** A phone injected input within the last few seconds. */
  controlling: boolean;
  /** The wanted port was taken and another is used. */
  portNote: { wanted: number; used: number } | undefined;
  port: number;
  hostName: string;
  /** The computer's system: Windows gets its own words about the firewall. */
  platform: Platform;
  /** The icons a deck button may have, with their names in both languages (shared/src/deck-icon-words.ts). */
  deckIcons: Array<{ name: string; en: string; zh: string }>;
  input: { status: string; code: InputIssueCode; params?: Record<string, string | number> | undefined };
  devices: Array<{
    id: string;
    /** The name shown everywhere: the person's own for it, else the phone's. */
    name: string;
    /** The name the phone gave itself (shown when the person renamed it). */
    phoneName: string;
    model?: string | undefined;
    os?: string | undefined;
    browser?: string | undefined;
    /** Where it was last seen. */
    address?: string | undefined;
    connected: boolean;
    pairedAt: number;
    lastSeenAt: number;
    /** The phone's buttons of its own (the steps are kept as they are; the window renames, reorders, removes). */
    deck: Array<{ id: string; label: string; icon: string; steps: unknown[] }>;
  }>;
  /** New phones waiting for "Allow": name, model, browser, address, and the code the phone shows. */
  approvals: Array<{
    id: string;
    deviceName: string;
    device: { model?: string; os?: string; browser?: string };
    address: string;
    code: string;
    expiresAt: number;
  }>;
  requireApproval: boolean;
  /** The latest thing to warn about, e.g. two phones that used one QR code (both were refused). */
  notice: { code: 'code-conflict' | 'approval-timeout'; deviceNames: string[]; at: number } | undefined;
  /** The talk timer, as every phone shows it: time left at `at` (negative: over time), counting while running. */
  talk: { status: 'idle' | 'running' | 'paused'; leftMs: number; at: number; level: 'calm' | 'warning' | 'final' | 'overtime' };
  /** LibreOffice Impress's remote control: whether it answers, and the PIN and name to pair with it once. */
  impress: {
    status: 'off' | 'no-answer' | 'waiting-for-pin' | 'connected';
    pin: string;
    name: string;
    /** '12 / 30' while its show runs. */
    slides: string;
    /** Impress has the keyboard focus: how to switch its remote control on is worth saying only then. */
    focused: boolean;
  };
}

/** A screen the laser overlay may use; `label` is the system's name for it, often empty on Linux. */
export interface DisplayChoice {
  id: number;
  label: string;
  bounds: Rect;
  primary: boolean;
}

/** What only the desktop app knows: the screens, the user's choice among them, and what closing the window does. */
export interface ShellView {
  displays: DisplayChoice[];
  /** The screen the laser pointer is drawn on; 'auto': where the slides are (see electron/overlay-display.ts). */
  overlayDisplay: number | 'auto';
  /** Closing the window leaves DeskRemote running (in the tray, or the Dock on macOS); false: closing quits. */
  closeKeepsRunning: boolean;
  /** 'app': the Electron window; 'browser': the headless host's page in the desktop's browser (quit stops the host). */
  shell: 'app' | 'browser';
}

export type DashboardView = HostView & ShellView;

/** What each call does, with its arguments as they arrive (unknown: each handler checks its own). */
export type DashboardHandlers = { [K in keyof DashboardChannels]: (...args: unknown[]) => unknown };
export type DeckView = HostView['devices'][number]['deck'];

/** What the preload exposes to the page as window.deskremote. */
export interface DashboardBridge {
  view(): Promise<DashboardView>;
  onView(listener: (view: DashboardView) => void): void;
  revokeDevice(id: string): Promise<void>;
  renewPairingCode(): Promise<void>;
  setPort(port: number): Promise<void>;
  decideApproval(id: string, allow: boolean): Promise<void>;
  setApprovalRequired(required: boolean): Promise<void>;
  saveDeck(deviceId: string, deck: DeckView): Promise<void>;
  /** A screen's id, or 'auto'; saved in settings.json. */
  setOverlayDisplay(display: number | 'auto'): Promise<void>;
  /** Ends DeskRemote (where there is no tray to quit from). */
  quit(): Promise<void>;
  /** Names a phone; an empty name goes back to the phone's own. */
  renameDevice(id: string, name: string): Promise<void>;
  /** Stops (true) or resumes all remote input. */
  setPaused(paused: boolean): Promise<void>;
  /** The address the QR code carries, or 'auto'; saved in settings.json. */
  setAddress(address: string | 'auto'): Promise<void>;
  /** A short cue to every presenting phone (shared/src/presenter.ts CueCodes). */
  sendCue(code: string): Promise<void>;
}
