/**
 * `aethr run`: loads the workflow, resolves the task, and runs the engine with terminal output.
 * On failure it writes a checkpoint and prints the one-line resume command. Either way it prints
 * the ledger of model calls, and `--ledger FILE` writes it as JSON. After a review it lists the
 * findings; `--fail-on LEVEL` makes findings at or above LEVEL exit 1.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadWorkflowSpec, type LoadedWorkflow } from '../../config/workflow-source.js';
import {
  checkResumable,
  hashWorkflow,
  readCheckpoint,
  writeCheckpoint,
} from '../../engine/checkpoint.js';
import { previewPrompts, runWorkflow, StepFailed } from '../../engine/run-workflow.js';
import { passesOf, runRecordOf } from '../../engine/run-record.js';
import type { ReviewOutcome, RunState } from '../../engine/types.js';
import { loadProjectEnv } from '../../models/env-file.js';
import { formatLedgerTable, ledgerJson, type LedgerJson } from '../../models/ledger.js';
import { buildPorts } from '../../runner/build-ports.js';
import type { CliIO } from '../main.js';
import { checkBaseRef } from '../base-ref.js';
import { createElapsedTicker } from '../elapsed-ticker.js';
import { FAIL_ON_LEVELS, failingFindings, formatFindings } from '../findings-list.js';
import { selfCommand } from '../self-command.js';
import { plain, type Paint } from '../style.js';
import { readTaskFromEditor } from '../task-input.js';
import { createTerminalObserver, formatRunSummary } from '../terminal-observer.js';
import { choice } from '../usage.js';

export async function runCommand(argv: string[], io: CliIO, cwd = process.cwd()): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      workflow: { type: 'string' },
      'show-prompt': { type: 'boolean' },
      'resume-checkpoint': { type: 'string' },
      verbose: { type: 'boolean' },
      ledger: { type: 'string' },
      base: { type: 'string' },
      'fail-on': { type: 'string' },
    },
  });
  const failOn = choice(values['fail-on'] ?? 'none', FAIL_ON_LEVELS, '--fail-on', 'run');
  if (values.base !== undefined) await checkBaseRef(values.base, cwd);
  const env = await loadProjectEnv(cwd, process.env);

  const { loaded, resume, ...given } = await runInput(
    values.workflow,
    values['resume-checkpoint'],
    positionals.join(' ').trim(),
    cwd,
    io,
  );
  let task = given.task;
  if (!task)
    task = await readTaskFromEditor(env, Boolean(process.stdin.isTTY && process.stdout.isTTY));

  if (values.base !== undefined && !readsGitDiff(loaded.workflow.steps)) {
    io.err(
      `note: --base changes git_diff, and no step of "${loaded.workflow.workflow}" reads it.\n`,
    );
  }

  const live = env.AETHR_LIVE === '1' || env.AETHR_LIVE === 'true';
  const paint = io.paint ?? plain;
  const observer = createTerminalObserver(io.out, {
    paint,
    ...(io.isTTY && env.TERM !== 'dumb' ? { ticker: createElapsedTicker({ write: io.out }) } : {}),
  });
  const ports = buildPorts({
    workflow: loaded.workflow,
    root: cwd,
    env,
    live,
    observer,
    ...(values.base !== undefined ? { diffBase: values.base } : {}),
  });

  if (values['show-prompt']) {
    await showPrompts(loaded.workflow, task, ports, io);
    return 0;
  }

  io.out(
    live
      ? `Running "${loaded.workflow.workflow}" (${loaded.display}) with live models.\n`
      : `Running "${loaded.workflow.workflow}" (${loaded.display}) in mock mode: a deterministic mock model answers. Set AETHR_LIVE=1 and a provider key for live calls.\n`,
  );
  const record = (passes: Record<string, number>) =>
    runRecordOf({
      workflowSource: loaded.source,
      task,
      workflow: loaded.workflow,
      routeModel: ports.routeModel,
      passes,
    });
  const reportLedger = async (passes: Record<string, number>): Promise<string | undefined> => {
    io.out(formatLedgerTable(ports.models.calls));
    if (!values.ledger) return undefined;
    const file = resolve(cwd, values.ledger);
    await writeLedger(file, ledgerJson(ports.models.calls, record(passes)));
    io.out(`Ledger written to ${file}\n`);
    return file;
  };
  try {
    const result = await runWorkflow({ workflow: loaded.workflow, task, resume }, ports);
    observer.close();
    io.out(formatRunSummary(result));
    const passes = passesOf(result.results);
    const ledgerFile = await reportLedger(passes);
    // An ad-hoc run of a preset with an override worth keeping: say how to keep it as a file.
    if (loaded.source.startsWith('preset:') && env.AETHR_MODEL) {
      const file =
        ledgerFile ?? (await writeTempLedger(ledgerJson(ports.models.calls, record(passes))));
      const aethr = await selfCommand(process.argv[1] ?? 'aethr', process.env, cwd);
      io.out(
        `\nTo keep this run as an editable workflow:\n  ${aethr} promote --ledger ${file} --out .aethr.yaml\n`,
      );
    }
    if (values.verbose) io.out(`${JSON.stringify(ports.models.calls, null, 2)}\n`);
    return reportFindings(result.finalReview, failOn, paint, io);
  } catch (error) {
    observer.close();
    if (!(error instanceof StepFailed)) throw error;
    await reportLedger(error.state.passes);
    const file = await writeCheckpoint({
      workflowSource: loaded.source,
      workflowHash: hashWorkflow(loaded.workflow),
      task,
      failedStep: error.stepId,
      error: error.message,
      state: error.state,
      run: record(error.state.passes),
    });
    io.err(`\naethr: ${error.message}\n`);
    if (error.hint) io.err(`hint: ${error.hint}\n`);
    io.err(`Checkpoint written. Resume with:\n  aethr run --resume-checkpoint ${file}\n`);
    if (values.verbose) io.err(`${JSON.stringify(error.state, null, 2)}\n`);
    return 1;
  }
}

/** The workflow and task to run: from a checkpoint being resumed, or from the arguments. */
async function runInput(
  workflowSpec: string | undefined,
  checkpointFile: string | undefined,
  task: string,
  cwd: string,
  io: CliIO,
): Promise<{ loaded: LoadedWorkflow; task: string; resume?: RunState }> {
  if (!checkpointFile) return { loaded: await loadWorkflowSpec(workflowSpec, cwd), task };
  const checkpoint = await readCheckpoint(checkpointFile);
  const loaded = await loadWorkflowSpec(workflowSpec ?? checkpoint.workflowSource, cwd);
  for (const warning of checkResumable(checkpoint, loaded.workflow))
    io.err(`warning: ${warning}\n`);
  const resume = checkpoint.state;
  io.out(
    `Resuming "${loaded.workflow.workflow}" at step "${checkpoint.failedStep}" (${resume.results.length} earlier result(s) kept).\n`,
  );
  return { loaded, task: task || checkpoint.task, resume };
}

