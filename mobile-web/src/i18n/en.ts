/**
 * Every word the phone shows, in English: the typed set of message keys. Other languages are data with
 * the same keys (zh-CN.ts), loaded only when a reader needs them.
 */
export const en = {
  appName: 'DeskRemote',
  languageName: 'English',
  switchLanguage: 'Language',
  connectedTo: 'Connected to {name}',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting in {s} s…',
  retryLost: 'The connection dropped.',
  retryHostStopping: 'DeskRemote on the computer was closed.',
  retryBusy: 'The computer is busy with other connections.',
  retryNoAnswer: 'The computer stopped answering.',
  paused: 'Paused while the page is hidden',
  reloading: 'Updating the page…',
  thisPhone: '{name} (this phone)',
  phones: 'Phones: {list}',
  listSeparator: ', ',
  tabPad: 'Touchpad',
  tabMedia: 'Media',
  tabSlides: 'Slides',
  tabDeck: 'Buttons',
  tabKeys: 'Keys',
  panels: 'Panels',
  padHint: 'Move with one finger · tap to click · two-finger tap: right click · two fingers: scroll · hold, then move: drag',
  leftClick: 'Left click',
  rightClick: 'Right click',
  typePlaceholder: 'Type here, then send',
  livePlaceholder: 'Type: it appears as you type',
  liveTyping: 'Live',
  liveOnLabel: 'Live typing is on: tap to type first and send',
  liveOffLabel: 'Type first, then send: tap for live typing',
  send: 'Send',
  keyEscape: 'Esc',
  keyTab: 'Tab',
  keyBackspace: 'Backspace',
  keyEnter: 'Enter',
  keyUp: 'Up',
  keyDown: 'Down',
  keyLeft: 'Left',
  keyRight: 'Right',
  playPause: 'Play / pause',
  previousTrack: 'Previous',
  nextTrack: 'Next',
  volumeDown: 'Volume down',
  volumeUp: 'Volume up',
  mute: 'Mute',
  nextSlide: 'Next slide',
  previousSlide: 'Previous slide',
  startShow: 'From start',
  endShow: 'End show',
  blackScreen: 'Black screen',
  keysHint: 'Modifier: tap for the next key · double-tap to hold · tap again to let go',
  modifiers: 'Modifiers',
  modCtrl: 'Ctrl',
  modAlt: 'Alt',
  modShift: 'Shift',
  modSuper: 'Super',
  modCommand: '⌘ Cmd',
  modWindows: 'Win',
  modOption: '⌥ Option',
  modLatched: '{name}, for the next key',
  modLocked: '{name}, held down',
  modStateLatched: 'next key',
  modStateLocked: 'held',
  functionKeys: 'Function keys',
  navigationKeys: 'Editing and navigation keys',
  keySpace: 'Space',
  keyHome: 'Home',
  keyEnd: 'End',
  keyPageUp: 'Page Up',
  keyPageDown: 'Page Down',
  keyInsert: 'Insert',
  keyDelete: 'Delete',
  keyPrintScreen: 'Print Screen',
  capPageUp: 'PgUp',
  capPageDown: 'PgDn',
  capInsert: 'Ins',
  capDelete: 'Del',
  capPrintScreen: 'PrtSc',
  shortcutLetter: 'Letter or digit for a shortcut',
  shortcutPlaceholder: 'A letter',
  approvingTitle: 'Allow this phone on the computer',
  approvingBody: 'The computer is asking whether this phone may control it. Click Allow there if it shows the same code:',
  approvingWait: 'Waiting for an answer…',
  replacedTitle: 'Open in another tab',
  replacedBody: 'This phone is now connected from another tab or window.',
  connectHere: 'Connect here',
  unpairedTitle: 'Scan the QR code on your computer',
  stopNoPairing: 'Open DeskRemote on the computer and scan the QR code it shows with this phone’s camera.',
  stopCodeWrong: 'This QR code is wrong or was already used. Scan the code the computer shows now.',
  stopCodeExpired: 'This QR code has expired. Scan the new code on the computer.',
  stopCodeConflict: 'Another phone used the same QR code, so both were refused. Scan the new code on the computer.',
  stopDenied: 'The computer did not allow this phone. Ask the person at the computer, then scan the code again.',
  stopApprovalTimeout: 'Nobody allowed this phone on the computer in time. Scan the code again and click Allow there.',
  stopRemoved: 'This phone was removed on the computer. Scan the QR code to pair it again.',
  stopNotRecognized:
    'The computer does not recognise this phone. Scan its QR code to pair again; this page keeps trying meanwhile.',
  stopHostMismatch:
    'The computer at this address is not the one this phone paired with. Scan its QR code to pair; this page keeps trying meanwhile.',
  inputChecking: 'Checking whether this computer accepts input…',
  inputNoDisplay:
    'The computer has no desktop session for DeskRemote (it was started without a display). Start DeskRemote from inside the desktop.',
  inputDisplayUnreachable: 'DeskRemote cannot reach the display {display} on the computer: {error}',
  inputWayland: 'Wayland session: only some windows (XWayland) receive input. For full control, log in with an X11 session.',
  inputWaylandNoX11:
    'This Wayland session cannot receive input from DeskRemote. Log in with an X11 session (“GNOME on Xorg”, “Plasma (X11)”).',
  inputMacPermission:
    'Allow DeskRemote under System Settings › Privacy & Security › Accessibility on the Mac, then restart DeskRemote.',
  inputMacPermissionUnknown:
    'If nothing happens, allow DeskRemote under System Settings › Privacy & Security › Accessibility on the Mac.',
  inputDriverFailed: 'The input driver on the computer failed to start: {error}',
  inputUnsupportedPlatform: 'DeskRemote cannot inject input on this kind of computer ({platform}).',
  problemBadMessage: 'The computer could not read that command.',
  problemRateLimited: 'Too many commands at once: slow down a little.',
  problemInputUnavailable: 'The computer cannot receive input right now.',
  problemInjectionFailed: 'The computer refused the input: {error}',
  problemUnsupportedText: 'The computer cannot type “{char}” yet.',
  problemNotAuthenticated: 'This phone is not connected yet.',
  problemNotConnected: 'Not connected to the computer.',
  problemNoAnswer: 'The computer did not answer.',
  problemConnectionClosed: 'The connection closed before the computer answered.',
  problemHeldTooLong: '{key} was held down too long, so the computer let go of it.',
  problemNotInProfile: 'This slide app has no such command.',
  problemPreviewUnavailable: 'The computer cannot show its screen here.',
  problemNeedsDesktopApp: 'The laser pointer needs the DeskRemote desktop app (not the terminal version).',
  problemPlayerUnavailable: 'That player is gone or does not allow this.',
  problemVolumeUnavailable: 'The computer’s volume cannot be changed from here.',
  // ---- presenter: profile (keys of this part go below)
  profileTitle: 'Slide app',
  // ---- end of presenter: profile
  // ---- presenter: timer (keys of this part go below)
  timerTitle: 'Talk timer',
  // ---- end of presenter: timer
  // ---- presenter: preview (keys of this part go below)
  previewTitle: 'Screen',
  // ---- end of presenter: preview
  // ---- presenter: laser (keys of this part go below)
  laserTitle: 'Pointer',
  // ---- end of presenter: laser
  // ---- presenter: panel (keys of this part go below)
  presenterHint: 'Swipe left or tap for the next slide · swipe right for the previous one',
  startHere: 'From here',
  whiteScreen: 'White screen',
  holdToUse: 'Hold the button to use it: a slip does nothing',
  gotoSlide: 'Slide no.',
  gotoGo: 'Go',
  awakeOn: 'The screen stays on while this panel is open',
  awakeNeedsTap: 'Tap anywhere once to keep the screen on',
  // ---- end of presenter: panel
  // ---- sofa: media (keys of this part go below)
  nowPlayingTitle: 'Now playing',
  // ---- end of sofa: media
  // ---- sofa: volume (keys of this part go below)
  volumeTitle: 'Volume',
  // ---- end of sofa: volume
  // ---- sofa: touchpad (keys of this part go below)
  touchpadSettingsTitle: 'Touchpad settings',
  // ---- end of sofa: touchpad
  // ---- sofa: deck (keys of this part go below)
  deckTitle: 'Your buttons',
  // ---- end of sofa: deck
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
