import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chordStep, type DeckStep, parseSteps, stepsText } from '../../src/dashboard/deck-steps.js';

describe('what a deck button does, as the desktop window writes it', () => {
  it('writes chords as people do and text in quotes, in order', () => {
    const steps: DeckStep[] = [
      { t: 'key', key: 't', mods: ['ctrl', 'shift'] },
      { t: 'text', text: 'Best regards,' },
      { t: 'key', key: 'Enter' },
      { t: 'text', text: 'Say "hi" \\ 王' },
      { t: 'key', key: ',', mods: ['ctrl'] },
    ];
    const written = stepsText(steps);
    expect(written).toBe('Ctrl+Shift+T, "Best regards,", Enter, "Say \\"hi\\" \\\\ 王", Ctrl+Comma');
    expect(parseSteps(written)).toEqual({ ok: true, steps });
  });

  it('reads what a person types: any case, usual names and aliases, spaces anywhere', () => {
    expect(parseSteps('  ctrl + alt + del ,"x",pgdn, pagedown , F5')).toEqual({
      ok: true,
      steps: [
        { t: 'key', key: 'Delete', mods: ['ctrl', 'alt'] },
        { t: 'text', text: 'x' },
        { t: 'key', key: 'PageDown' },
        { t: 'key', key: 'PageDown' },
        { t: 'key', key: 'F5' },
      ],
    });
    expect(chordStep('Cmd+Space')).toEqual({ t: 'key', key: 'Space', mods: ['meta'] });
  });

  it('says where the writing stops making sense', () => {
    expect(parseSteps('Ctrl+Ctrl+T')).toEqual({ ok: false, near: 'Ctrl+Ctrl+T' });
    expect(parseSteps('Ctrl+Shift+T, Ctrl+')).toEqual({ ok: false, near: 'Ctrl+' });
    expect(parseSteps('Shift')).toEqual({ ok: false, near: 'Shift' });
    expect(parseSteps('Enter, "unclosed')).toEqual({ ok: false, near: '"unclosed' });
    expect(parseSteps('"a" "b"')).toEqual({ ok: false, near: '"b"' });
    expect(parseSteps('Enter,, Tab')).toEqual({ ok: false, near: ', Tab' });
    expect(parseSteps('""')).toMatchObject({ ok: false });
    expect(parseSteps('   ')).toEqual({ ok: false, near: '' });
  });

  it('reads back exactly what it wrote, for any keys and any text', () => {
    const key = fc.record(
      {
        t: fc.constant('key' as const),
        key: fc.constantFrom('a', 'z', '7', ',', 'Enter', 'Tab', 'PageDown', 'F12', 'ArrowLeft', 'Space'),
        mods: fc.uniqueArray(fc.constantFrom('ctrl', 'alt', 'shift', 'meta'), { minLength: 1, maxLength: 4 }),
      },
      { requiredKeys: ['t', 'key'] },
    );
    const text = fc.record({
      t: fc.constant('text' as const),
      text: fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }),
    });
    fc.assert(
      fc.property(fc.array(fc.oneof(key, text), { minLength: 1, maxLength: 8 }), (steps) => {
        expect(parseSteps(stepsText(steps))).toEqual({ ok: true, steps });
      }),
      { numRuns: 300 },
    );
  });
});
