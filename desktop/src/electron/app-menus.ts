/**
 * The tray icon's menu, and on macOS the menu bar, whose first menu is named after the app and holds
 * Quit (Cmd+Q) and whose Edit menu gives the window's text fields copy and paste.
 */
import { join } from 'node:path';
import { Menu, nativeImage, Tray } from 'electron';
import { trayWords } from './tray-words.js';

export interface TrayActions {
  show(): void;
  newCode(): void;
  setPaused(paused: boolean): void;
  quit(): void;
}

/** What the tray shows: the pause switch's state, and whether a phone is controlling the computer now. */
export interface TrayState {
  paused: boolean;
  controlling: boolean;
  connected: number;
}

export function createTray(resources: string, locale: string, actions: TrayActions, state: TrayState): Tray {
  const tray = new Tray(nativeImage.createFromPath(join(resources, 'tray.png')));
  updateTray(tray, locale, actions, state);
  tray.on('click', actions.show);
  return tray;
}

/** The menu's pause switch and the tooltip follow the host (a phone starting to control, the switch used elsewhere). */
export function updateTray(tray: Tray, locale: string, actions: TrayActions, state: TrayState): void {
  const words = trayWords(locale);
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: words.show, click: actions.show },
      { label: words.newCode, click: actions.newCode },
      { type: 'separator' },
      { label: words.pause, type: 'checkbox', checked: state.paused, click: () => actions.setPaused(!state.paused) },
      { type: 'separator' },
      { label: words.quit, click: actions.quit },
    ]),
  );
  const tip = state.paused ? words.paused : state.controlling ? words.controlling : words.connected;
  tray.setToolTip(tip.replace('{n}', String(state.connected)));
}

/** macOS only: elsewhere the window has no menu bar (it is removed when the window is made). */
export function setMacMenu(locale: string): void {
  const words = trayWords(locale);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      {
        label: 'DeskRemote',
        submenu: [
          { role: 'about', label: words.about },
          { type: 'separator' },
          { role: 'hide', label: words.hide },
          { type: 'separator' },
          { role: 'quit', label: words.quitApp },
        ],
      },
      {
        label: words.edit,
        submenu: [
          { role: 'undo', label: words.undo },
          { role: 'redo', label: words.redo },
          { type: 'separator' },
          { role: 'cut', label: words.cut },
          { role: 'copy', label: words.copy },
          { role: 'paste', label: words.paste },
          { role: 'selectAll', label: words.selectAll },
        ],
      },
      {
        label: words.window,
        submenu: [
          { role: 'minimize', label: words.minimize },
          { role: 'close', label: words.close },
        ],
      },
    ]),
  );
}
