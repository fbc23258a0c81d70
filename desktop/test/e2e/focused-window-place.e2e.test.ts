/**
 * Where the focused window is, as the laser overlay needs it to pick the screen that shows the slides: a real
 * window manager (openbox) on Xvfb, a real Chromium window of a known size, the host's own X11 focus watch.
 * Resizing the window is followed without the focus moving (a slide show going full screen).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { WindowFacts } from '../../src/host/presenter/profile-picker.js';
import { X11Focus } from '../../src/host/presenter/x11-focus.js';
import { waitFor } from '../support/wait.js';
import { DesktopWindow } from './support/desktop-window.js';
import { startXvfb, type XDisplay } from './support/xvfb.js';

let x: XDisplay;
let wm: ChildProcess;
let window: DesktopWindow;
let focus: X11Focus;
let seen: WindowFacts | undefined;

beforeAll(async () => {
  x = await startXvfb(1920, 1080);
  wm = spawn('openbox', ['--sm-disable'], { env: { ...process.env, DISPLAY: x.display }, stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 500));
  window = await DesktopWindow.open(x.display, 800, 600, 'libreoffice-impress');
  focus = await X11Focus.open(
    x.display,
    (facts) => {
      seen = facts;
    },
    () => {},
  );
});

afterAll(async () => {
  focus?.stop();
  await window?.close();
  wm?.kill();
  await x?.stop();
});

it('reads the focused window’s place and size on the screen, with its class', async () => {
  await waitFor(() => seen?.app === 'libreoffice-impress' && seen.bounds !== undefined, 10_000);
  const bounds = seen?.bounds;
  expect(bounds).toBeDefined();
  // The window manager decides the exact corner (its frame); the size is the one asked for, within the frame.
  expect(bounds?.width).toBeGreaterThan(700);
  expect(bounds?.width).toBeLessThanOrEqual(800);
  expect(bounds?.height).toBeGreaterThan(450);
  expect(bounds?.height).toBeLessThanOrEqual(600);
  expect(bounds?.x).toBeGreaterThanOrEqual(0);
  expect(bounds?.x).toBeLessThan(100);
});

it('follows the window when it grows without the focus moving', async () => {
  await window.page.setViewportSize({ width: 1600, height: 900 });
  const cdp = await window.page.context().newCDPSession(window.page);
  const { windowId } = (await cdp.send('Browser.getWindowForTarget')) as { windowId: number };
  await cdp.send('Browser.setWindowBounds', { windowId, bounds: { left: 200, top: 100, width: 1600, height: 900 } });
  await waitFor(() => (seen?.bounds?.width ?? 0) > 1400, 10_000);
  expect(seen?.bounds?.x).toBeGreaterThanOrEqual(150);
  expect(seen?.app).toBe('libreoffice-impress');
});
