/**
 * Protocol version 3 (version 2 plus the speaker's and the sofa's messages, and the host's clock in state
 * messages): every message either side sends, as valibot schemas. Before the welcome only the challenge
 * and one authentication message travel, in the clear; everything from the welcome on is encrypted by the
 * frame channel. Codes cross the wire, never sentences: each side words them itself.
 * These schemas are the single source of truth; the TypeScript types are inferred from them.
 */
import * as v from 'valibot';
import { MAX_DEVICE_NAME_CHARS, MAX_TEXT_CHARS, PROTOCOL_VERSION } from './constants.js';
import { KeyNames, Modifiers } from './keys.js';
import { SentAt } from './lateness.js';
import {
  FocusedWindow,
  LaserCommand,
  PresenterCue,
  PresenterTools,
  PreviewCommand,
  type PreviewFrame,
  SlideCommand,
  TalkTimer,
  TimerCommand,
  TimerPlanCommand,
} from './presenter.js';
import { ShowGotoCommand, ShowLink, ShowNotesCommand, ShowNotesMessage, ShowPictureCommand, SlideShow } from './slide-show.js';
import {
  ArtCommand,
  MediaState,
  MediaWatchCommand,
  PhoneSettingsMessage,
  PlayerId,
  SaveDeckCommand,
  SaveTouchpadCommand,
  SeekCommand,
  VolumeCommand,
  VolumeState,
  ZoomCommand,
} from './sofa.js';

export { KeyNames, Modifiers };

const Base64Url = (min: number, max: number) =>
  v.pipe(v.string(), v.minLength(min), v.maxLength(max), v.regex(/^[A-Za-z0-9_-]+$/));

export const DeviceId = Base64Url(16, 64);
const Nonce = Base64Url(16, 64);
/** HMAC-SHA256, base64url: 43 characters. */
const Proof = Base64Url(43, 43);
/** An X25519 public key, base64url: 43 characters. */
const PublicKey = Base64Url(43, 43);
/** Parameters of a code (a display name, a count): short values the reader's language places in its own sentence. */
export const CodeParams = v.pipe(
  v.record(v.pipe(v.string(), v.maxLength(24)), v.union([v.pipe(v.string(), v.maxLength(200)), v.number()])),
  v.check((value) => Object.keys(value).length <= 8, 'too many parameters'),
);
/** Discrete commands carry an id that the host echoes in its ack or error. */
const CommandId = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 31 - 1));
const Delta = v.pipe(v.number(), v.integer(), v.minValue(-32768), v.maxValue(32767));

export const MouseButtons = ['left', 'right', 'middle'] as const;
export const MediaActions = ['playPause', 'previous', 'next', 'volumeDown', 'volumeUp', 'mute'] as const;

// ---- phone -> host: authentication (the only messages parsed before a session is authenticated)

export const PairMessage = v.strictObject({
  t: v.literal('pair'),
  protocol: v.literal(PROTOCOL_VERSION),
  deviceId: DeviceId,
  deviceName: v.pipe(v.string(), v.maxLength(MAX_DEVICE_NAME_CHARS)),
  clientNonce: Nonce,
  /** The phone's ephemeral X25519 key for this connection. */
  key: PublicKey,
  proof: Proof,
});
export const ResumeMessage = v.strictObject({
  t: v.literal('resume'),
  protocol: v.literal(PROTOCOL_VERSION),
  deviceId: DeviceId,
  clientNonce: Nonce,
  key: PublicKey,
  proof: Proof,
});
export const AuthMessage = v.variant('t', [PairMessage, ResumeMessage]);

// ---- phone -> host: commands

