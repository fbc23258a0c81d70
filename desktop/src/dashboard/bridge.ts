/**
 * The desktop window's bridge to DeskRemote, as the page sees it: window.deskremote, put there by the Electron
 * preload, or by web-bridge.ts when the headless host serves the page to a browser. Its contract is
 * ../common/dashboard-contract.ts.
 */
import type { DashboardBridge, DashboardView } from '../common/dashboard-contract.js';

export type { DashboardView };

declare global {
  interface Window {
    deskremote: DashboardBridge;
  }
}

/** The view on screen now (undefined until the first arrives), for the parts that act on it later. */
export const shown: { view: DashboardView | undefined } = { view: undefined };
