/**
 * The speaker's part of the protocol: slide profiles, the talk timer, the screen preview and the laser
 * pointer. Schemas only; messages.ts places them in the phone's and the host's message lists.
 */
import * as v from 'valibot';
import { SentAt } from './lateness.js';

const CommandId = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 31 - 1));
const Millis = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max));

/** What a speaker asks of the slide app. Not every app has every action (a profile says which it has). */
export const SlideActions = [
  'next',
  'previous',
  /** From the first slide. */
  'start',
  /** From the slide the app shows now. */
  'startHere',
  'end',
  'black',
  'white',
  /** To slide number `slide`. */
  'goto',
] as const;

/** The apps people present with. 'clicker' is what a hardware presentation clicker sends, for anything else. */
export const SlideProfileIds = [
  'powerpoint',
  'powerpoint-mac',
  'keynote',
  'google-slides',
  'impress',
  'evince',
  'okular',
  'adobe-reader',
  'mac-preview',
  'reveal',
  'clicker',
] as const;

export const HIGHEST_SLIDE_NUMBER = 9999;

export const SlideCommand = v.strictObject({
  t: v.literal('slide'),
  id: CommandId,
  action: v.picklist(SlideActions),
  /** For 'goto': the slide's number, from 1. */
  slide: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(HIGHEST_SLIDE_NUMBER))),
  /** The speaker's choice on this phone; absent means the profile the host picked from the focused window. */
  profile: v.optional(v.picklist(SlideProfileIds)),
  at: SentAt,
});

/** The window that has the keyboard focus, and the profile the host picked for it. Null where it cannot be known. */
export const FocusedWindow = v.strictObject({
  /** The application: WM_CLASS's class on X11 (for example 'libreoffice-impress', 'Evince'). */
  app: v.pipe(v.string(), v.maxLength(100)),
  title: v.pipe(v.string(), v.maxLength(200)),
  profile: v.picklist(SlideProfileIds),
});

// ---- the talk timer, owned by the host and the same on every phone

export const MAX_TALK_MS = 10 * 60 * 60_000;
export const MAX_TIMER_WARNINGS = 4;
export const TimerOps = ['start', 'pause', 'reset'] as const;
export const TimerCommand = v.strictObject({ t: v.literal('timer'), id: CommandId, op: v.picklist(TimerOps), at: SentAt });
/** The planned length and the warnings, each given as the time left when it fires (0: overtime). */
export const TimerPlanCommand = v.strictObject({
  t: v.literal('timerPlan'),
  id: CommandId,
  durationMs: v.pipe(Millis(MAX_TALK_MS), v.minValue(60_000)),
  warningsMs: v.pipe(v.array(Millis(MAX_TALK_MS)), v.maxLength(MAX_TIMER_WARNINGS)),
  at: SentAt,
});
export const TimerStatuses = ['idle', 'running', 'paused'] as const;
/**
 * The timer as every phone shows it. Time counts from `runningSince` (the host's clock; snapshot and
 * changes carry the host's `now`, so a phone corrects for its own clock) plus `elapsedMs` banked before.
 */
export const TalkTimer = v.strictObject({
  status: v.picklist(TimerStatuses),
  elapsedMs: Millis(Number.MAX_SAFE_INTEGER),
  runningSince: v.nullable(v.number()),
  durationMs: Millis(MAX_TALK_MS),
  /** Time left at each warning, largest first. */
  warningsMs: v.array(Millis(MAX_TALK_MS)),
  /** How many warnings have fired (the host counts, so every phone and the desktop window agree). */
  warned: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_TIMER_WARNINGS)),
  overtime: v.boolean(),
});

// ---- the screen preview: pulled a frame at a time, so a slow phone gets the newest frame, never a backlog

/** Asks for the next frame; answered by exactly one `frame` carrying this id, or an error with it. */
export const PreviewCommand = v.strictObject({ t: v.literal('preview'), id: CommandId, at: SentAt });
/** A preview frame is the one large message: its own limit, host to phone only. */
export const MAX_PREVIEW_FRAME_BYTES = 512 * 1024;
/** Binary on the wire (tag, id, width, height, JPEG); this is its decoded form. */
export interface PreviewFrame {
  t: 'frame';
  id: number;
  width: number;
  height: number;
  jpeg: Uint8Array;
}

// ---- the laser pointer and the spotlight, drawn by the desktop app's overlay

export const LaserModes = ['dot', 'spotlight', 'off'] as const;
const Unit16 = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65535));
/** Where the finger is on the pad, as a fraction of the screen in 1/65535ths. Binary on the wire (7 bytes). */
export const LaserCommand = v.strictObject({
  t: v.literal('laser'),
  mode: v.picklist(LaserModes),
  x: Unit16,
  y: Unit16,
  at: SentAt,
});

/** What the presenter's tools can do on this host (the laser needs the desktop app's overlay window). */
export const PresenterTools = v.strictObject({
  laser: v.picklist(['ready', 'needs-desktop-app']),
  preview: v.picklist(['ready', 'unavailable']),
});

export type SlideAction = (typeof SlideActions)[number];
export type SlideProfileId = (typeof SlideProfileIds)[number];
export type FocusedWindow = v.InferOutput<typeof FocusedWindow>;
/**
 * Short cues the person at the computer sends to every presenting phone (a stage manager's "five
 * minutes"); each phone words them in its reader's language, flashes its screen and buzzes.
 */
export const CueCodes = ['five-minutes', 'wrap-up', 'questions', 'slow-down', 'speak-up'] as const;
export const PresenterCue = v.strictObject({
  id: v.pipe(v.number(), v.integer(), v.minValue(1)),
  code: v.picklist(CueCodes),
  /** When it was sent, on the host's clock. */
  at: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
/** A cue shows on the phones this long after it was sent (a phone that connects later does not flash it). */
export const CUE_SHOWN_MS = 10_000;
export type CueCode = (typeof CueCodes)[number];
export type PresenterCue = v.InferOutput<typeof PresenterCue>;
export type TimerOp = (typeof TimerOps)[number];
export type TalkTimer = v.InferOutput<typeof TalkTimer>;
export type LaserMode = (typeof LaserModes)[number];
export type LaserCommand = v.InferOutput<typeof LaserCommand>;
export type PresenterTools = v.InferOutput<typeof PresenterTools>;
