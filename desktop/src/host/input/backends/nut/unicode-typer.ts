/**
 * Exact text where libnut cannot type it: SendInput on Windows, CoreGraphics on macOS. Where the system
 * library cannot be loaded the ASCII-only path stays, and why is kept: the backend says so (its availability
 * is 'limited' with 'text-ascii-only'), so the phone and the window tell the person before a text is refused.
 */
import { loadMacTextTyper } from './darwin/cg-events.js';
import { loadWin32TextTyper } from './win32/send-input.js';

export type UnicodeTyper = (text: string) => Promise<void>;

/** The typer, or why there is none (undefined both where the platform has no such typer). */
export function loadUnicodeTyper(platform: NodeJS.Platform): { typer?: UnicodeTyper; problem?: string } {
  try {
    if (platform === 'win32') return { typer: loadWin32TextTyper(platform) };
    if (platform === 'darwin') return { typer: loadMacTextTyper(platform) };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
  return {};
}
