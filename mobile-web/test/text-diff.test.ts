import { describe, expect, it } from 'vitest';
import { diffText, graphemes } from '../src/features/typing/text-diff.js';

describe('text diff (live typing)', () => {
  it('sends what was added at the end', () => {
    expect(diffText('hel', 'hello')).toEqual({ deletions: 0, insert: 'lo' });
  });

  it('turns an autocorrect replacement into Backspaces and the new text', () => {
    expect(diffText('teh ', 'the ')).toEqual({ deletions: 3, insert: 'he ' });
  });

  it('counts Backspaces in grapheme clusters: a family emoji, a flag, a skin tone, e + accent', () => {
    expect(graphemes('a👨‍👩‍👧🇨🇳👍🏽é')).toEqual(['a', '👨‍👩‍👧', '🇨🇳', '👍🏽', 'é']);
    expect(diffText('x👨‍👩‍👧', 'x')).toEqual({ deletions: 1, insert: '' });
    expect(diffText('x🇨🇳', 'x🇫🇷')).toEqual({ deletions: 1, insert: '🇫🇷' });
  });

  it('a committed composition is sent as its characters', () => {
    expect(diffText('\u200b', '\u200b你好')).toEqual({ deletions: 0, insert: '你好' });
  });

  it('Backspace on an "empty" field deletes the invisible sentinel: one Backspace', () => {
    expect(diffText('\u200b', '')).toEqual({ deletions: 1, insert: '' });
  });
});