/** Relative pointer motion in desktop pixels. Sent as a 7-byte binary frame (codec.ts). */
export const MoveCommand = v.strictObject({ t: v.literal('move'), dx: Delta, dy: Delta, at: SentAt });
/** Scroll in phone pixels (positive dy scrolls the content down). Sent as a 7-byte binary frame (codec.ts). */
export const ScrollCommand = v.strictObject({ t: v.literal('scroll'), dx: Delta, dy: Delta, at: SentAt });
export const ClickCommand = v.strictObject({
  t: v.literal('click'),
  id: CommandId,
  button: v.picklist(MouseButtons),
  double: v.optional(v.boolean()),
  at: SentAt,
});
/** Press or release a button and keep it so (drags). Held buttons are released when the session ends. */
export const ButtonCommand = v.strictObject({
  t: v.literal('button'),
  id: CommandId,
  button: v.picklist(MouseButtons),
  down: v.boolean(),
  at: SentAt,
});
export const KeyCommand = v.strictObject({
  t: v.literal('key'),
  id: CommandId,
  key: v.picklist(KeyNames),
  mods: v.optional(v.pipe(v.array(v.picklist(Modifiers)), v.maxLength(4))),
  at: SentAt,
});
/**
 * Press or release one key or modifier and keep it so (sticky modifiers, Alt held across Tabs). Held
 * keys are tracked by the host and released when the session ends or after a time limit.
 */
export const HoldCommand = v.strictObject({
  t: v.literal('hold'),
  id: CommandId,
  key: v.picklist([...KeyNames, ...Modifiers]),
  down: v.boolean(),
  at: SentAt,
});
export const TextCommand = v.strictObject({
  t: v.literal('text'),
  id: CommandId,
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TEXT_CHARS)),
  at: SentAt,
});
export const MediaCommand = v.strictObject({
  t: v.literal('media'),
  id: CommandId,
  action: v.picklist(MediaActions),
  /** The player the phone chose; absent: the one that played last (or media keys where there is no MPRIS). */
  player: v.optional(PlayerId),
  at: SentAt,
});
/** Release every key and button this phone holds (the page is going to the background). */
export const ReleaseCommand = v.strictObject({ t: v.literal('release'), id: CommandId, at: SentAt });
export const PingMessage = v.strictObject({ t: v.literal('ping'), id: CommandId, at: SentAt });

/** Commands the input queue carries out, one after another, as keys, pointer, wheel and text. */
export const InputCommand = v.variant('t', [
  MoveCommand,
  ScrollCommand,
  ZoomCommand,
  ClickCommand,
  ButtonCommand,
  KeyCommand,
  HoldCommand,
  TextCommand,
  SlideCommand,
  ReleaseCommand,
]);
/**
 * Commands a feature owns (the talk timer, the screen preview, the laser, media players, the volume, the
 * phone's own settings, the slide show): each is registered by its feature, never injected as input.
 */
export const FeatureCommand = v.variant('t', [
  TimerCommand,
  TimerPlanCommand,
  PreviewCommand,
  LaserCommand,
  MediaCommand,
  MediaWatchCommand,
  SeekCommand,
  ArtCommand,
  VolumeCommand,
  SaveTouchpadCommand,
  SaveDeckCommand,
  ShowGotoCommand,
  ShowPictureCommand,
  ShowNotesCommand,
]);
/** Everything a phone sends: input, a feature's command, or a ping (which the session answers itself). */
export const ClientMessage = v.variant('t', [...InputCommand.options, ...FeatureCommand.options, PingMessage]);

// ---- host -> phone

export const Platforms = ['linux', 'darwin', 'win32', 'other'] as const;
/**
 * Whether the host can inject input. 'limited' still injects (a Wayland session reaches only
 * XWayland windows; macOS permission unknown); 'unavailable' refuses every command with an error.
 */
export const InputStatuses = ['ready', 'limited', 'unavailable', 'checking'] as const;
export const InputIssueCodes = [
  'ok',
  'checking',
  'no-display',
  'display-unreachable',
  /** Wayland without a RemoteDesktop portal (wlroots compositors): XWayland windows only. */
  'wayland',
  /** Wayland without a RemoteDesktop portal and without XWayland: nothing can be injected. */
  'wayland-no-portal',
  /** The portal's permission: not asked yet, its dialog on screen, refused, the session ended, or an error. */
  'portal-not-asked',
  'portal-asking',
  'portal-refused',
  'portal-closed',
  'portal-failed',
  'mac-permission',
  'mac-permission-unknown',
  /** Windows or macOS: the exact-text typer (SendInput, CoreGraphics) did not load; only ASCII can be typed. */
  'text-ascii-only',
  'driver-failed',
  'unsupported-platform',
  /** The person at the computer paused remote control (the desktop window, the tray or the terminal). */
  'paused',
] as const;

