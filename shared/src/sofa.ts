/**
 * The sofa's part of the protocol: what is playing (MPRIS players), the system's volume, the touchpad's
 * settings and the deck of buttons, both kept by the host for each phone. Schemas only; messages.ts
 * places them in the phone's and the host's message lists.
 */
import * as v from 'valibot';
import { KeyNames, Modifiers } from './keys.js';
import { SentAt } from './lateness.js';

const CommandId = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 31 - 1));
const Delta = v.pipe(v.number(), v.integer(), v.minValue(-32768), v.maxValue(32767));
const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));

// ---- media players (MPRIS on Linux)

export const MAX_MEDIA_PLAYERS = 6;
/** A player's bus name without the MPRIS prefix (for example 'mpv' or 'firefox.instance_1_23'). */
export const PlayerId = v.pipe(v.string(), v.minLength(1), v.maxLength(80), v.regex(/^[A-Za-z0-9_.-]+$/));
export const PlaybackStatuses = ['playing', 'paused', 'stopped'] as const;
export const MediaPlayer = v.strictObject({
  id: PlayerId,
  /** The player's own name (MPRIS Identity), for example 'mpv Media Player'. */
  name: Text(80),
  status: v.picklist(PlaybackStatuses),
  title: Text(120),
  artist: Text(120),
  album: Text(120),
  /** Changes whenever the album art changes; null when there is none. Fetched with an `art` command. */
  artId: v.nullable(Text(40)),
  /** Position when the state was read (`positionAt`, host clock); null when the player does not say. */
  positionMs: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  positionAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  lengthMs: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  canSeek: v.boolean(),
  canGoNext: v.boolean(),
  canGoPrevious: v.boolean(),
});
export const MediaState = v.strictObject({
  /**
   * 'mpris' (Linux) and 'windows' (its media sessions): commands reach the players below whatever window
   * has focus; 'media-keys': only the focused app, and nothing is known of what plays.
   */
  source: v.picklist(['mpris', 'windows', 'media-keys']),
  players: v.pipe(v.array(MediaPlayer), v.maxLength(MAX_MEDIA_PLAYERS)),
  /** The player that played last: where commands go unless the phone names another. */
  active: v.nullable(PlayerId),
});
/** The phone shows the media panel (on) or stopped showing it (off): positions are polled only while one looks. */
export const MediaWatchCommand = v.strictObject({ t: v.literal('mediaWatch'), id: CommandId, on: v.boolean(), at: SentAt });
export const SeekCommand = v.strictObject({
  t: v.literal('seek'),
  id: CommandId,
  positionMs: v.pipe(v.number(), v.integer(), v.minValue(0)),
  player: v.optional(PlayerId),
  at: SentAt,
});
/** Asks for a player's album art; answered by one binary image frame with this id (as preview frames are). */
export const ArtCommand = v.strictObject({ t: v.literal('art'), id: CommandId, player: PlayerId, at: SentAt });

// ---- the system's volume (PulseAudio or PipeWire)

export const MAX_VOLUME_PERCENT = 150;
export const VolumeState = v.strictObject({
  /** Level of the default output, in percent (above 100 is amplified). */
  level: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_VOLUME_PERCENT)),
  muted: v.boolean(),
  /** 'pulse': pactl (PulseAudio or pipewire-pulse); 'wireplumber': wpctl. */
  source: v.picklist(['pulse', 'wireplumber']),
});
export const VolumeCommand = v.strictObject({
  t: v.literal('volume'),
  id: CommandId,
  level: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_VOLUME_PERCENT))),
  muted: v.optional(v.boolean()),
  at: SentAt,
});

// ---- pinch: as frequent as scrolling, so a short binary delta frame like it

/** Pinch in phone pixels of finger spread (positive: fingers apart, zoom in). Sent as a 7-byte binary frame (codec.ts). */
export const ZoomCommand = v.strictObject({ t: v.literal('zoom'), dx: Delta, dy: Delta, at: SentAt });

// ---- what the host keeps for each phone

export const TouchpadSettings = v.strictObject({
  /** Multiplies pointer motion. */
  sensitivity: v.pipe(v.number(), v.minValue(0.25), v.maxValue(4)),
  /** How much quick flicks are amplified over slow moves: 0 is none. */
  acceleration: v.pipe(v.number(), v.minValue(0), v.maxValue(2)),
  /** Content follows the fingers (as on a phone); false: the scroll bar follows them (a mouse wheel). */
  naturalScroll: v.boolean(),
  tapToClick: v.boolean(),
  /** Left and right buttons along the bottom edge of the pad. */
  edgeButtons: v.boolean(),
});
export const DEFAULT_TOUCHPAD_SETTINGS: v.InferOutput<typeof TouchpadSettings> = {
  sensitivity: 1,
  acceleration: 1,
  naturalScroll: true,
  tapToClick: true,
  edgeButtons: false,
};

export const DeckIcons = [
  'star',
  'play',
  'stop',
  'tab',
  'window',
  'fullscreen',
  'search',
  'mic',
  'camera',
  'text',
  'refresh',
  'close',
] as const;
export const MAX_DECK_BUTTONS = 24;
export const MAX_DECK_STEPS = 16;
export const DeckStep = v.variant('t', [
  v.strictObject({
    t: v.literal('key'),
    key: v.picklist(KeyNames),
    mods: v.optional(v.pipe(v.array(v.picklist(Modifiers)), v.maxLength(4))),
  }),
  v.strictObject({ t: v.literal('text'), text: v.pipe(v.string(), v.minLength(1), v.maxLength(200)) }),
]);
/** A button of the phone's own: a chord or a short sequence of keys and text, made of ordinary commands. */
export const DeckButton = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(16), v.regex(/^[A-Za-z0-9_-]+$/)),
  label: v.pipe(v.string(), v.minLength(1), v.maxLength(24)),
  icon: v.picklist(DeckIcons),
  steps: v.pipe(v.array(DeckStep), v.minLength(1), v.maxLength(MAX_DECK_STEPS)),
});
export const Deck = v.pipe(v.array(DeckButton), v.maxLength(MAX_DECK_BUTTONS));

/** Saves this phone's touchpad settings; the host keeps them and applies them when it comes back. */
export const SaveTouchpadCommand = v.strictObject({
  t: v.literal('saveTouchpad'),
  id: CommandId,
  touchpad: TouchpadSettings,
  at: SentAt,
});
/** Saves this phone's deck, whole (added, edited, reordered or removed buttons). */
export const SaveDeckCommand = v.strictObject({ t: v.literal('saveDeck'), id: CommandId, deck: Deck, at: SentAt });
/** What the host keeps for this phone: sent after the snapshot, and again whenever it changes. */
export const PhoneSettingsMessage = v.strictObject({
  t: v.literal('phoneSettings'),
  touchpad: TouchpadSettings,
  deck: Deck,
});

export type MediaPlayer = v.InferOutput<typeof MediaPlayer>;
export type MediaState = v.InferOutput<typeof MediaState>;
export type PlaybackStatus = (typeof PlaybackStatuses)[number];
export type VolumeState = v.InferOutput<typeof VolumeState>;
export type ZoomCommand = v.InferOutput<typeof ZoomCommand>;
export type TouchpadSettings = v.InferOutput<typeof TouchpadSettings>;
export type DeckIcon = (typeof DeckIcons)[number];
export type DeckStep = v.InferOutput<typeof DeckStep>;
export type DeckButton = v.InferOutput<typeof DeckButton>;
export type Deck = v.InferOutput<typeof Deck>;
export type PhoneSettingsMessage = v.InferOutput<typeof PhoneSettingsMessage>;
