/** The only bridge between the desktop window's page and the main process: the contract's calls and one event. */
import electron = require('electron');

import type { DashboardBridge, DashboardChannels, DashboardView } from '../common/dashboard-contract.js';

const { contextBridge, ipcRenderer } = electron;
// A sandboxed preload can require only Electron's own modules, so the channels' names are written here
// and their type holds them to the contract's.
const CHANNELS: DashboardChannels = {
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
};

contextBridge.exposeInMainWorld('deskremote', {
  view: () => ipcRenderer.invoke(CHANNELS.view),
  onView: (listener) => {
    ipcRenderer.on(CHANNELS.view, (_event, view: DashboardView) => listener(view));
  },
  revokeDevice: (id) => ipcRenderer.invoke(CHANNELS.revoke, id),
  renewPairingCode: () => ipcRenderer.invoke(CHANNELS.renew),
  setPort: (port) => ipcRenderer.invoke(CHANNELS.setPort, port),
  decideApproval: (id, allow) => ipcRenderer.invoke(CHANNELS.decideApproval, id, allow),
  setApprovalRequired: (required) => ipcRenderer.invoke(CHANNELS.setApprovalRequired, required),
  saveDeck: (deviceId, deck) => ipcRenderer.invoke(CHANNELS.saveDeck, deviceId, deck),
  setOverlayDisplay: (display) => ipcRenderer.invoke(CHANNELS.setOverlayDisplay, display),
  quit: () => ipcRenderer.invoke(CHANNELS.quit),
  renameDevice: (id, name) => ipcRenderer.invoke(CHANNELS.renameDevice, id, name),
  setPaused: (paused) => ipcRenderer.invoke(CHANNELS.setPaused, paused),
  setAddress: (address) => ipcRenderer.invoke(CHANNELS.setAddress, address),
  sendCue: (code) => ipcRenderer.invoke(CHANNELS.sendCue, code),
} satisfies DashboardBridge);
