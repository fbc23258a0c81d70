/**
 * LibreOffice Impress's remote-control protocol (the one its Impress Remote apps speak, on TCP port 1599):
 * UTF-8 text, a message is lines ending in an empty line. This module only splits and reads messages and
 * writes commands; impress-remote.ts keeps the socket. Slide numbers on the wire count from 0.
 * What LibreOffice sends was read in its source (sd/source/ui/remotecontrol) and checked against 7.4.
 */

export const IMPRESS_REMOTE_PORT = 1599;
/** A message larger than this is not LibreOffice's (its largest, a 320×240 PNG in base64, is tens of KB). */
export const MAX_IMPRESS_MESSAGE_BYTES = 4 * 1024 * 1024;

export type ImpressEvent =
  | { kind: 'paired' }
  | { kind: 'waiting-for-pin' }
  | { kind: 'started'; count: number; current: number }
  | { kind: 'title'; title: string }
  | { kind: 'finished' }
  | { kind: 'slide'; current: number }
  | { kind: 'notes'; slide: number; text: string }
  | { kind: 'preview'; slide: number; png: Buffer };

/** Splits the byte stream into messages; complains (returns false) when one grows past any sane size. */
export class MessageSplitter {
  private pending = '';
  private readonly decoder = new TextDecoder('utf-8');

  push(chunk: Uint8Array, onMessage: (lines: string[]) => void): boolean {
    this.pending += this.decoder.decode(chunk, { stream: true });
    for (let end = this.pending.indexOf('\n\n'); end !== -1; end = this.pending.indexOf('\n\n')) {
      const message = this.pending.slice(0, end);
      this.pending = this.pending.slice(end + 2);
      if (message.length > 0) onMessage(message.split('\n'));
    }
    return this.pending.length <= MAX_IMPRESS_MESSAGE_BYTES;
  }
}

const index = (value: string | undefined): number | undefined => {
  if (value === undefined || !/^\d{1,5}$/.test(value)) return undefined;
  return Number(value);
};

/**
 * Impress sends notes as `<html><body>…</body></html>` with `<br/>` for line ends, and the text itself
 * unescaped (a `<` the speaker typed arrives as `<`): only those wrappers are taken out, nothing else is
 * read as markup, and the phone shows the result as text.
 */
export function notesText(html: string): string {
  const body = html.replace(/^<html><body>/, '').replace(/<\/(?:body><\/html|html><\/body)>$/, '');
  return body.replace(/<br\/>/g, '\n').replace(/\n+$/, '');
}

/** One message from Impress, or undefined for one DeskRemote has no use for (or malformed). */
export function readMessage(lines: string[]): ImpressEvent | undefined {
  const [head, first, second] = lines;
  switch (head) {
    case 'LO_SERVER_SERVER_PAIRED':
      return { kind: 'paired' };
    case 'LO_SERVER_VALIDATING_PIN':
      return { kind: 'waiting-for-pin' };
    case 'slideshow_started': {
      const count = index(first);
      const current = index(second);
      if (count === undefined || current === undefined || count === 0) return undefined;
      return { kind: 'started', count, current };
    }
    case 'slideshow_info':
      return first === undefined ? undefined : { kind: 'title', title: first };
    case 'slideshow_finished':
      return { kind: 'finished' };
    case 'slide_updated': {
      const current = index(first);
      return current === undefined ? undefined : { kind: 'slide', current };
    }
    case 'slide_notes': {
      const slide = index(first);
      // The notes' own line ends are <br/>: a message's lines after the number are one text.
      return slide === undefined ? undefined : { kind: 'notes', slide, text: notesText(lines.slice(2).join('\n')) };
    }
    case 'slide_preview': {
      const slide = index(first);
      if (slide === undefined || second === undefined || !/^[A-Za-z0-9+/=]+$/.test(second)) return undefined;
      return { kind: 'preview', slide, png: Buffer.from(second, 'base64') };
    }
    default:
      return undefined;
  }
}

export type ImpressCommand =
  | { kind: 'next' }
  | { kind: 'previous' }
  | { kind: 'goto'; slide: number }
  | { kind: 'blank' }
  | { kind: 'resume' }
  | { kind: 'start' }
  | { kind: 'stop' };

export function pairMessage(name: string, pin: string): string {
  // A name with a line end would end the message early: Impress would read the rest as commands.
  return `LO_SERVER_CLIENT_PAIR\n${name.replace(/[\r\n]/g, ' ')}\n${pin}\n\n`;
}

export function commandText(command: ImpressCommand): string {
  switch (command.kind) {
    case 'next':
      return 'transition_next\n\n';
    case 'previous':
      return 'transition_previous\n\n';
    case 'goto':
      return `goto_slide\n${Math.max(0, Math.trunc(command.slide))}\n\n`;
    case 'blank':
      return 'presentation_blank_screen\n\n';
    case 'resume':
      return 'presentation_resume\n\n';
    case 'start':
      return 'presentation_start\n\n';
    case 'stop':
      return 'presentation_stop\n\n';
  }
}
