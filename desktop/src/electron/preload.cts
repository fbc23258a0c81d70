/** The only bridge between the desktop window's page and the main process: seven calls and one event. */
import electron = require('electron');

const { contextBridge, ipcRenderer } = electron;

const bridge: DashboardBridge = {
  view: () => ipcRenderer.invoke('deskremote:view'),
  onView: (listener) => {
    ipcRenderer.on('deskremote:view', (_event, view: DashboardView) => listener(view));
  },
  revokeDevice: (id) => ipcRenderer.invoke('deskremote:revoke', id),
  renewPairingCode: () => ipcRenderer.invoke('deskremote:renew'),
  setPort: (port) => ipcRenderer.invoke('deskremote:set-port', port),
  decideApproval: (id, allow) => ipcRenderer.invoke('deskremote:decide-approval', id, allow),
  setApprovalRequired: (required) => ipcRenderer.invoke('deskremote:set-approval-required', required),
  saveDeck: (deviceId, deck) => ipcRenderer.invoke('deskremote:save-deck', deviceId, deck),
};

contextBridge.exposeInMainWorld('deskremote', bridge);
