/**
 * What the desktop window's page may ask of the Electron main process, exposed by the preload as
 * window.deskremote. Ambient, so the page stays a plain script and the preload can share the type.
 */
interface DashboardView {
  pairingUrl: string;
  qrDataUrl: string;
  otherUrls: string[];
  portNote: string | undefined;
  port: number;
  hostName: string;
  input: { status: string; code: string; detail: string };
  devices: Array<{ id: string; name: string; connected: boolean; pairedAt: number; lastSeenAt: number }>;
}

interface DashboardBridge {
  view(): Promise<DashboardView>;
  onView(listener: (view: DashboardView) => void): void;
  revokeDevice(id: string): Promise<void>;
  renewPairingCode(): Promise<void>;
  setPort(port: number): Promise<void>;
}

interface Window {
  deskremote: DashboardBridge;
}