export const HostInfo = v.strictObject({
  name: v.string(),
  platform: v.picklist(Platforms),
  version: v.string(),
});
export const InputAvailability = v.strictObject({
  status: v.picklist(InputStatuses),
  code: v.picklist(InputIssueCodes),
  /** For example the X display that cannot be reached, or the driver's own error text. */
  params: v.optional(CodeParams),
});
export const DeviceSummary = v.strictObject({
  id: DeviceId,
  name: v.string(),
  connected: v.boolean(),
  pairedAt: v.number(),
  lastSeenAt: v.number(),
});
export const HostState = v.strictObject({
  host: HostInfo,
  input: InputAvailability,
  devices: v.array(DeviceSummary),
  /** The window with the keyboard focus and the slide profile picked for it; null where it cannot be known. */
  focus: v.nullable(FocusedWindow),
  timer: TalkTimer,
  presenterTools: PresenterTools,
  /** The last cue from the desktop window, or null. */
  cue: v.nullable(PresenterCue),
  /** The running slide show as the slide app tells it; null where none runs or the app tells nothing. */
  show: v.nullable(SlideShow),
  showLink: ShowLink,
  media: MediaState,
  /** The default output's level and mute; null where neither pactl nor wpctl answers. */
  volume: v.nullable(VolumeState),
});

/** The host's first frame, in the clear. The protocol number lets an old page know it must reload. */
export const ChallengeMessage = v.strictObject({
  t: v.literal('challenge'),
  protocol: v.number(),
  nonce: Nonce,
  /** The host's ephemeral X25519 key for this connection. */
  key: PublicKey,
});
/**
 * The first encrypted frame. That it decrypts proves the host holds the credential, so the phone knows
 * it reached the computer it paired with.
 */
export const WelcomeMessage = v.strictObject({
  t: v.literal('welcome'),
  protocol: v.literal(PROTOCOL_VERSION),
  deviceId: DeviceId,
});
/**
 * A new phone's proof is good and the person at the computer is being asked to allow it: the phone shows
 * the code both screens share. The first encrypted frame in that case (the welcome follows if allowed);
 * without approvals it is never sent, so the phone never flashes a question nobody is asked.
 */
export const ApprovingMessage = v.strictObject({ t: v.literal('approving') });
/** The host's clock when a state message was sent: a phone corrects the talk timer for its own clock. */
const HostNow = v.pipe(v.number(), v.integer(), v.minValue(0));
/** The whole state, sent once after welcome. */
export const SnapshotMessage = v.strictObject({ t: v.literal('snapshot'), state: HostState, now: HostNow });
/** Top-level keys of HostState that changed, each replaced whole. */
export const ChangesMessage = v.strictObject({ t: v.literal('changes'), changes: v.partial(HostState), now: HostNow });
export const AckMessage = v.strictObject({ t: v.literal('ack'), id: CommandId });
/**
 * A text still being typed (a long one, or one waiting for a busy application): sent about every
 * second until its ack or error, so the phone shows progress instead of calling the host silent. `done`
 * of `total` characters (grapheme clusters) typed; total 0 when the driver does not count.
 */
