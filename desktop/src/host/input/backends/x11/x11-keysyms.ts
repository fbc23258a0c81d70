import type { TextProblem } from '../../input-driver.js';

/** Characters to X11 keysyms, as X defines them: Latin-1 is its own code, the rest of Unicode is 0x01000000 + code point. */
const RETURN = 0xff0d;
const TAB = 0xff09;
const UNICODE_KEYSYM = 0x01000000;

export function keysymForChar(ch: string): number | undefined {
  if (ch === '\n' || ch === '\r') return RETURN;
  if (ch === '\t') return TAB;
  const code = ch.codePointAt(0);
  if (code === undefined || code < 0x20 || (code >= 0x7f && code < 0xa0)) return undefined;
  if (code <= 0xff) return code;
  return UNICODE_KEYSYM + code;
}

/** Control characters (other than line breaks and tab) have no key: text containing them is refused. */
export function x11TextProblem(text: string): TextProblem | undefined {
  for (const ch of text) {
    if (keysymForChar(ch) === undefined)
      return { char: `U+${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`, reason: 'control' };
  }
  return undefined;
}
