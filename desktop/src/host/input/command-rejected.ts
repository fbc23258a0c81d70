/** Why a command was not injected: a code the phone words, never a sentence. */
import type { CodeParams } from '@deskremote/shared';

export class CommandRejected extends Error {
  constructor(
    readonly code:
      | 'input-unavailable'
      | 'injection-failed'
      | 'unsupported-text'
      | 'not-in-profile'
      | 'session-closed'
      | 'bad-message',
    readonly params: CodeParams = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
  }
}
