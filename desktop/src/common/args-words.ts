/**
 * A mistake on the command line, worded once for both places that say it: the headless host's terminal and the
 * app's start-up dialog (the options are the same, host/host-args.ts).
 */
import type { HostArgsError } from '../host/host-args.js';
import { type Say, wordTable } from './word-table.js';

type Code = HostArgsError['code'];

const en: Record<Code, string> = {
  'bad-port': '--port needs a port number from 0 to 65535, not “{value}”.',
  'bad-impress-port': '--impress-port needs a port number from 1 to 65535, or “off”, not “{value}”.',
  'bad-value': '{option} was given the wrong kind of value (or none).',
  'unknown-option': 'Unknown option {option}.',
  'unexpected-argument': 'Unexpected argument “{value}”.',
};
const zh: Record<Code, string> = {
  'bad-port': '--port 需要 0 到 65535 之间的端口号，而不是“{value}”。',
  'bad-impress-port': '--impress-port 需要 1 到 65535 之间的端口号或“off”，而不是“{value}”。',
  'bad-value': '{option} 的值不对（或者没有给值）。',
  'unknown-option': '不认识的选项 {option}。',
  'unexpected-argument': '多余的参数“{value}”。',
};

const argsWords = wordTable(en, zh);

/** The mistake in the reader's language. */
export function sayArgsError(language: string | undefined, error: HostArgsError): string {
  const { code, ...params } = error;
  return (argsWords(language) as Say<Code>)(code, params);
}
