import type { DeckButton } from '@deskremote/shared';
import { describe, expect, it } from 'vitest';
import { describeStep, moveButton, newButtonId, putButton, removeButton } from '../src/features/deck/deck-edit.js';
import { commandOf } from '../src/features/deck/deck-run.js';

const button = (id: string): DeckButton => ({ id, label: id, icon: 'star', steps: [{ t: 'key', key: 'F11' }] });

describe('editing a deck of buttons', () => {
  it('adds, replaces by id, removes, and moves within the ends', () => {
    let deck = putButton([], button('a'));
    deck = putButton(deck, button('b'));
    deck = putButton(deck, { ...button('a'), label: 'A' });
    expect(deck.map((b) => b.label)).toEqual(['A', 'b']);
    expect(moveButton(deck, 'b', -1).map((b) => b.id)).toEqual(['b', 'a']);
    expect(moveButton(deck, 'a', -1).map((b) => b.id)).toEqual(['a', 'b']);
    expect(removeButton(deck, 'a').map((b) => b.id)).toEqual(['b']);
    expect(['b1', 'b3']).not.toContain(newButtonId([button('b1'), button('b3')]));
  });

  it('a button is ordinary commands: keys with modifiers, and text', () => {
    expect(commandOf({ t: 'key', key: 't', mods: ['ctrl', 'shift'] })).toEqual({ t: 'key', key: 't', mods: ['ctrl', 'shift'] });
    expect(commandOf({ t: 'text', text: 'Hi' })).toEqual({ t: 'text', text: 'Hi' });
    expect(describeStep({ t: 'key', key: 't', mods: ['ctrl', 'shift'] })).toBe('Ctrl+Shift+T');
    expect(describeStep({ t: 'text', text: 'Hi' })).toBe('“Hi”');
  });
});
