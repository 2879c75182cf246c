import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { listPresets, readPreset } from '../../config/presets.js';
import { suggestWord } from '../../config/did-you-mean.js';
import { isPresetName, PRESET_NAMES } from '../../config/presets.js';
import { AethrError } from '../../errors.js';
import { SCHEMA_COMMENT } from '../../project.js';
import type { CliIO } from '../main.js';
import { selfCommand } from '../self-command.js';
import { UsageError } from '../usage.js';

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
    throw new UsageError('init takes exactly one preset name', {
      command: 'init',
      hint: 'Run "aethr init --list" to see them, e.g. "aethr init review-existing-diff".',
    });
  }
  if (!isPresetName(name)) {
    const fix = suggestWord(name, PRESET_NAMES);
    throw new UsageError(`unknown preset ${JSON.stringify(name)}`, {
      command: 'init',
      hint: `${fix.charAt(0).toUpperCase()}${fix.slice(1)} (see "aethr init --list").`,
    });
  }
  const text = withSchemaLine(await readPreset(name));
  const target = join(cwd, WORKFLOW_FILE);
  if (existsSync(target) && !values.force) {
    throw new AethrError(`${WORKFLOW_FILE} already exists; not overwriting it.`, {
      hint: `Run "aethr init ${name} --force" to replace it.`,
    });
  }
  await writeFile(target, text);
  const aethr = await selfCommand(process.argv[1] ?? 'aethr', process.env, cwd);
  io.out(
    `Wrote ${WORKFLOW_FILE} from the ${name} preset.\nNext: ${aethr} run "describe your task"\n`,
  );
  return 0;
}

/** The preset with the yaml-language-server line on top (an existing one is replaced). */
export function withSchemaLine(text: string): string {
  const body = text.replace(/^# yaml-language-server: \$schema=.*\n/, '');
  return `${SCHEMA_COMMENT}\n${body}`;
}
