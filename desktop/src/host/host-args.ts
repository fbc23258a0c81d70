/**
 * The host's options on the command line, the same for the headless host (cli.ts) and the desktop app
 * (electron/main.ts), so `deskremote --port 9000` and `DeskRemote --port 9000` mean one thing. Pure: it
 * reads the arguments it is given and returns typed options or a typed error, which each entry words.
 */
import { parseArgs } from 'node:util';

export interface HostArgs {
  /** Undefined: the port saved in settings.json. */
  port?: number;
  bind?: string;
  /** Extra names phones reach this computer by (repeatable). */
  names?: string[];
  dataDir?: string;
  /** LibreOffice Impress's remote-control port (1599 when absent); false: 'off', do not look for Impress. */
  impressPort?: number | false;
  approveAll: boolean;
  /** CLI only; the app accepts it and ignores it (npm start passes the same arguments to both). */
  noQr: boolean;
  /** CLI only, as above. */
  headless: boolean;
  help: boolean;
}

export type HostArgsError =
  | { code: 'bad-port'; value: string }
  | { code: 'bad-impress-port'; value: string }
  | { code: 'unknown-option'; option: string }
  /** A string option without its value, or a value given to a switch (`--approve-all=yes`). */
  | { code: 'bad-value'; option: string }
  | { code: 'unexpected-argument'; value: string };

export type HostArgsResult = { ok: true; args: HostArgs } | { ok: false; error: HostArgsError };

const OPTIONS = {
  port: { type: 'string' },
  bind: { type: 'string' },
  name: { type: 'string', multiple: true },
  'data-dir': { type: 'string' },
  'impress-port': { type: 'string' },
  'approve-all': { type: 'boolean' },
  'no-qr': { type: 'boolean' },
  headless: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The headless host's arguments (process.argv after the script): anything it does not know is an error. */
export function parseHostArgs(args: readonly string[]): HostArgsResult {
  let values: ReturnType<typeof parseStrict>['values'];
  let positionals: string[];
  try {
    ({ values, positionals } = parseStrict(args));
  } catch (error) {
    return { ok: false, error: parseError(error, args) };
  }
  if (positionals[0] !== undefined) return { ok: false, error: { code: 'unexpected-argument', value: positionals[0] } };
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (values.port?.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535)) {
    return { ok: false, error: { code: 'bad-port', value: values.port ?? '' } };
  }
  const impress = values['impress-port'];
  const impressPort = impress === undefined ? undefined : impress === 'off' ? false : Number(impress);
  if (
    impressPort !== undefined &&
    impressPort !== false &&
    (!Number.isInteger(impressPort) || impressPort < 1 || impressPort > 65535)
  ) {
    return { ok: false, error: { code: 'bad-impress-port', value: impress ?? '' } };
  }
  return {
    ok: true,
    args: {
      ...(port === undefined ? {} : { port }),
      ...(impressPort === undefined ? {} : { impressPort }),
      ...(values.bind === undefined ? {} : { bind: values.bind }),
      ...(values.name === undefined ? {} : { names: values.name }),
      ...(values['data-dir'] === undefined ? {} : { dataDir: values['data-dir'] }),
      approveAll: values['approve-all'] === true,
      noQr: values['no-qr'] === true,
      headless: values.headless === true,
      help: values.help === true,
    },
  };
}

/**
 * The desktop app's arguments. Electron puts its own executable first and, when run unpackaged
 * (`electron desktop`), the app's folder second. Chromium switches (--no-sandbox, --ozone-platform=x11,
 * --enable-features=...) and anything else the host does not know are Chromium's business, not errors;
 * so are stray words (macOS may pass -psn_0_1234).
 */
export function parseAppArgs(argv: readonly string[], unpackaged: boolean): HostArgsResult {
  return parseHostArgs(hostOwned(argv.slice(unpackaged ? 2 : 1)));
}

/** Only the host's own options, with the value that follows a string option given as `--port 9000`. */
function hostOwned(args: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') break;
    const name = arg.startsWith('--') ? arg.slice(2).split('=')[0] : arg === '-h' ? 'help' : undefined;
    if (name === undefined || !Object.hasOwn(OPTIONS, name)) continue;
    kept.push(arg);
    const takesValue = OPTIONS[name as keyof typeof OPTIONS].type === 'string' && !arg.includes('=');
    if (takesValue && i + 1 < args.length) kept.push(args[++i] ?? '');
  }
  return kept;
}

function parseStrict(args: readonly string[]) {
  return parseArgs({ args: [...args], options: OPTIONS, strict: true, allowPositionals: true });
}

/** node:util's parse errors carry a code, and the offending option only in their message. */
function parseError(error: unknown, args: readonly string[]): HostArgsError {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? args.find((a) => a.startsWith('-')) ?? '';
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return { code: 'bad-value', option };
  return { code: 'unknown-option', option };
}
