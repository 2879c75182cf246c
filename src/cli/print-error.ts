import { AethrError } from '../errors.js';
import type { CliIO } from './main.js';

/** One readable message per failure; a stack trace only with --verbose. */
export function printError(error: unknown, io: CliIO, verbose: boolean): void {
  if (error instanceof AethrError) {
    io.err(`aethr: ${error.message}\n`);
    if (error.hint) io.err(`hint: ${error.hint}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    io.err(`aethr: unexpected error: ${message}\n`);
    if (!verbose)
      io.err('hint: run again with --verbose for details, and report it if it persists.\n');
  }
  if (verbose && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
}
