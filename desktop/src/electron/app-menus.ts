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
  const say = trayWords(locale);
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: say('show'), click: actions.show },
      { label: say('newCode'), click: actions.newCode },
      { type: 'separator' },
      { label: say('pause'), type: 'checkbox', checked: state.paused, click: () => actions.setPaused(!state.paused) },
      { type: 'separator' },
      { label: say('quit'), click: actions.quit },
    ]),
  );
  tray.setToolTip(say(state.paused ? 'paused' : state.controlling ? 'controlling' : 'connected', { n: state.connected }));
}

/** macOS only: elsewhere the window has no menu bar (it is removed when the window is made). */
export function setMacMenu(locale: string): void {
  const say = trayWords(locale);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      {
        label: 'DeskRemote',
        submenu: [
          { role: 'about', label: say('about') },
          { type: 'separator' },
          { role: 'hide', label: say('hide') },
          { type: 'separator' },
          { role: 'quit', label: say('quitApp') },
        ],
      },
      {
        label: say('edit'),
        submenu: [
          { role: 'undo', label: say('undo') },
          { role: 'redo', label: say('redo') },
          { type: 'separator' },
          { role: 'cut', label: say('cut') },
          { role: 'copy', label: say('copy') },
          { role: 'paste', label: say('paste') },
          { role: 'selectAll', label: say('selectAll') },
        ],
      },
      {
        label: say('window'),
        submenu: [
          { role: 'minimize', label: say('minimize') },
          { role: 'close', label: say('close') },
        ],
      },
    ]),
  );
}
