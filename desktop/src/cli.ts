#!/usr/bin/env node
/** The headless host: the same host as the desktop app, with the QR code printed in the terminal. */
import { createInterface } from 'node:readline';
import { DEFAULT_PORT } from '@deskremote/shared';
import QRCode from 'qrcode';
import { say, sayArgsError, sayFirewall, sayInput } from './cli-words.js';
import type { DashboardView } from './common/dashboard-contract.js';
import { appVersion, defaultDashboardDir, defaultDataDir, defaultPhoneDir } from './host/app-paths.js';
import { dashboardHandlers } from './host/desktop-window/dashboard-handlers.js';
import { dashboardView } from './host/desktop-window/dashboard-view.js';
import { WindowServer } from './host/desktop-window/window-server.js';
import { Host } from './host/host.js';
import { parseHostArgs } from './host/host-args.js';
import { openInputBackend } from './host/input/input-backend.js';
import { guardProcess } from './host/last-defence.js';
import type { ApprovalRequest } from './host/pairing/approvals.js';
import { loadSettings } from './host/settings/settings-store.js';

const HELP = `DeskRemote headless host: control this computer from a phone's browser.

Usage: deskremote [--port N] [--bind ADDRESS] [--name HOST] [--data-dir DIR] [--impress-port N|off]
                  [--approve-all] [--no-qr]

  --port N          port to serve on (default: the one saved in the app, else ${DEFAULT_PORT};
                    the next free one if taken; 0 = any)
  --bind ADDRESS    address to listen on (default all interfaces; 127.0.0.1 = this computer only)
  --name HOST       a name phones reach this computer by (local DNS or mDNS, e.g. studio.local):
                    accepted in Host and Origin, and put in the QR code instead of the IP address
  --data-dir DIR    where paired phones are kept (default ${defaultDataDir()})
  --impress-port N  LibreOffice Impress's remote control (default 1599; off = do not look for it)
  --approve-all     pair every phone that shows a valid code, without asking here (scripts, tests)
  --no-qr           print the pairing URL without the QR code
  --headless        accepted for symmetry with npm start; this entry is always headless
`;

