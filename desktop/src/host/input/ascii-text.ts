import type { TextProblem } from './input-driver.js';

/**
 * libnut types printable ASCII exactly but mangles everything else on X11 (see DESIGN.md), so until the
 * per-OS Unicode routes exist, such text is refused whole rather than typed wrong.
 */
export function asciiTextProblem(text: string): TextProblem | undefined {
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const typeable = (code >= 0x20 && code <= 0x7e) || ch === '\n' || ch === '\t';
    if (!typeable) return { char: ch, reason: 'ascii-only' };
  }
  return undefined;
}

/** Splits text into runs typed as characters and the line breaks and tabs pressed as keys. */
export function splitTextRuns(text: string): Array<{ chars: string } | { key: 'Enter' | 'Tab' }> {
  const runs: Array<{ chars: string } | { key: 'Enter' | 'Tab' }> = [];
  for (const part of text.split(/([\n\t])/)) {
    if (part === '\n') runs.push({ key: 'Enter' });
    else if (part === '\t') runs.push({ key: 'Tab' });
    else if (part) runs.push({ chars: part });
  }
  return runs;
}

/** Where any Unicode can be typed: only control characters (other than line breaks and tabs) are refused. */
export function controlTextProblem(text: string): TextProblem | undefined {
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if ((code < 0x20 && ch !== '\n' && ch !== '\t' && ch !== '\r') || (code >= 0x7f && code <= 0x9f)) {
      return { char: `U+${code.toString(16).padStart(4, '0')}`, reason: 'control' };
    }
  }
  return undefined;
}
