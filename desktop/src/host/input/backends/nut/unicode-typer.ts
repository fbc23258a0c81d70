/**
 * Exact text where libnut cannot type it: SendInput on Windows, CoreGraphics on macOS. Undefined where
 * neither applies or the system library cannot be loaded (the ASCII-only path stays, and says so).
 */
import { loadMacTextTyper } from './darwin/cg-events.js';
import { loadWin32TextTyper } from './win32/send-input.js';

export function loadUnicodeTyper(platform: NodeJS.Platform): ((text: string) => Promise<void>) | undefined {
  try {
    if (platform === 'win32') return loadWin32TextTyper(platform);
    if (platform === 'darwin') return loadMacTextTyper(platform);
  } catch {
    // No FFI here, or no such library: the caller falls back to libnut's ASCII typing.
  }
  return undefined;
}
