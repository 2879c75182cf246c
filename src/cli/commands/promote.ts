/**
 * `aethr promote`: turns a run that worked (or failed) into an editable workflow file, from the
 * checkpoint or the ledger that run wrote — no session storage, no replay. The result is checked
 * with the normal loader before it is written, and an existing file is kept unless `--force`.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseWorkflowText } from '../../config/load-workflow.js';
import { readCheckpoint } from '../../engine/checkpoint.js';
import { isRunRecord, type RunRecord } from '../../engine/run-record.js';
import { AethrError } from '../../errors.js';
import type { CliIO } from '../main.js';
import { renderPromotedWorkflow, type PromoteOrigin } from '../promote-workflow.js';
import { selfCommand } from '../self-command.js';
import { UsageError } from '../usage.js';

export const DEFAULT_PROMOTE_OUT = '.aethr.yaml';

export async function promoteCommand(
  argv: string[],
  io: CliIO,
  cwd = process.cwd(),
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      from: { type: 'string' },
      ledger: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      verbose: { type: 'boolean' },
    },
  });
  if ((values.from === undefined) === (values.ledger === undefined)) {
    throw new UsageError('promote needs exactly one of --from CHECKPOINT or --ledger FILE', {
      command: 'promote',
      hint: 'A failed run prints its checkpoint; `aethr run --ledger FILE` writes a ledger.',
    });
  }
  const { record, origin } =
    values.from !== undefined
      ? await fromCheckpoint(resolve(cwd, values.from))
      : await fromLedger(resolve(cwd, values.ledger!));

  const out = resolve(cwd, values.out ?? DEFAULT_PROMOTE_OUT);
  const shown = relative(cwd, out) || out;
  if (existsSync(out) && !values.force) {
    throw new AethrError(`${shown} already exists; not overwriting it.`, {
      hint: `Pass --force to replace it, or --out FILE to write elsewhere.`,
    });
  }
  const text = renderPromotedWorkflow(record, origin);
  // The file must load as it is; a failure here is aethr's bug, reported with the loader's detail.
  parseWorkflowText(text, shown);
  await writeFile(out, text);
  const aethr = await selfCommand(process.argv[1] ?? 'aethr', process.env, cwd);
  io.out(
    `Wrote ${shown}: workflow "${record.workflow.workflow}" with ${record.workflow.steps.length} step(s), as the run used it.\n` +
      `Next: ${aethr} run --workflow ${shown} --show-prompt\n`,
  );
  return 0;
}

async function fromCheckpoint(file: string): Promise<{ record: RunRecord; origin: PromoteOrigin }> {
  const checkpoint = await readCheckpoint(file);
  if (!isRunRecord(checkpoint.run)) {
    throw new AethrError(`Checkpoint ${file} does not record its workflow.`, {
      hint: 'It was written by an older aethr; run the workflow again to get a checkpoint or a ledger that does.',
    });
  }
  const record: RunRecord = { ...checkpoint.run, passes: { ...checkpoint.state.passes } };
  return { record, origin: { kind: 'checkpoint', file, failedStep: checkpoint.failedStep } };
}

async function fromLedger(file: string): Promise<{ record: RunRecord; origin: PromoteOrigin }> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new AethrError(`Cannot read the ledger ${file}: ${(error as Error).message}`, {
      hint: 'Pass the file `aethr run --ledger FILE` wrote.',
    });
  }
  const run = (value as { run?: unknown } | null)?.run;
  if (!isRunRecord(run)) {
    throw new AethrError(`The ledger ${file} does not record its run's workflow.`, {
      hint: 'Ledgers written by `aethr run` record it; run the workflow again with --ledger FILE.',
    });
  }
  return { record: run, origin: { kind: 'ledger', file } };
}
