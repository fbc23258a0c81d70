#!/usr/bin/env node
/** The headless host: the same host as the desktop app, with the QR code printed in the terminal. */
import { parseArgs } from 'node:util';
import { DEFAULT_PORT } from '@deskremote/shared';
import QRCode from 'qrcode';
import { appVersion, defaultDataDir, defaultPhoneDir } from './host/app-paths.js';
import { Host } from './host/host.js';
import { openNutBackend } from './host/input/input-backend.js';
import { loadSettings } from './host/settings/settings-store.js';

const HELP = `DeskRemote headless host: control this computer from a phone's browser.

Usage: deskremote [--port N] [--bind ADDRESS] [--data-dir DIR] [--no-qr]

  --port N          port to serve on (default: the one saved in the app, else ${DEFAULT_PORT};
                    the next free one if taken; 0 = any)
  --bind ADDRESS    address to listen on (default all interfaces; 127.0.0.1 = this computer only)
  --data-dir DIR    where paired phones are kept (default ${defaultDataDir()})
  --no-qr           print the pairing URL without the QR code
  --headless        accepted for symmetry with npm start; this entry is always headless
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      bind: { type: 'string' },
      'data-dir': { type: 'string' },
      'no-qr': { type: 'boolean' },
      headless: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const port = values.port === undefined ? (await loadSettings(dataDir)).port : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not ${values.port}`);

  const host = await Host.start({
    port,
    bind: values.bind ?? '0.0.0.0',
    dataDir,
    phoneDir: defaultPhoneDir(),
    openInput: () => openNutBackend(),
    version: appVersion(),
    log: (line) => console.log(`  · ${line}`),
  });

  const showPairing = async (url: string) => {
    const qr = values['no-qr'] ? '' : await QRCode.toString(url, { type: 'terminal', small: true, errorCorrectionLevel: 'M' });
    console.log(`\n${qr}Scan the code with your phone's camera, or open this on the phone:\nPairing URL: ${url}`);
    const others = host.addresses().slice(1);
    if (others.length > 0) console.log(`Other addresses of this computer: ${others.join(', ')}`);
    console.log('Each code pairs one phone; a new one appears after it is used.\n');
  };

  console.log(`DeskRemote ${appVersion()} on port ${host.port}${host.portNote ? ` (${host.portNote})` : ''}. Ctrl+C quits.`);
  await showPairing(host.pairingUrl());
  let connected = new Set<string>();
  host.onEvent((event) => {
    if (event.type === 'pairing-url') void showPairing(event.url);
    if (event.type === 'state') {
      const now = new Set(event.state.devices.filter((d) => d.connected).map((d) => d.name));
      for (const name of now) if (!connected.has(name)) console.log(`Phone connected: ${name}`);
      for (const name of connected) if (!now.has(name)) console.log(`Phone disconnected: ${name}`);
      connected = now;
    }
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: releasing held keys and buttons, closing connections.`);
    const forced = setTimeout(() => process.exit(1), 3000);
    void host.stop().finally(() => {
      clearTimeout(forced);
      process.exit(0);
    });
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
}

main().catch((error: unknown) => {
  console.error(`DeskRemote could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
