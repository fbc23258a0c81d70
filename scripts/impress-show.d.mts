/** Types of impress-show.mjs. */
export interface ShowSlide {
  /** '#rrggbb': the slide is one rectangle of this colour, so a pixel tells which slide shows. */
  colour: string;
  notes: string[];
}

/** A flat ODF presentation (one XML file): one full-slide rectangle per slide, and its notes. */
export function deckXml(slides: readonly ShowSlide[]): string;

export class ImpressShow {
  /** Starts the show (soffice --show) and waits for its remote control to listen on 1599. */
  static start(display: string, slides: readonly ShowSlide[], remote: { name: string; pin: string }): Promise<ImpressShow>;
  /** Ends the show; `keepFiles` for another try with the same deck and profile. */
  stop(keepFiles?: boolean): Promise<void>;
}
