/** What the media feature needs of a platform's list of players: MPRIS on Linux, the media sessions on Windows. */
export interface PlayerSource {
  has(id: string | undefined): boolean;
  command(id: string | undefined, action: 'playPause' | 'next' | 'previous'): Promise<void>;
  seek(id: string | undefined, positionMs: number): Promise<void>;
  /** Positions are not signalled: read while someone looks. */
  refreshPositions(): Promise<void>;
  /** A local image file of the player's album art, where it names one. */
  artFile(id: string): string | undefined;
  close(): void;
}
