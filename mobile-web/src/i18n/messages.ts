/** Every string the phone shows, so a second language is one more table of the same keys. */
export const en = {
  appName: 'DeskRemote',
  connectedTo: 'Connected to',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting in {s} s…',
  paused: 'Paused while the page is hidden',
  reloading: 'Updating the page…',
  thisPhone: 'this phone',
  phones: 'Phones',
  tabPad: 'Touchpad',
  tabMedia: 'Media',
  tabSlides: 'Slides',
  padHint: 'Move with one finger · tap to click · two-finger tap: right click · two fingers: scroll · hold, then move: drag',
  leftClick: 'Left click',
  rightClick: 'Right click',
  typePlaceholder: 'Type here, then send',
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
  startShow: 'Start',
  endShow: 'End',
  blackScreen: 'Black screen',
  unpairedTitle: 'Scan the QR code on your computer',
  unpairedNoPairing: 'Open DeskRemote on the computer and scan the QR code it shows with this phone’s camera.',
  unpairedHostMismatch: 'The computer at this address is not the one this phone paired with. Scan its QR code to pair.',
  unpairedGeneric: 'The computer no longer knows this phone.',
  notSecure: 'Plain HTTP on your own network: pairing proofs are computed on the phone, the code never crosses the network.',
} as const;

export type MessageKey = keyof typeof en;

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return en[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
