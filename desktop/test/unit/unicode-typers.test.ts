import { describe, expect, it } from 'vitest';
import { controlTextProblem } from '../../src/host/input/ascii-text.js';
import { declareCoreGraphics, loadMacTextTyper } from '../../src/host/input/backends/nut/darwin/cg-events.js';
import { KVK_RETURN, MAX_UNITS_PER_EVENT, macTextEvents } from '../../src/host/input/backends/nut/darwin/unicode-events.js';
import { wheelUnits } from '../../src/host/input/backends/nut/nut-driver.js';
import { declareInputTypes, loadKoffi, loadWin32TextTyper } from '../../src/host/input/backends/nut/win32/send-input.js';
import {
  KEYEVENTF_KEYUP,
  KEYEVENTF_UNICODE,
  unicodeKeyEvents,
  VK_RETURN,
} from '../../src/host/input/backends/nut/win32/unicode-keys.js';
import {
  MOUSEEVENTF_HWHEEL,
  MOUSEEVENTF_WHEEL,
  SmoothWheel,
  wheelEvents,
} from '../../src/host/input/backends/nut/win32/wheel.js';
import { SCROLL_PIXELS_PER_STEP } from '../../src/host/input/command-meaning.js';

describe('Windows text (SendInput, KEYEVENTF_UNICODE)', () => {
  it('one down and up per UTF-16 unit, in order; an emoji is its two surrogates; a line break is Return', () => {
    expect(unicodeKeyEvents('é😀\r\n')).toEqual([
      { vk: 0, scan: 0xe9, flags: KEYEVENTF_UNICODE },
      { vk: 0, scan: 0xe9, flags: KEYEVENTF_UNICODE | KEYEVENTF_KEYUP },
      { vk: 0, scan: 0xd83d, flags: KEYEVENTF_UNICODE },
      { vk: 0, scan: 0xd83d, flags: KEYEVENTF_UNICODE | KEYEVENTF_KEYUP },
      { vk: 0, scan: 0xde00, flags: KEYEVENTF_UNICODE },
      { vk: 0, scan: 0xde00, flags: KEYEVENTF_UNICODE | KEYEVENTF_KEYUP },
      { vk: VK_RETURN, scan: 0, flags: 0 },
      { vk: VK_RETURN, scan: 0, flags: KEYEVENTF_KEYUP },
    ]);
  });

  it('the FFI declarations load here, laid out as winuser.h has them on 64-bit Windows', () => {
    const koffi = loadKoffi();
    const { INPUT, KEYBDINPUT } = declareInputTypes(koffi);
    expect(koffi.sizeof(KEYBDINPUT)).toBe(24);
    expect(koffi.sizeof(INPUT)).toBe(40);
    expect(() => loadWin32TextTyper('linux')).toThrow(/Windows only/);
  });

  it('declares its types once: a second load gets the same types instead of koffi’s duplicate-name error', () => {
    const koffi = loadKoffi();
    const first = declareInputTypes(koffi);
    expect(() => declareInputTypes(koffi)).not.toThrow();
    expect(declareInputTypes(koffi).INPUT).toBe(first.INPUT);
  });

  it('one wheel step is WHEEL_DELTA (120) in libnut’s Windows units, a step’s pixels on macOS (libnut scrolls in pixels there), one click on X11', () => {
    expect(wheelUnits('win32')).toBe(120);
    expect(wheelUnits('linux')).toBe(1);
    expect(wheelUnits('darwin')).toBe(SCROLL_PIXELS_PER_STEP);
  });
});

describe('the Windows wheel (SendInput)', () => {
  it('sends only the axes that move (libnut sent a zero-delta wheel on the other axis with every notch)', () => {
    expect(wheelEvents(0, 120)).toEqual([{ flags: MOUSEEVENTF_WHEEL, delta: -120 }]);
    expect(wheelEvents(-240, 0)).toEqual([{ flags: MOUSEEVENTF_HWHEEL, delta: -240 }]);
    expect(wheelEvents(0, 0)).toEqual([]);
    expect(wheelEvents(35, -50)).toEqual([
      { flags: MOUSEEVENTF_WHEEL, delta: 50 },
      { flags: MOUSEEVENTF_HWHEEL, delta: 35 },
    ]);
  });

  it('turns phone pixels into wheel units below a notch, carrying the remainder so the parts add up', () => {
    const wheel = new SmoothWheel(24);
    expect(wheel.units(0, 10)).toEqual({ x: 0, y: 50 });
    expect(wheel.units(7, 24)).toEqual({ x: 35, y: 120 });
    const slow = new SmoothWheel(7);
    const parts = [1, 1, 1, 1, 1, 1, 1].map(() => slow.units(0, 1).y);
    expect(parts.every((p) => p < 120)).toBe(true);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(120);
  });
});

describe('macOS text (CGEventKeyboardSetUnicodeString)', () => {
  it('cuts text into events of at most 20 UTF-16 units, never inside a grapheme cluster', () => {
    const family = '👨‍👩‍👧‍👦'; // 11 units
    const events = macTextEvents(`${'a'.repeat(15)}${family}b\nc`);
    expect(events).toEqual([{ text: 'a'.repeat(15) }, { text: `${family}b` }, { keyCode: KVK_RETURN }, { text: 'c' }]);
    for (const e of events) if ('text' in e) expect(e.text.length).toBeLessThanOrEqual(MAX_UNITS_PER_EVENT);
    expect(
      macTextEvents('你好世界'.repeat(10))
        .map((e) => ('text' in e ? e.text : ''))
        .join(''),
    ).toBe('你好世界'.repeat(10));
  });

  it('the CoreGraphics declarations parse here; the framework is opened only on macOS', () => {
    const koffi = loadKoffi();
    const signatures: string[] = [];
    declareCoreGraphics(koffi, { func: (signature: string) => signatures.push(signature) });
    expect(signatures.some((s) => s.includes('CGEventKeyboardSetUnicodeString'))).toBe(true);
    // A second load (input reopened once Accessibility is granted) declares nothing twice.
    expect(() => declareCoreGraphics(koffi, { func: () => undefined })).not.toThrow();
    expect(() => loadMacTextTyper('linux')).toThrow(/macOS only/);
  });
});

describe('where any Unicode can be typed', () => {
  it('only control characters are refused', () => {
    expect(controlTextProblem('wörld 你好 😀\n\t')).toBeUndefined();
    expect(controlTextProblem('a\u0007')).toEqual({ char: 'U+0007', reason: 'control' });
  });
});
