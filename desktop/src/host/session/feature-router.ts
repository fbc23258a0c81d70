/**
 * Commands that are not input (the talk timer, the screen preview, the laser pointer) go to the feature
 * that owns them, never to the input queue. A feature registers a handler per command type; a session
 * hands over what it received and the feature answers through the session's port.
 */
import { type ClientMessage, type FeatureCommand, FeatureCommandTypes, type HostMessage } from '@deskremote/shared';
import { Rejected } from './rejected.js';

/** What a feature may do with the session that sent a command. */
export interface SessionPort {
  readonly id: string;
  readonly deviceId: string | undefined;
  send(message: HostMessage): void;
  /** Bytes the socket has not yet handed to the network (a slow phone has many). */
  readonly bufferedBytes: number;
}

/** The schema says which commands are a feature's (shared/messages.ts FeatureCommand): no list kept here. */
export type { FeatureCommand };
export type FeatureCommandType = FeatureCommand['t'];

/** 'ack': the session acknowledges it. 'answered': the feature answered itself (a preview frame) or needs no answer. */
export type FeatureOutcome = 'ack' | 'answered';

type Handler<K extends FeatureCommandType> = (
  session: SessionPort,
  command: Extract<FeatureCommand, { t: K }>,
) => FeatureOutcome | Promise<FeatureOutcome>;

const FEATURE_TYPES: ReadonlySet<string> = new Set<string>(FeatureCommandTypes);

export function isFeatureCommand(message: ClientMessage): message is FeatureCommand {
  return FEATURE_TYPES.has(message.t);
}

export class FeatureRouter {
  private readonly handlers = new Map<FeatureCommandType, Handler<FeatureCommandType>>();
  private readonly closeListeners = new Set<(session: SessionPort) => void>();
  private readonly openListeners = new Set<(session: SessionPort) => void>();

  on<K extends FeatureCommandType>(type: K, handler: Handler<K>): void {
    this.handlers.set(type, handler as unknown as Handler<FeatureCommandType>);
  }

  /** A phone's session is open (after the snapshot): a feature may tell it what concerns this phone alone. */
  onSessionOpened(listener: (session: SessionPort) => void): void {
    this.openListeners.add(listener);
  }

  sessionOpened(session: SessionPort): void {
    for (const listener of this.openListeners) listener(session);
  }

  /** A feature forgets what it kept for a session (a pending preview request, a laser dot). */
  onSessionClosed(listener: (session: SessionPort) => void): void {
    this.closeListeners.add(listener);
  }

  /** Asked before every command: a rejection refuses it before its feature sees it (remote control paused). */
  private gate: (type: FeatureCommandType) => Rejected | undefined = () => undefined;

  setGate(gate: (type: FeatureCommandType) => Rejected | undefined): void {
    this.gate = gate;
  }

  async run(session: SessionPort, command: FeatureCommand): Promise<FeatureOutcome> {
    const refused = this.gate(command.t);
    if (refused) throw refused;
    const handler = this.handlers.get(command.t);
    if (!handler) throw new Rejected('bad-message', { type: command.t });
    return handler(session, command as never);
  }

  sessionClosed(session: SessionPort): void {
    for (const listener of this.closeListeners) listener(session);
  }
}
