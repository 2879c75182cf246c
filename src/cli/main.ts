/**
 * CLI dispatch: picks the command, prints its help, and owns the single catch that turns an
 * error into a message and an exit code. Commands are imported only when chosen.
 */
import { printError } from './print-error.js';
import { COMMANDS, GENERAL_HELP, type CommandName } from './help.js';
import { VERSION } from '../version.js';

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIO: CliIO = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export async function main(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
    const topic = first === 'help' ? rest[0] : undefined;
    io.out(topic && topic in COMMANDS ? COMMANDS[topic as CommandName].help : GENERAL_HELP);
    return 0;
  }
  if (first === 'version' || first === '--version' || first === '-V') {
    io.out(`aethr ${VERSION}\n`);
    return 0;
  }
  if (!(first in COMMANDS)) {
    io.err(`aethr: unknown command "${first}".\n\n${GENERAL_HELP}`);
    return 2;
  }
  const name = first as CommandName;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(COMMANDS[name].help);
    return 0;
  }
  const verbose = rest.includes('--verbose');
  try {
    switch (name) {
      case 'run':
        return await (await import('./commands/run.js')).runCommand(rest, io);
      case 'init':
        return await (await import('./commands/init.js')).initCommand(rest, io);
      case 'doctor':
        return await (await import('./commands/doctor.js')).doctorCommand(rest, io);
      case 'pr':
        return await (await import('./commands/pr.js')).prCommand(rest, io);
      case 'app':
        return await (await import('./commands/app.js')).appCommand(rest, io);
    }
  } catch (error) {
    printError(error, io, verbose);
    return 1;
  }
}