async function main(): Promise<void> {
  const parsed = parseHostArgs(process.argv.slice(2));
  if (!parsed.ok) throw new Error(sayArgsError(parsed.error));
  const args = parsed.args;
  if (args.help) {
    process.stdout.write(HELP);
    return;
  }
  const dataDir = args.dataDir ?? defaultDataDir();
  const settings = await loadSettings(dataDir);
  const port = args.port ?? settings.port;
  const approveAll = args.approveAll;

  let host: Host | undefined;
  guardProcess(
    () => host?.releaseAllInput(),
    (line) => console.error(`  · ${line}`),
  );
  let requireApproval = !approveAll && settings.requireApproval;
  const asker = new TerminalApprovals(() => host);
  // The desktop window, for this computer's browser only: the same page and calls as the app's window.
  const view = async (): Promise<DashboardView | undefined> =>
    host && { ...(await dashboardView(host)), displays: [], overlayDisplay: 'auto', closeKeepsRunning: true, shell: 'browser' };
  let window: WindowServer | undefined;
  let stopping = false;
  const stop = (why: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${say('stopping', { signal: why })}`);
    const forced = setTimeout(() => process.exit(1), 3000);
    void Promise.allSettled([host?.stop(), window?.close()]).finally(() => {
      clearTimeout(forced);
      process.exit(0);
    });
  };

  /** Starts the host (again, on another port, when the window asks) and says in the terminal what it does. */
  const startHost = async (port: number): Promise<void> => {
    const running = await Host.start({
      port,
      bind: args.bind ?? '0.0.0.0',
      ...(args.names ? { names: args.names } : {}),
      ...(args.impressPort === undefined ? {} : { impressPort: args.impressPort }),
      dataDir,
      phoneDir: defaultPhoneDir(),
      openInput: (context) => openInputBackend(context),
      version: appVersion(),
      requireApproval,
      address: (await loadSettings(dataDir)).address,
      log: (line) => console.log(`  · ${line}`),
    });
    host = running;
    const note = running.portNote;
    console.log(say('running', { version: appVersion(), port: running.port }) + (note ? ` (${say('portTaken', note)})` : ''));
    if (approveAll) console.log(say('approveAllOn'));
    if (window) console.log(say('window', { url: window.url }));
    await showPairing(running, args.noQr === true);
    followInTerminal(running, asker, args.noQr === true, () => void window?.push());
  };

  await startHost(port);
  window = await WindowServer.start({
    pageDir: defaultDashboardDir(),
    view,
    log: (line) => console.log(`  · ${line}`),
    handlers: dashboardHandlers({
      host: () => host,
      dataDir,
      view,
      pushView: async () => window?.push(),
      restartHost: async (next) => {
        requireApproval = host?.pairing.approvalRequired ?? requireApproval;
        await host?.stop();
        host = undefined;
        await startHost(next);
      },
      settingsChanged: () => {},
      quit: () => stop(say('stoppedFromWindow')),
    }),
  });
  console.log(say('window', { url: window.url }));
  console.log(say('pauseHint'));
  if (process.platform === 'win32') console.log(sayFirewall('firewallPrompt'));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
}

async function showPairing(host: Host, noQr: boolean, url = host.pairingUrl(), expiresAt = host.pairing.expiresAt) {
  const qr = noQr ? '' : await QRCode.toString(url, { type: 'terminal', small: true, errorCorrectionLevel: 'M' });
  console.log(`\n${qr}${say('scan')}\nPairing URL: ${url}`);
  const others = host.addresses().slice(1);
  if (others.length > 0) console.log(say('otherAddresses', { list: others.join(', ') }));
  console.log(`${say('oneTime', { time: new Date(expiresAt).toLocaleTimeString() })}\n`);
}

/** The Wayland portal's permission, said in words as it changes (the log line only has the code). */
const PORTAL_CODES: ReadonlySet<string> = new Set(['portal-asking', 'portal-refused', 'portal-closed', 'portal-failed']);

/** What the terminal says as the host runs: new codes, questions, phones coming and going, the permission. */
function followInTerminal(host: Host, asker: TerminalApprovals, noQr: boolean, changed: () => void): void {
  let connected = new Set<string>();
  let inputCode = host.state.state.input.code;
  host.onEvent((event) => {
    changed();
    if (event.type === 'pairing-url') void showPairing(host, noQr, event.url, event.expiresAt);
    if (event.type === 'approvals') asker.update(event.requests);
    if (event.type === 'notice' && event.code === 'code-conflict')
      console.log(say('conflict', { names: event.deviceNames.join(', ') }));
    if (event.type === 'state') {
      const now = new Set(event.state.devices.filter((d) => d.connected).map((d) => d.name));
      for (const name of now) if (!connected.has(name)) console.log(say('connected', { name }));
      for (const name of connected) if (!now.has(name)) console.log(say('disconnected', { name }));
      connected = now;
      const input = event.state.input;
      if (input.code !== inputCode) {
        const asked = inputCode.startsWith('portal-');
        inputCode = input.code;
        if (PORTAL_CODES.has(input.code)) console.log(sayInput(input.code, input.params ?? {}));
        else if (asked && input.code === 'ok') console.log(say('portalGranted'));
      }
    }
  });
}

/** Asks "Allow ‹phone›?" in the terminal, one request at a time; y allows, anything else denies. */
const PAUSE_LINE = /^\s*(p|pause|resume|暂停|恢复)\s*$/i;

/**
 * How long a question is on screen before an answer counts. A line typed for a question that was just
 * withdrawn ("no answer in time") arrived as the answer to the next one, printed a moment before: that phone
 * was let in without anyone reading its question.
 */
const READ_QUESTION_MS = 700;

class TerminalApprovals {
  private asking: string | undefined;
  private readonly lines = createInterface({ input: process.stdin, terminal: false });
  private waiting: ((line: string) => void) | undefined;
  private queue: ApprovalRequest[] = [];

  constructor(private readonly host: () => Host | undefined) {
    this.lines.on('line', (line) => {
      if (this.waiting) this.waiting(line);
      else if (PAUSE_LINE.test(line)) void this.togglePause();
      // A line typed while nothing is asked answers nothing: a late "y" must never approve the next phone unseen.
    });
  }

  /** "p" and Enter (or "pause", "暂停") stops all remote input, and again resumes it. */
  private async togglePause(): Promise<void> {
    const host = this.host();
    if (!host) return;
    await host.setPaused(!host.paused);
    console.log(say(host.paused ? 'pausedNow' : 'resumedNow'));
  }

  update(requests: ApprovalRequest[]): void {
    this.queue = requests;
    if (this.asking && !requests.some((r) => r.id === this.asking)) {
      console.log(say('askExpired'));
      this.asking = undefined;
      this.waiting = undefined;
    }
    void this.next();
  }

  private async next(): Promise<void> {
    if (this.asking) return;
    const request = this.queue[0];
    if (!request) return;
    this.asking = request.id;
    const device =
      [request.device.model, request.device.os, request.device.browser].filter(Boolean).join(', ') || say('unknownDevice');
    process.stdout.write(
      say('ask', {
        name: request.deviceName,
        device,
        address: request.address,
        code: `${request.code.slice(0, 3)} ${request.code.slice(3)}`,
      }),
    );
    const shownAt = Date.now();
    let answer: string;
    for (;;) {
      answer = await new Promise<string>((resolve) => (this.waiting = resolve));
      if (this.asking !== request.id || Date.now() - shownAt >= READ_QUESTION_MS) break;
      console.log(say('askTooSoon'));
    }
    this.waiting = undefined;
    if (this.asking !== request.id) return;
    const allow = /^\s*(y|yes|是|好)\s*$/i.test(answer);
    this.host()?.pairing.decide(request.id, allow);
    console.log(allow ? say('allowed') : say('denied'));
    this.asking = undefined;
    this.queue = this.queue.filter((r) => r.id !== request.id);
    void this.next();
  }
}

main().catch((error: unknown) => {
  console.error(say('cannotStart', { error: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
});
