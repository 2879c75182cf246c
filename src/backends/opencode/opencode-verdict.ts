/**
 * How an opencode run is judged once it is over: pure functions of what git saw, what opencode
 * printed and how its process ended. The tree decides, not the exit code — opencode exits 0 when
 * a tool call was rejected — so a run that changed nothing says so (with the failed tool calls);
 * a spawn failure, a timeout, HEAD moving, an `error` event or a failed exit that changed nothing
 * is an OpencodeError carrying the artifact (changes already made stay in the tree).
 */
import type { ImplementationArtifact, TokenUsage } from '../../engine/types.js';
import type { TreeChanges } from '../../git/tree-changes.js';
import { INSTALL_HINT, OpencodeError } from './errors.js';
import type { OpencodeRunSummary } from './opencode-events.js';
import type { ProcessRunResult } from './run-process.js';

type Redact = (text: string) => string;

export function formatDuration(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms % 1000 === 0) return `${ms / 1000} s`;
  return `${ms} ms`;
}

/** The last `lines` non-blank lines of `text`. */
export function tail(text: string, lines = 5): string {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '')
    .slice(-lines)
    .join('\n');
}

export interface ArtifactInput {
  stepId: string;
  iteration: number;
  changes: TreeChanges;
  run: ProcessRunResult;
  /** `failedTools(summary)`. */
  failed: readonly string[];
  /** The provider key: a patch containing it is called out. */
  apiKey?: string;
  redact: Redact;
}

/** What the run left in the tree, with the notes a reader should see (redacted). */
export function runArtifact(input: ArtifactInput): ImplementationArtifact {
  const { changes, run, failed } = input;
  const notes = [...changes.notes];
  if (run.stdoutCapped)
    notes.push(
      `opencode printed more than ${run.stdoutBytes} bytes; the rest of its events were not read`,
    );
  if (input.apiKey && changes.patch.includes(input.apiKey))
    notes.push('the changes contain the provider API key');
  if (run.exitCode !== undefined && run.exitCode !== 0 && !run.timedOut)
    notes.push(`opencode exited with code ${run.exitCode}`);
  if (changes.changedFiles.length === 0) {
    notes.unshift(
      failed.length > 0
        ? `opencode changed no files; failed tool calls: ${failed.join('; ')}`
        : 'opencode changed no files',
    );
  }
  const artifact: ImplementationArtifact = {
    stepId: input.stepId,
    iteration: input.iteration,
    changedFiles: changes.changedFiles,
    diffStat: changes.diffStat,
    patch: changes.patch,
  };
  if (notes.length > 0) artifact.note = input.redact(notes.join('\n'));
  return artifact;
}

export interface JudgeInput {
  stepId: string;
  /** The executable that was run. */
  bin: string;
  timeoutMs: number;
  run: ProcessRunResult;
  summary: OpencodeRunSummary;
  headBefore: string | null;
  headAfter: string | null;
  artifact: ImplementationArtifact;
  /** Where the model was reached, for the hint of an `error` event. */
  target: { ref: string; baseURL: string };
  redact: Redact;
}

/** Throws the OpencodeError the run ended in; returns when it succeeded. */
export function judgeRun(input: JudgeInput): void {
  const { stepId, run, artifact, redact } = input;
  const stderrTail = redact(tail(run.stderr));
  const changed = artifact.changedFiles.length;
  const keeps = changed > 0 ? ` The working tree keeps its ${changed} changed file(s).` : '';

  if (run.spawnError) {
    const missing = run.spawnError.code === 'ENOENT';
    throw new OpencodeError(
      `opencode step "${stepId}": could not start ${input.bin}: ${redact(run.spawnError.message)}`,
      {
        kind: missing ? 'not-installed' : 'spawn',
        hint: missing ? INSTALL_HINT : undefined,
        artifact,
      },
    );
  }
  if (run.timedOut) {
    throw new OpencodeError(
      `opencode step "${stepId}" did not finish within the ${formatDuration(input.timeoutMs)} timeout and was stopped (its process group was killed).${keeps}`,
      {
        kind: 'timeout',
        hint: 'Give the step a smaller task, or raise the opencode backend timeout.',
        artifact,
        stderr: stderrTail,
      },
    );
  }
  if (input.headAfter !== input.headBefore) {
    throw new OpencodeError(
      `opencode step "${stepId}" moved HEAD from ${input.headBefore ?? '(no commit)'} to ${input.headAfter ?? '(no commit)'}: it must not commit, check out or reset; aethr makes the commits.${keeps}`,
      { kind: 'head-moved', artifact, stderr: stderrTail },
    );
  }
  if (input.summary.errors.length > 0) {
    throw new OpencodeError(
      `opencode step "${stepId}" failed: ${redact(input.summary.errors.join(' / '))}${keeps}`,
      {
        kind: 'error-event',
        hint: `Check that ${input.target.ref} is reachable at ${redact(input.target.baseURL)} and supports tool calls.`,
        artifact,
        stderr: stderrTail,
      },
    );
  }
  if (run.exitCode !== 0 && changed === 0) {
    const how =
      run.exitCode === undefined
        ? `was killed by ${run.signal ?? 'a signal'}`
        : `exited with code ${run.exitCode}`;
    throw new OpencodeError(
      `opencode step "${stepId}" ${how} and changed no files${stderrTail ? `: ${stderrTail}` : ''}`,
      { kind: 'exit', artifact, stderr: stderrTail },
    );
  }
}

/** The step's output: opencode's text, then the tool calls that failed (redacted). */
export function runResult(
  outputText: string,
  summary: OpencodeRunSummary,
  failed: readonly string[],
  artifact: ImplementationArtifact,
  redact: Redact,
): { output: string; artifact: ImplementationArtifact; usage?: TokenUsage; mock: boolean } {
  const parts = [outputText || '(opencode printed no text)'];
  if (failed.length > 0)
    parts.push(`Tool calls that failed:\n${failed.map((f) => `- ${f}`).join('\n')}`);
  const result: {
    output: string;
    artifact: ImplementationArtifact;
    usage?: TokenUsage;
    mock: boolean;
  } = { output: redact(parts.join('\n\n')), artifact, mock: false };
  if (summary.usage) result.usage = summary.usage;
  return result;
}