export const ProgressMessage = v.strictObject({
  t: v.literal('progress'),
  id: CommandId,
  done: v.pipe(v.number(), v.integer(), v.minValue(0)),
  total: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export const ErrorCodes = [
  'bad-message',
  'rate-limited',
  'input-unavailable',
  'injection-failed',
  'unsupported-text',
  /** Unasked, no id: the host let go of a key (params.key) held past its time limit without renewal. */
  'held-too-long',
  /** The slide app's profile has no such action (params.profile, params.action): Okular has no white screen. */
  'not-in-profile',
  /** No preview here (params.why): no display to grab, or the grab failed. */
  'preview-unavailable',
  /** The laser pointer needs the desktop app's overlay window; the headless host has none. */
  'needs-desktop-app',
  /** No such media player (params.player), or it does not allow that (params.action). */
  'player-unavailable',
  /** The system's volume cannot be read or set here (params.why). */
  'volume-unavailable',
  /** No slide show whose app tells its slides runs now, or it has no such slide (params.slide). */
  'no-show',
  /**
   * The command reached the host too late to be acted on (a stalled link; see lateness.ts) and was not:
   * params.lateMs how late, params.limitMs the limit for its kind.
   */
  'too-late',
] as const;
export const ErrorMessage = v.strictObject({
  t: v.literal('error'),
  id: v.optional(CommandId),
  code: v.picklist(ErrorCodes),
  /** The input problem behind 'input-unavailable', a character behind 'unsupported-text', and so on. */
  params: v.optional(CodeParams),
});
export const PongMessage = v.strictObject({ t: v.literal('pong'), id: CommandId });
/**
 * Why the host is about to close an open session. Close codes are not authenticated, so the phone
 * forgets its pairing or reloads only when told so here, inside the encrypted channel.
 */
export const ByeReasons = ['revoked', 'reload', 'replaced', 'host-stopping'] as const;
export const ByeMessage = v.strictObject({ t: v.literal('bye'), reason: v.picklist(ByeReasons) });

export const ServerMessage = v.variant('t', [
  ChallengeMessage,
  WelcomeMessage,
  ApprovingMessage,
  SnapshotMessage,
  ChangesMessage,
  AckMessage,
  ProgressMessage,
  ErrorMessage,
  PongMessage,
  ByeMessage,
  PhoneSettingsMessage,
  ShowNotesMessage,
]);

/** Every command type a phone may send, from the schema itself (the host announces them in its welcome). */
export const ClientCommandTypes = ClientMessage.options.map((option) => option.entries.t.literal);
/** The types each feature registers a handler for; the rest is input (or the session's ping). */
export const FeatureCommandTypes = FeatureCommand.options.map((option) => option.entries.t.literal);

export type AuthMessage = v.InferOutput<typeof AuthMessage>;
export type PairMessage = v.InferOutput<typeof PairMessage>;
export type ResumeMessage = v.InferOutput<typeof ResumeMessage>;
export type ClientMessage = v.InferOutput<typeof ClientMessage>;
export type InputCommand = v.InferOutput<typeof InputCommand>;
export type FeatureCommand = v.InferOutput<typeof FeatureCommand>;
export type MoveCommand = v.InferOutput<typeof MoveCommand>;
export type ScrollCommand = v.InferOutput<typeof ScrollCommand>;
export type ServerMessage = v.InferOutput<typeof ServerMessage>;
export type ProgressMessage = v.InferOutput<typeof ProgressMessage>;
export type HostState = v.InferOutput<typeof HostState>;
export type HostInfo = v.InferOutput<typeof HostInfo>;
export type InputAvailability = v.InferOutput<typeof InputAvailability>;
export type DeviceSummary = v.InferOutput<typeof DeviceSummary>;
export type ErrorCode = (typeof ErrorCodes)[number];
export type CodeParams = v.InferOutput<typeof CodeParams>;
export type InputIssueCode = (typeof InputIssueCodes)[number];
export type ByeReason = (typeof ByeReasons)[number];
export type KeyName = (typeof KeyNames)[number];
export type Modifier = (typeof Modifiers)[number];
/** A key or a modifier that can be held down. */
export type HoldableKey = KeyName | Modifier;
export type MouseButton = (typeof MouseButtons)[number];
export type MediaAction = (typeof MediaActions)[number];
export type Platform = (typeof Platforms)[number];

/** Commands that are answered with an ack or an error (everything but pointer deltas). */
export type DiscreteCommand = Exclude<ClientMessage, MoveCommand | ScrollCommand | ZoomCommand | LaserCommand | { t: 'ping' }>;
/** Every message the host sends: the JSON ones, and preview frames (binary). */
export type HostMessage = ServerMessage | PreviewFrame;
/** What a discrete command looks like before the connection gives it an id. */
export type DiscreteCommandInput = DiscreteCommand extends infer C ? (C extends DiscreteCommand ? Omit<C, 'id'> : never) : never;
