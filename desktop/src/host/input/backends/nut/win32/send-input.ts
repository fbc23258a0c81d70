/**
 * SendInput through koffi (a maintained FFI with prebuilt binaries for every platform, no compiler
 * needed): the declarations are plain data and load anywhere, so they are tested on Linux; user32.dll is
 * opened only on Windows.
 */
import { createRequire } from 'node:module';
import { InjectionBlocked } from '../../../input-driver.js';
import { unicodeKeyEvents, type Win32KeyEvent } from './unicode-keys.js';
import { wheelEvents } from './wheel.js';

type Koffi = typeof import('koffi');
const INPUT_MOUSE = 0;
const INPUT_KEYBOARD = 1;

const declared = new WeakMap<Koffi, ReturnType<typeof declareOnce>>();

/**
 * The INPUT union as winuser.h lays it out (40 bytes on 64-bit Windows, 28 on 32-bit). Declared once per
 * process: koffi refuses a type name twice, which made loading the typer a second time fail (and text fall
 * back to ASCII).
 */
export function declareInputTypes(koffi: Koffi): ReturnType<typeof declareOnce> {
  const known = declared.get(koffi);
  if (known) return known;
  const types = declareOnce(koffi);
  declared.set(koffi, types);
  return types;
}

function declareOnce(koffi: Koffi) {
  const MOUSEINPUT = koffi.struct('DR_MOUSEINPUT', {
    dx: 'int32', // Windows' LONG is 32 bits (LLP64); 'long' would be 64 bits where this is tested
    dy: 'int32',
    mouseData: 'uint32',
    dwFlags: 'uint32',
    time: 'uint32',
    dwExtraInfo: 'uintptr',
  });
  const KEYBDINPUT = koffi.struct('DR_KEYBDINPUT', {
    wVk: 'uint16',
    wScan: 'uint16',
    dwFlags: 'uint32',
    time: 'uint32',
    dwExtraInfo: 'uintptr',
  });
  const HARDWAREINPUT = koffi.struct('DR_HARDWAREINPUT', { uMsg: 'uint32', wParamL: 'uint16', wParamH: 'uint16' });
  const INPUT = koffi.struct('DR_INPUT', {
    type: 'uint32',
    u: koffi.union('DR_INPUT_UNION', { mi: MOUSEINPUT, ki: KEYBDINPUT, hi: HARDWAREINPUT }),
  });
  return { INPUT, KEYBDINPUT };
}

export function loadKoffi(): Koffi {
  return createRequire(import.meta.url)('koffi') as Koffi;
}

function loadSendInput(koffi: Koffi) {
  const { INPUT } = declareInputTypes(koffi);
  const user32 = koffi.load('user32.dll');
  const SendInput = user32.func('__stdcall', 'SendInput', 'uint32', ['uint32', koffi.pointer(INPUT), 'int']);
  const size = koffi.sizeof(INPUT);
  return (inputs: unknown[]): number => SendInput(inputs.length, inputs, size) as number;
}

/**
 * Turns the wheel on Windows by any number of units (WHEEL_DELTA a notch; see wheel.ts), only on the axes
 * that move. Throws anywhere else, or where user32 cannot be loaded.
 */
export function loadWin32Wheel(platform: NodeJS.Platform = process.platform): (x: number, y: number) => Promise<void> {
  if (platform !== 'win32') throw new Error('SendInput exists on Windows only');
  const send = loadSendInput(loadKoffi());
  return async (x, y) => {
    const inputs = wheelEvents(x, y).map((e) => ({
      type: INPUT_MOUSE,
      // mouseData is a DWORD: a negative delta goes as its two's complement, as (DWORD)-120 in C.
      u: { mi: { dx: 0, dy: 0, mouseData: e.delta >>> 0, dwFlags: e.flags, time: 0, dwExtraInfo: 0 } },
    }));
    if (inputs.length > 0 && send(inputs) !== inputs.length) throw new InjectionBlocked('elevated-window');
  };
}

/** Types text exactly on Windows. Throws anywhere else, or where user32 cannot be loaded. */
export function loadWin32TextTyper(platform: NodeJS.Platform = process.platform): (text: string) => Promise<void> {
  if (platform !== 'win32') throw new Error('SendInput exists on Windows only');
  const send = loadSendInput(loadKoffi());
  return async (text) => {
    const events = unicodeKeyEvents(text).map((e: Win32KeyEvent) => ({
      type: INPUT_KEYBOARD,
      u: { ki: { wVk: e.vk, wScan: e.scan, dwFlags: e.flags, time: 0, dwExtraInfo: 0 } },
    }));
    // In slices, so a long text does not outrun the input queue of a busy application.
    for (let i = 0; i < events.length; i += 64) {
      const slice = events.slice(i, i + 64);
      if (send(slice) !== slice.length) throw new InjectionBlocked('elevated-window');
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  };
}
