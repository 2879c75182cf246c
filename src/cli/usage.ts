/**
 * Usage errors: a flag, command, value or preset the CLI does not know. They exit 2 (as getopt
 * programs do) with the command's usage line and, when something close exists, a did-you-mean.
 * Node's `parseArgs` throws plain TypeErrors for bad flags; `toUsageError` turns those into one.
 */
import { suggestWord } from '../config/did-you-mean.js';
import { AethrError } from '../errors.js';

export const USAGE_EXIT_CODE = 2;

export class UsageError extends AethrError {
  override name = 'UsageError';
  /** The command whose usage line is shown (`run`, `init`, ...); undefined for `aethr` itself. */
  readonly command: string | undefined;
  constructor(message: string, options: { command?: string; hint?: string } = {}) {
    super(message, { hint: options.hint });
    this.command = options.command;
  }
}

/** `unknown option "--wrokflow" — did you mean "--workflow"?`, or the list of options. */
export function unknownWord(
  what: string,
  word: string,
  allowed: readonly string[],
  command?: string,
): UsageError {
  return new UsageError(`unknown ${what} ${JSON.stringify(word)}`, {
    command,
    hint: capitalise(suggestWord(word, allowed)),
  });
}

/** The long flags a help text lists (`--workflow FILE` → `--workflow`), in order. */
export function flagsInHelp(help: string): string[] {
  return [...new Set(help.match(/(?<![\w-])--[a-z][a-z0-9-]*/g) ?? [])];
}

interface NodeError {
  code?: unknown;
  message: string;
}

function isParseArgsError(error: unknown): error is NodeError {
  const code = (error as NodeError | undefined)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/**
 * A `parseArgs` error as a UsageError for `command`, whose flags are `flags`; anything else is
 * returned unchanged.
 */
export function toUsageError(error: unknown, command: string, flags: readonly string[]): unknown {
  if (!isParseArgsError(error)) return error;
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const option = quoted.split(/[ =]/)[0] ?? quoted;
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return unknownWord('option', option, flags, command);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new UsageError(
        /does not take/.test(error.message)
          ? `option ${JSON.stringify(option)} takes no value`
          : `option ${JSON.stringify(option)} needs a value`,
        { command },
      );
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(`unexpected argument ${JSON.stringify(quoted)}`, { command });
    default:
      return new UsageError(error.message, { command });
  }
}

/** One of `allowed`, or a UsageError naming `flag` with a did-you-mean. */
export function choice<T extends string>(
  value: string,
  allowed: readonly T[],
  flag: string,
  command: string,
): T {
  const found = allowed.find((a) => a === value.trim().toLowerCase());
  if (found !== undefined) return found;
  throw new UsageError(`${flag} does not take ${JSON.stringify(value)}`, {
    command,
    hint: capitalise(suggestWord(value, allowed)),
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
