/**
 * DeskRemote as one of LibreOffice Impress's remotes: connects to Impress's remote control on this
 * computer (127.0.0.1 only), pairs under a name and PIN of its own (the person types the PIN into Impress
 * once; Impress remembers it), then follows the show: slide count, the current slide, each slide's notes
 * and picture, and sends next, previous, go to slide and blank screen.
 * Impress must have "Enable remote control" on (Tools › Options › LibreOffice Impress › General); until
 * it answers, this tries again every few seconds, which costs one refused local connection.
 */
import { connect, type Socket } from 'node:net';
import type { ShowLinkStatus } from '@deskremote/shared';
import {
  commandText,
  IMPRESS_REMOTE_PORT,
  type ImpressCommand,
  type ImpressEvent,
  MessageSplitter,
  pairMessage,
  readMessage,
} from './impress-protocol.js';

/** What Impress has told about its running show. */
export interface ImpressShow {
  title: string;
  count: number;
  /** From 0, as on the wire. */
  current: number;
  notes: Map<number, string>;
  previews: Map<number, Buffer>;
}

export interface ImpressRemoteOptions {
  name: string;
  pin: string;
  port?: number;
  /** Between attempts while Impress does not answer. */
  retryMs?: number;
  onChange: () => void;
  log?: (line: string) => void;
}

export class ImpressRemote {
  status: ShowLinkStatus = 'no-answer';
  show: ImpressShow | undefined;
  private socket: Socket | undefined;
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;
  private title = '';

  constructor(private readonly options: ImpressRemoteOptions) {
    this.attempt();
  }

  /** Sends a command to the show; false where Impress is not connected (the caller falls back to keys). */
  send(command: ImpressCommand): boolean {
    if (this.status !== 'connected' || !this.socket) return false;
    this.socket.write(commandText(command));
    return true;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retry);
    this.socket?.destroy();
  }

  private attempt(): void {
    if (this.stopped) return;
    const socket = connect({ host: '127.0.0.1', port: this.options.port ?? IMPRESS_REMOTE_PORT });
    this.socket = socket;
    const splitter = new MessageSplitter();
    socket.setNoDelay(true);
    socket.on('connect', () => socket.write(pairMessage(this.options.name, this.options.pin)));
    socket.on('data', (chunk) => {
      const sane = splitter.push(chunk, (lines) => {
        const event = readMessage(lines);
        if (event) this.apply(event);
      });
      if (!sane) {
        this.options.log?.('Impress remote: a message past any sane size; dropping the link');
        socket.destroy();
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      const changed = this.status !== 'no-answer' || this.show !== undefined;
      this.status = 'no-answer';
      this.show = undefined;
      if (changed) this.options.onChange();
      if (!this.stopped) this.retry = setTimeout(() => this.attempt(), this.options.retryMs ?? 3000);
    });
  }

  private apply(event: ImpressEvent): void {
    switch (event.kind) {
      case 'waiting-for-pin':
        this.status = 'waiting-for-pin';
        this.options.log?.(`Impress remote: waiting for the PIN ${this.options.pin} to be typed into Impress`);
        break;
      case 'paired':
        this.status = 'connected';
        this.options.log?.('Impress remote: connected');
        break;
      case 'started':
        this.show = {
          title: this.title,
          count: event.count,
          current: Math.min(event.current, event.count - 1),
          notes: new Map(),
          previews: new Map(),
        };
        break;
      case 'title':
        this.title = event.title;
        if (this.show) this.show.title = event.title;
        break;
      case 'finished':
        this.show = undefined;
        break;
      case 'slide':
        if (!this.show || event.current >= this.show.count) return;
        this.show.current = event.current;
        break;
      case 'notes':
        if (!this.show || event.slide >= this.show.count) return;
        this.show.notes.set(event.slide, event.text);
        break;
      case 'preview':
        if (!this.show || event.slide >= this.show.count) return;
        this.show.previews.set(event.slide, event.png);
        break;
    }
    this.options.onChange();
  }
}
