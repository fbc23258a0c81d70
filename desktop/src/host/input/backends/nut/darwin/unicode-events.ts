/**
 * Text as macOS keyboard events. A CGEvent carries at most 20 UTF-16 units of text
 * (CGEventKeyboardSetUnicodeString), so text is cut into chunks that never split a surrogate pair or a
 * grapheme cluster; line breaks and tabs are the Return and Tab keys.
 */
export const MAX_UNITS_PER_EVENT = 20;
export const KVK_RETURN = 0x24;
export const KVK_TAB = 0x30;

export type MacKeyEvent = { text: string } | { keyCode: number };

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function macTextEvents(text: string): MacKeyEvent[] {
  const events: MacKeyEvent[] = [];
  let chunk = '';
  const flush = () => {
    if (chunk) events.push({ text: chunk });
    chunk = '';
  };
  for (const { segment } of segmenter.segment(text.replace(/\r\n?/g, '\n'))) {
    if (segment === '\n' || segment === '\t') {
      flush();
      events.push({ keyCode: segment === '\n' ? KVK_RETURN : KVK_TAB });
      continue;
    }
    if (chunk.length + segment.length > MAX_UNITS_PER_EVENT) flush();
    // A cluster longer than one event (a long ZWJ family) still goes whole, in as few events as it needs.
    if (segment.length > MAX_UNITS_PER_EVENT) {
      const units = Array.from(segment);
      for (const unit of units) {
        if (chunk.length + unit.length > MAX_UNITS_PER_EVENT) flush();
        chunk += unit;
      }
      continue;
    }
    chunk += segment;
  }
  flush();
  return events;
}
