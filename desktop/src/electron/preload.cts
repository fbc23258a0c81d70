/** The only bridge between the desktop window's page and the main process: four calls and one event. */
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
};

contextBridge.exposeInMainWorld('deskremote', bridge);
