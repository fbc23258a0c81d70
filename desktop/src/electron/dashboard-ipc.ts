/**
 * The desktop window's calls, registered in one place: every channel of the contract gets a handler
 * (the type below makes a missing one a compile error), and every call passes the same sender check
 * before any handler, and so any host method, runs. Arguments arrive as unknown: each handler checks its own.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { DASHBOARD_CHANNELS, type DashboardChannels, type DashboardHandlers } from '../common/dashboard-contract.js';

export function registerDashboardIpc(
  ipcMain: IpcMain,
  trusted: (event: IpcMainInvokeEvent) => boolean,
  handlers: DashboardHandlers,
  log: (line: string) => void,
): void {
  for (const name of Object.keys(DASHBOARD_CHANNELS) as Array<keyof DashboardChannels>) {
    const channel = DASHBOARD_CHANNELS[name];
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!trusted(event)) {
        log(`refused ${channel} from ${event.senderFrame?.url.slice(0, 200) ?? 'a frame that is gone'}`);
        throw new Error(`${channel} is answered only for the DeskRemote window`);
      }
      return handlers[name](...args);
    });
  }
}
