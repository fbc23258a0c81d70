/**
 * A start that fails says so in a dialog, in the system's language (English or Simplified Chinese), and
 * the process ends with code 1: a desktop app started from a menu has no terminal to read an error in.
 * The wording is pure; the dialog and the exit are passed in.
 */
import { sayArgsError } from '../common/args-words.js';
import { wordTable } from '../common/word-table.js';
import type { HostArgsError } from '../host/host-args.js';

/** A mistake on the app's command line, carried to the dialog as its code. */
export class AppArgsError extends Error {
  constructor(readonly detail: HostArgsError) {
    super(detail.code);
  }
}

const en = {
  title: 'DeskRemote could not start',
  generic: 'DeskRemote could not start:\n\n{error}',
  addressInUse: 'Another program is already using the network port DeskRemote needs.\n\n{error}',
  notAllowed: 'The system does not allow DeskRemote to use this network port or address.\n\n{error}',
  noAddress: 'The address given with --bind is not one of this computer’s.\n\n{error}',
};
type Key = keyof typeof en;
const zh: Record<Key, string> = {
  title: 'DeskRemote 无法启动',
  generic: 'DeskRemote 无法启动：\n\n{error}',
  addressInUse: '另一个程序正在使用 DeskRemote 需要的网络端口。\n\n{error}',
  notAllowed: '系统不允许 DeskRemote 使用这个网络端口或地址。\n\n{error}',
  noAddress: '用 --bind 指定的地址不属于这台电脑。\n\n{error}',
};

const BY_ERRNO: Record<string, Key> = { EADDRINUSE: 'addressInUse', EACCES: 'notAllowed', EADDRNOTAVAIL: 'noAddress' };

const failureWords = wordTable(en, zh);

export function startupFailureWords(locale: string, error: unknown): { title: string; message: string } {
  const say = failureWords(locale);
  if (error instanceof AppArgsError) return { title: say('title'), message: sayArgsError(locale, error.detail) };
  const message = error instanceof Error ? error.message : String(error);
  const errno = (error as { code?: unknown } | undefined)?.code;
  return { title: say('title'), message: say((typeof errno === 'string' && BY_ERRNO[errno]) || 'generic', { error: message }) };
}

export interface FailureEffects {
  locale(): string;
  showErrorBox(title: string, message: string): void;
  exit(code: number): void;
  log(line: string): void;
}

export function failStartup(error: unknown, effects: FailureEffects): void {
  const { title, message } = startupFailureWords(effects.locale(), error);
  effects.log(`${title}: ${error instanceof Error ? error.message : String(error)}`);
  effects.showErrorBox(title, message);
  effects.exit(1);
}
