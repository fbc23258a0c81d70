/**
 * Why a command was refused, the one way every part of the host says it: a code the phone words (never a
 * sentence) and its parameters. 'session-closed': the phone left before the command's turn; nothing is
 * sent back.
 */
import type { CodeParams, ErrorCode } from '@deskremote/shared';

export class Rejected extends Error {
  constructor(
    readonly code: ErrorCode | 'session-closed',
    readonly params: CodeParams = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
  }
}
