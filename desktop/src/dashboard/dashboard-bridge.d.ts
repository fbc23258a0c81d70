/**
 * What the desktop window's page may ask of the Electron main process, exposed by the preload as
 * window.deskremote. Ambient, so the page stays a plain script and the preload can share the type.
 * Everything the page shows in words arrives as codes and names; the page words them itself.
 */
interface DashboardView {
  pairingUrl: string;
  qrDataUrl: string;
  /** When the QR code is replaced by itself (ms since the epoch). */
  pairingExpiresAt: number;
  otherUrls: string[];
  /** The wanted port was taken and another is used. */
  portNote: { wanted: number; used: number } | undefined;
  port: number;
  hostName: string;
  /** The icons a deck button may have, with their names in both languages (shared/src/deck-icon-words.ts). */
  deckIcons: Array<{ name: string; en: string; zh: string }>;
  input: { status: string; code: string; params?: Record<string, string | number> | undefined };
  devices: Array<{
    id: string;
    name: string;
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
  notice: { code: 'code-conflict'; deviceNames: string[]; at: number } | undefined;
  /** The talk timer, as every phone shows it: time left at `at` (negative: over time), counting while running. */
  talk: { status: 'idle' | 'running' | 'paused'; leftMs: number; at: number; level: 'calm' | 'warning' | 'final' | 'overtime' };
}

interface DashboardBridge {
  view(): Promise<DashboardView>;
  onView(listener: (view: DashboardView) => void): void;
  revokeDevice(id: string): Promise<void>;
  renewPairingCode(): Promise<void>;
  setPort(port: number): Promise<void>;
  decideApproval(id: string, allow: boolean): Promise<void>;
  setApprovalRequired(required: boolean): Promise<void>;
  saveDeck(deviceId: string, deck: DashboardView['devices'][number]['deck']): Promise<void>;
}

interface Window {
  deskremote: DashboardBridge;
}
