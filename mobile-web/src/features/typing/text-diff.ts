/**
 * What changed in a text field, as the keys that make the same change on the desktop: Backspaces for
 * what was removed at the end of the common beginning, then the new text. An autocorrect ("teh" ->
 * "the") or a suggestion becomes exactly that; counted in grapheme clusters, which is what one
 * Backspace removes in most applications (an emoji with a skin tone, a flag, é as e + accent).
 */
let segmenter: Intl.Segmenter | undefined;
let looked = false;

/**
 * The browser's grapheme segmenter, made on first use: making one loads the browser's break rules, 23 to
 * 38 ms of a phone's first visit when it was made as the interface loaded (prepareGraphemes makes it
 * once the page is up, so the first typed letter does not wait for it either).
 */
function graphemeSegmenter(): Intl.Segmenter | undefined {
  if (!looked) {
    looked = true;
    if (typeof Intl !== 'undefined' && 'Segmenter' in Intl)
      segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  }
  return segmenter;
}

/** Makes the segmenter now (called a moment after the interface is drawn). */
export function prepareGraphemes(): void {
  graphemeSegmenter();
}

/** The grapheme clusters of a text (code points where the browser has no Intl.Segmenter). */
export function graphemes(text: string): string[] {
  const made = graphemeSegmenter();
  if (made) return Array.from(made.segment(text), (s) => s.segment);
  return Array.from(text);
}

export interface TextEdit {
  /** Backspaces to press first. */
  deletions: number;
  /** Text to type after them. */
  insert: string;
}

export function diffText(before: string, after: string): TextEdit {
  const old = graphemes(before);
  const now = graphemes(after);
  let common = 0;
  while (common < old.length && common < now.length && old[common] === now[common]) common++;
  return { deletions: old.length - common, insert: now.slice(common).join('') };
}
