import { describe, expect, it } from 'vitest';
import { parseMute, parseVolume } from '../../src/host/volume/pactl.js';

describe('reading pactl', () => {
  it('takes the first channel’s percentage and the mute', () => {
    expect(
      parseVolume('Volume: front-left: 26214 /  40% / -23.88 dB,   front-right: 26214 /  40% / -23.88 dB\n  balance 0.00'),
    ).toBe(40);
    expect(parseVolume('Volume: mono: 98304 / 150% / 10.57 dB')).toBe(150);
    expect(parseVolume('Connection failure')).toBeUndefined();
    expect(parseMute('Mute: yes')).toBe(true);
    expect(parseMute('Mute: no')).toBe(false);
    expect(parseMute('')).toBeUndefined();
  });
});
