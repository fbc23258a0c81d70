/**
 * Text as Windows key events. libnut's typeString cuts every character to one byte, so text beyond
 * ASCII goes through SendInput with KEYEVENTF_UNICODE instead: one key down and up per UTF-16 unit
 * (an emoji is two units, sent in order), which Windows turns into WM_CHAR for the focused window.
 * Line breaks and tabs are the Return and Tab keys, as a keyboard would send them.
 */
export const KEYEVENTF_KEYUP = 0x0002;
export const KEYEVENTF_UNICODE = 0x0004;
export const VK_RETURN = 0x0d;
export const VK_TAB = 0x09;

export interface Win32KeyEvent {
  /** A virtual key, or 0 with `scan` holding a UTF-16 unit. */
  vk: number;
  scan: number;
  flags: number;
}

function press(vk: number): Win32KeyEvent[] {
  return [
    { vk, scan: 0, flags: 0 },
    { vk, scan: 0, flags: KEYEVENTF_KEYUP },
  ];
}

export function unicodeKeyEvents(text: string): Win32KeyEvent[] {
  const events: Win32KeyEvent[] = [];
  const normalized = text.replace(/\r\n?/g, '\n');
  for (let i = 0; i < normalized.length; i++) {
    const unit = normalized.charCodeAt(i);
    if (unit === 0x0a) events.push(...press(VK_RETURN));
    else if (unit === 0x09) events.push(...press(VK_TAB));
    else {
      events.push({ vk: 0, scan: unit, flags: KEYEVENTF_UNICODE });
      events.push({ vk: 0, scan: unit, flags: KEYEVENTF_UNICODE | KEYEVENTF_KEYUP });
    }
  }
  return events;
}
