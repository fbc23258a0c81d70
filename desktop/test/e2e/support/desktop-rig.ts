/**
 * The desktop side of an end-to-end test: a private Xvfb, a real Chromium window on it recording every
 * input event, and the real headless host with the real driver. Stopped in reverse order.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertChromium } from './chromium.js';
import { DesktopWindow } from './desktop-window.js';
import { HostProcess } from './host-process.js';
import { startXvfb, type XDisplay } from './xvfb.js';

export interface DesktopRig {
  x: XDisplay;
  desktop: DesktopWindow;
  /** Replaceable: a test may stop the host and start another on the same data folder. */
  host: HostProcess;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startDesktopRig(name: string): Promise<DesktopRig> {
  assertChromium();
  const dataDir = await mkdtemp(join(tmpdir(), `deskremote-${name}-`));
  const x = await startXvfb();
  const desktop = await DesktopWindow.open(x.display, x.width, x.height);
  const host = await HostProcess.start({ display: x.display, dataDir });
  const rig: DesktopRig = {
    x,
    desktop,
    host,
    dataDir,
    stop: async () => {
      await rig.host.stop();
      await desktop.close();
      await x.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return rig;
}
