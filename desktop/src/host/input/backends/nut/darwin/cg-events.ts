/**
 * Exact text on macOS through CoreGraphics (CGEventKeyboardSetUnicodeString), over koffi. The
 * declarations load anywhere; ApplicationServices is opened only on macOS.
 */
import { loadKoffi } from '../win32/send-input.js';
import { macTextEvents } from './unicode-events.js';

const APPLICATION_SERVICES = '/System/Library/Frameworks/ApplicationServices.framework/ApplicationServices';
/** kCGHIDEventTap: events enter where the keyboard's would. */
const HID_EVENT_TAP = 0;

/** koffi refuses a type name twice: the opaque event type is declared once per process. */
const opaqueDeclared = new WeakSet<object>();

export function declareCoreGraphics(koffi: ReturnType<typeof loadKoffi>, lib: { func: (signature: string) => unknown }) {
  if (!opaqueDeclared.has(koffi)) {
    koffi.opaque('DR_CGEvent');
    opaqueDeclared.add(koffi);
  }
  return {
    CGEventCreateKeyboardEvent: lib.func('DR_CGEvent *CGEventCreateKeyboardEvent(void *source, uint16_t keycode, bool down)') as (
      source: null,
      keyCode: number,
      down: boolean,
    ) => unknown,
    CGEventKeyboardSetUnicodeString: lib.func(
      'void CGEventKeyboardSetUnicodeString(DR_CGEvent *event, unsigned long length, const uint16_t *string)',
    ) as (event: unknown, length: number, units: number[]) => void,
    CGEventPost: lib.func('void CGEventPost(uint32_t tap, DR_CGEvent *event)') as (tap: number, event: unknown) => void,
    CFRelease: lib.func('void CFRelease(void *ref)') as (ref: unknown) => void,
  };
}

export function loadMacTextTyper(platform: NodeJS.Platform = process.platform): (text: string) => Promise<void> {
  if (platform !== 'darwin') throw new Error('CoreGraphics exists on macOS only');
  const koffi = loadKoffi();
  const cg = declareCoreGraphics(koffi, koffi.load(APPLICATION_SERVICES));
  const post = (keyCode: number, down: boolean, units?: number[]) => {
    const event = cg.CGEventCreateKeyboardEvent(null, keyCode, down);
    if (units) cg.CGEventKeyboardSetUnicodeString(event, units.length, units);
    cg.CGEventPost(HID_EVENT_TAP, event);
    cg.CFRelease(event);
  };
  return async (text) => {
    for (const event of macTextEvents(text)) {
      if ('keyCode' in event) {
        post(event.keyCode, true);
        post(event.keyCode, false);
        continue;
      }
      const units = Array.from({ length: event.text.length }, (_, i) => event.text.charCodeAt(i));
      post(0, true, units);
      post(0, false, units);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  };
}
