/**
 * CLI dispatch: picks the command, prints its help, and owns the single catch that turns an
 * error into a message and an exit code (2 for usage errors, 1 for the rest). Commands are
 * imported only when chosen.
 */
import { printError } from './print-error.js';
import { COMMANDS, GENERAL_HELP, usageLine, type CommandName } from './help.js';
import type { Paint } from './style.js';
import { flagsInHelp, toUsageError, unknownWord, USAGE_EXIT_CODE, UsageError } from './usage.js';
import { VERSION } from '../version.js';

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  /** stdout is a terminal: an elapsed-time line may be drawn while a step works. */
  isTTY?: boolean;
  /** Colour for stdout (plain when absent). */
  paint?: Paint;
}

const TOP_LEVEL = [...Object.keys(COMMANDS), 'version', 'help'];

function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  const verbose = rest.includes('--verbose');
  try {
    return await dispatch(first, rest, io);
  } catch (caught) {
    const error = isCommand(first ?? '')
      ? toUsageError(caught, first!, flagsInHelp(COMMANDS[first as CommandName].help))
      : caught;
    if (error instanceof UsageError) {
      printUsageError(error, io);
      return USAGE_EXIT_CODE;
    }
    printError(error, io, verbose);
    return 1;
  }
}

async function dispatch(first: string | undefined, rest: string[], io: CliIO): Promise<number> {
  if (first === undefined || first === '--help' || first === '-h') {
    io.out(GENERAL_HELP);
    return 0;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) io.out(GENERAL_HELP);
    else if (isCommand(topic)) io.out(COMMANDS[topic].help);
    else throw unknownWord('command', topic, TOP_LEVEL);
    return 0;
  }
  if (first === 'version' || first === '--version' || first === '-V') {
    io.out(`aethr ${VERSION}\n`);
    return 0;
  }
  if (!isCommand(first)) {
    if (first.startsWith('-')) throw unknownWord('option', first, ['--help', '--version']);
    throw unknownWord('command', first, TOP_LEVEL);
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(COMMANDS[first].help);
    return 0;
  }
  switch (first) {
    case 'run':
      return (await import('./commands/run.js')).runCommand(rest, io);
    case 'init':
      return (await import('./commands/init.js')).initCommand(rest, io);
    case 'doctor':
      return (await import('./commands/doctor.js')).doctorCommand(rest, io);
    case 'auth':
      return (await import('./commands/auth.js')).authCommand(rest, io);
    case 'pr':
      return (await import('./commands/pr.js')).prCommand(rest, io);
    case 'promote':
      return (await import('./commands/promote.js')).promoteCommand(rest, io);
    case 'app':
      return (await import('./commands/app.js')).appCommand(rest, io);
  }
}

function printUsageError(error: UsageError, io: CliIO): void {
  const command = error.command !== undefined && isCommand(error.command) ? error.command : '';
  const where = command ? `aethr ${command}` : 'aethr';
  io.err(`${where}: ${error.message}\n`);
  if (error.hint) io.err(`hint: ${error.hint}\n`);
  io.err(`${usageLine(command || undefined)}\n`);
  io.err(`Run "${where} --help" for ${command ? 'its options' : 'the commands'}.\n`);
}
