import { describe, expect, it } from 'vitest';
import { playerOf, statusOf } from '../../src/host/media/mpris-metadata.js';

const v = (value: unknown) => ({ value });

describe('what a phone is shown of an MPRIS player', () => {
  it('title, artists, album, position and length (µs to ms), what it allows, art only from a local file', () => {
    const player = playerOf(
      'mpv',
      'mpv Media Player',
      {
        PlaybackStatus: v('Playing'),
        Position: v(1_500_000n),
        CanSeek: v(true),
        CanGoNext: v(true),
        CanGoPrevious: v(false),
        Metadata: v({
          'xesam:title': v('Tone'),
          'xesam:artist': v(['A', 'B']),
          'xesam:album': v('Tests'),
          'mpris:length': v(60_000_000n),
          'mpris:trackid': v('/org/mpv/Track/0'),
          'mpris:artUrl': v('file:///tmp/cover.png'),
        }),
      },
      1234,
    );
    expect(player).toMatchObject({
      status: 'playing',
      title: 'Tone',
      artist: 'A, B',
      album: 'Tests',
      positionMs: 1500,
      positionAt: 1234,
      lengthMs: 60_000,
      canSeek: true,
      canGoNext: true,
      canGoPrevious: false,
      trackId: '/org/mpv/Track/0',
    });
    expect(player.artId).not.toBeNull();
    const remote = playerOf('x', 'X', { Metadata: v({ 'mpris:artUrl': v('https://example.com/a.jpg') }) }, 0);
    expect(remote.artId).toBeNull();
    expect(remote.positionMs).toBeNull();
    expect(statusOf('Stopped')).toBe('stopped');
    expect(statusOf(undefined)).toBe('stopped');
  });
});
