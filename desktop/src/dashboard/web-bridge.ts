/**
 * The desktop window's bridge when the page is open in a browser (the headless host serves it on loopback,
 * host/desktop-window/window-server.ts): the same calls as the Electron preload's, over fetch, and the view
 * as Server-Sent Events. In the Electron window the preload has already put the bridge there, and this does
 * nothing. The key comes in the URL's fragment from the terminal; it is kept for this tab only and taken out
 * of the address bar, so it is not in the history or in a shared screenshot.
 */
import type { DashboardView } from './bridge.js';

export function installWebBridge(): void {
  if ('deskremote' in window) return;
  const KEY_STORE = 'deskremote-window-key';
  const fromFragment = /^#key=([A-Za-z0-9_-]{20,})$/.exec(location.hash)?.[1];
  if (fromFragment) {
    sessionStorage.setItem(KEY_STORE, fromFragment);
    history.replaceState(null, '', location.pathname);
  }
  const key = sessionStorage.getItem(KEY_STORE) ?? '';
  type Bridge = Window['deskremote'];
  type Channel = Exclude<keyof Bridge, 'view' | 'onView'>;
  const CALLS: Record<Channel, string> = {
    revokeDevice: 'revoke',
    renewPairingCode: 'renew',
    setPort: 'setPort',
    decideApproval: 'decideApproval',
    setApprovalRequired: 'setApprovalRequired',
    saveDeck: 'saveDeck',
    setOverlayDisplay: 'setOverlayDisplay',
    quit: 'quit',
    renameDevice: 'renameDevice',
    setPaused: 'setPaused',
    setAddress: 'setAddress',
    sendCue: 'sendCue',
  };

  async function call(name: string, args: unknown[]): Promise<never> {
    const response = await fetch(`/api/call/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-DeskRemote-Key': key },
      body: JSON.stringify(args),
    });
    if (!response.ok) throw new Error(`${name}: ${response.status}`);
    return ((await response.json()) as { value: never }).value;
  }

  let latest: Promise<DashboardView> | undefined;
  const listeners: Array<(view: DashboardView) => void> = [];
  let resolveFirst: ((view: DashboardView) => void) | undefined;
  let rejectFirst: ((error: Error) => void) | undefined;
  latest = new Promise<DashboardView>((resolve, reject) => {
    resolveFirst = resolve;
    rejectFirst = reject;
  });
  const events = new EventSource(`/api/events?key=${encodeURIComponent(key)}`);
  events.onmessage = (message) => {
    const view = JSON.parse(message.data as string) as DashboardView;
    if (resolveFirst) {
      resolveFirst(view);
      resolveFirst = undefined;
    } else latest = Promise.resolve(view);
    for (const listener of listeners) listener(view);
  };
  events.onerror = () => {
    // Refused (no or a wrong key) before any view: say so; otherwise EventSource reconnects by itself.
    if (resolveFirst && events.readyState === EventSource.CLOSED) rejectFirst?.(new Error('refused'));
    document.documentElement.dataset.link = events.readyState === EventSource.OPEN ? 'open' : 'lost';
  };
  events.onopen = () => {
    document.documentElement.dataset.link = 'open';
  };

  const bridge = {
    view: () => latest as Promise<DashboardView>,
    onView: (listener: (view: DashboardView) => void) => {
      listeners.push(listener);
    },
  } as Partial<Bridge>;
  for (const [method, name] of Object.entries(CALLS) as Array<[Channel, string]>) {
    (bridge as Record<string, unknown>)[method] = (...args: unknown[]) => call(name, args);
  }
  (window as { deskremote?: Bridge }).deskremote = bridge as Bridge;
}
