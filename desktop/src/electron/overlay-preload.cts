/** The overlay page's only bridge: points from the main process, nothing back. */
import electron = require('electron');

import type { OverlayBridge, OverlayPoint, OverlayPointChannel } from '../common/overlay-contract.js';

const { contextBridge, ipcRenderer } = electron;
// A sandboxed preload can require only Electron's own modules, so the channel's name is written here
// and its type holds it to the contract's.
const POINT: OverlayPointChannel = 'deskremote-overlay:point';

contextBridge.exposeInMainWorld('deskremoteOverlay', {
  onPoint: (listener: (point: OverlayPoint) => void) => {
    ipcRenderer.on(POINT, (_event, point: OverlayPoint) => listener(point));
  },
} satisfies OverlayBridge);
