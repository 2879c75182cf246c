import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { listPresets, readPreset } from '../../config/presets.js';
import { AethrError } from '../../errors.js';
import type { CliIO } from '../main.js';

export const WORKFLOW_FILE = '.aethr.yaml';

export async function initCommand(argv: string[], io: CliIO, cwd = process.cwd()): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      list: { type: 'boolean' },
      force: { type: 'boolean' },
      verbose: { type: 'boolean' },
    },
  });
  if (values.list) {
    for (const { name, description } of await listPresets())
      io.out(`${name.padEnd(24)}${description}\n`);
    return 0;
  }
  const name = positionals[0];
  if (!name || positionals.length > 1) {
    throw new AethrError('aethr init takes exactly one preset name.', {
      hint: 'Run "aethr init --list" to see them, e.g. "aethr init review-existing-diff".',
    });
  }
  const text = await readPreset(name);
  const target = join(cwd, WORKFLOW_FILE);
  if (existsSync(target) && !values.force) {
    throw new AethrError(`${WORKFLOW_FILE} already exists; not overwriting it.`, {
      hint: `Run "aethr init ${name} --force" to replace it.`,
    });
  }
  await writeFile(target, text);
  io.out(`Wrote ${WORKFLOW_FILE} from the ${name} preset.\nNext: aethr run "describe your task"\n`);
  return 0;
}