async function showPrompts(
  workflow: LoadedWorkflow['workflow'],
  task: string,
  ports: ReturnType<typeof buildPorts>,
  io: CliIO,
): Promise<void> {
  for (const preview of await previewPrompts({ workflow, task }, ports)) {
    io.out(`\n══ step ${preview.step.id} (${preview.step.role} · ${preview.model}) ══\n`);
    io.out(`── system ──\n${preview.system}\n── user ──\n${preview.user}\n`);
  }
  io.out('\n(prompt preview: no model was called)\n');
}

/** The final review's findings, and the exit code `--fail-on` asks for. */
function reportFindings(
  review: ReviewOutcome | undefined,
  failOn: (typeof FAIL_ON_LEVELS)[number],
  paint: Paint,
  io: CliIO,
): number {
  if (!review) return 0;
  io.out(formatFindings(review, paint));
  const failing = failingFindings(review.findings, failOn);
  if (failing.length === 0) return 0;
  io.err(
    `aethr: ${failing.length} finding${failing.length === 1 ? '' : 's'} at or above "${failOn}" (--fail-on ${failOn}).\n`,
  );
  return 1;
}

async function writeLedger(file: string, ledger: LedgerJson): Promise<void> {
  await writeFile(file, `${JSON.stringify(ledger, null, 2)}\n`, { mode: 0o600 });
}

/** The ledger in a private temp folder, when the run was not asked to write one. */
async function writeTempLedger(ledger: LedgerJson): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'aethr-')), 'ledger.json');
  await writeLedger(file, ledger);
  return file;
}

function readsGitDiff(steps: readonly { context?: readonly string[] }[]): boolean {
  return steps.some((step) => (step.context ?? []).some((source) => source.trim() === 'git_diff'));
}
