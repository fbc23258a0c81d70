/**
 * The running slide show as the slide app itself tells it (LibreOffice Impress through its remote-control
 * protocol; PDF viewers and PowerPoint where they tell): how many slides, which one shows, the notes of
 * each, and pictures of the slides. Schemas only; messages.ts places them. Apps that tell nothing keep the
 * keys and the live screen preview, and `show` stays null.
 */
import * as v from 'valibot';
import { SentAt } from './lateness.js';

const CommandId = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 31 - 1));

export const ShowSources = ['impress', 'okular', 'evince', 'pdfpc', 'powerpoint', 'keynote'] as const;
export const MAX_SHOW_SLIDES = 9999;
/** The notes of one slide, as much as a speaker can read on a phone (and within one frame, in Chinese too). */
export const MAX_NOTES_CHARS = 2000;
const SlideNumber = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_SHOW_SLIDES));

export const SlideShow = v.strictObject({
  source: v.picklist(ShowSources),
  /** The presentation's name as the app gives it (a file name). */
  title: v.pipe(v.string(), v.maxLength(200)),
  count: SlideNumber,
  /** The slide on the screen, from 1. */
  current: SlideNumber,
  /**
   * How many slides' pictures and notes the host holds (from slide 1 on; the app sends them one after
   * another as the show starts): a phone asks for a slide's once it is there. Kept out of the state, which
   * every phone gets whole on each change, and asked for one slide at a time.
   */
  ready: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_SHOW_SLIDES)),
  /** Changes when the presentation does (another file, the show restarted): phones forget the pictures they have. */
  revision: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/**
 * The link to the slide app's remote control. LibreOffice's must be switched on in its options and then
 * lets DeskRemote in once the PIN is typed into Impress (Slide Show › Impress Remote); after that for good.
 */
export const ShowLinkStatuses = ['off', 'no-answer', 'waiting-for-pin', 'connected'] as const;
export const ShowLink = v.strictObject({
  impress: v.picklist(ShowLinkStatuses),
  /** The four digits to type into Impress while it is 'waiting-for-pin'. */
  pin: v.pipe(v.string(), v.regex(/^\d{4}$/)),
  /** The name Impress lists this computer's DeskRemote under. */
  name: v.pipe(v.string(), v.maxLength(100)),
});

/** Shows slide `slide` (from 1) of the running show. */
export const ShowGotoCommand = v.strictObject({ t: v.literal('showGoto'), id: CommandId, slide: SlideNumber, at: SentAt });
/** Asks for the picture of slide `slide`; answered by one binary image frame with this id (as preview frames are). */
export const ShowPictureCommand = v.strictObject({
  t: v.literal('showPicture'),
  id: CommandId,
  slide: SlideNumber,
  at: SentAt,
});

/** Asks for the notes of slide `slide`; answered by one `showNotes` message with this id. */
export const ShowNotesCommand = v.strictObject({
  t: v.literal('showNotes'),
  id: CommandId,
  slide: SlideNumber,
  at: SentAt,
});
/** The notes of one slide, as plain text (the app's markup already taken out); '' where it has none. */
export const ShowNotesMessage = v.strictObject({
  t: v.literal('showNotes'),
  id: CommandId,
  slide: SlideNumber,
  text: v.pipe(v.string(), v.maxLength(MAX_NOTES_CHARS)),
});

export type ShowSource = (typeof ShowSources)[number];
export type SlideShow = v.InferOutput<typeof SlideShow>;
export type ShowLinkStatus = (typeof ShowLinkStatuses)[number];
export type ShowLink = v.InferOutput<typeof ShowLink>;
export type ShowNotesMessage = v.InferOutput<typeof ShowNotesMessage>;
