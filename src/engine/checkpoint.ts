/**
 * Checkpoints: when a run fails, its state is written to a JSON file so `--resume-checkpoint`
 * continues from the failed step without rerunning the ones that finished.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Workflow } from '../config/schema.js';
import { AethrError } from '../errors.js';
import type { RunRecord } from './run-record.js';
import type { RunState } from './types.js';

export const CHECKPOINT_VERSION = 1;

export interface Checkpoint {
  version: typeof CHECKPOINT_VERSION;
  createdAt: string;
  /** The workflow file (absolute path) or `preset:<name>`. */
  workflowSource: string;
  workflowHash: string;
  task: string;
  failedStep: string;
  error: string;
  state: RunState;
  /** The workflow as it ran, for `aethr promote` (absent in checkpoints of older versions). */
  run?: RunRecord;
}

export function hashWorkflow(workflow: Workflow): string {
  return createHash('sha256').update(JSON.stringify(workflow)).digest('hex').slice(0, 16);
}

export async function writeCheckpoint(
  checkpoint: Omit<Checkpoint, 'version' | 'createdAt'>,
  dir?: string,
): Promise<string> {
  const folder = dir ?? (await mkdtemp(join(tmpdir(), 'aethr-')));
  const file = join(folder, 'checkpoint.json');
  const full: Checkpoint = {
    version: CHECKPOINT_VERSION,
    createdAt: new Date().toISOString(),
    ...checkpoint,
  };
  await writeFile(file, `${JSON.stringify(full, null, 2)}\n`, { mode: 0o600 });
  return file;
}

export async function readCheckpoint(file: string): Promise<Checkpoint> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new AethrError(`Cannot read checkpoint ${file}: ${(error as Error).message}`, {
      hint: 'Pass the path printed by the failed run.',
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AethrError(`Checkpoint ${file} is not valid JSON.`, {
      hint: 'Pass the path printed by the failed run.',
    });
  }
  if (!isCheckpoint(value)) {
    throw new AethrError(
      `Checkpoint ${file} is not an aethr checkpoint (version ${CHECKPOINT_VERSION}).`,
      {
        hint: 'Checkpoints from another aethr version cannot be resumed; rerun the workflow.',
      },
    );
  }
  return value;
}

function isCheckpoint(value: unknown): value is Checkpoint {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Checkpoint>;
  return (
    v.version === CHECKPOINT_VERSION &&
    typeof v.task === 'string' &&
    typeof v.workflowSource === 'string' &&
    typeof v.state === 'object' &&
    v.state !== null &&
    typeof v.state.nextStep === 'number' &&
    Array.isArray(v.state.results)
  );
}

/** Checks that the workflow still has the step the checkpoint resumes at. */
export function checkResumable(checkpoint: Checkpoint, workflow: Workflow): string[] {
  const warnings: string[] = [];
  const next = workflow.steps[checkpoint.state.nextStep];
  if (!next || next.id !== checkpoint.failedStep) {
    throw new AethrError(
      `The workflow no longer has step "${checkpoint.failedStep}" at position ${checkpoint.state.nextStep + 1}; this checkpoint cannot be resumed.`,
      { hint: 'Restore the step or rerun the workflow from the start.' },
    );
  }
  if (hashWorkflow(workflow) !== checkpoint.workflowHash) {
    warnings.push(
      'The workflow changed since the checkpoint was written; resuming with the current file.',
    );
  }
  return warnings;
}
