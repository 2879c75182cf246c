/**
 * The built-in `patch` implementation backend, for runners without opencode. The model proposes;
 * this code decides:
 *   ask (purpose `implement`) → parse (diff or JSON edits) → validate (paths, kinds, sizes) →
 *   apply (symlinks, git's reading, `git apply --check`, `git apply`) → validators → keep or roll back.
 * Any refusal leaves the tree as it was and yields an artifact with no changes and a `note`
 * saying what was refused and why; the run goes on. Only a failed rollback throws.
 */
import { lstat, readFile, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { AethrError, toError } from '../../errors.js';
import type { ImplementationArtifact, ImplementBackend, ModelClient } from '../../engine/types.js';
import { describePaths } from '../../git/tree-changes.js';
import { askToImplement, unchangedArtifact } from '../implement-request.js';
import type { TreeChanges } from '../../git/tree-changes.js';
import { applyPatch, checkSymlinks } from './apply-patch.js';
import type { AppliedPatch } from './apply-patch.js';
import { PatchRejected } from './errors.js';
import { defaultGitRunner } from './git.js';
import type { GitRunner } from './git.js';
import { parseProposal } from './parse-proposal.js';
import type { FileReader } from './parse-proposal.js';
import { checkPathShape } from './paths.js';
import { resolvePolicy } from './policy.js';
import type { PatchPolicy } from './policy.js';
import { rollback } from './rollback.js';
import { readPathState, sameState } from './snapshot.js';
import { validatePatch } from './validate-patch.js';
import { checkValidators, describeValidatorResult, runValidators } from './validators.js';
import type { Validator, ValidatorResult } from './validators.js';

export { PatchRejected } from './errors.js';

export interface PatchBackendOptions {
  /** Top level of the git work tree the patches apply to. */
  root: string;
  policy?: Partial<PatchPolicy>;
  /** Run after a patch lands; any failure rolls it back. */
  validators?: Validator[];
  models: ModelClient;
  git?: GitRunner;
  /** Where the validators' sandbox reads its allow-listed variables. Default process.env. */
  validatorEnv?: NodeJS.ProcessEnv;
  /** The tree holds untrusted code (fork PR, pull_request_target): validators run only isolated. */
  untrusted?: boolean;
  /** The remote's refs, compared before and after the validators run (none may move). */
  listRemote?: () => Promise<Record<string, string>>;
  /** Output kept per validator (bytes). Default 20 000. */
  maxValidatorOutputBytes?: number;
}

/** Largest file the edits form may read to build its diff. */
const MAX_READ_BYTES = 2 * 1024 * 1024;
/** Validator output quoted in a refusal note. */
const NOTE_OUTPUT_CHARS = 3000;

/** Reads repository files for the JSON edits form: clean relative paths only, never through a symlink. */
export function repoFileReader(root: string): FileReader {
  return {
    async readText(path: string): Promise<string | null> {
      const shape = checkPathShape(path);
      if (shape) throw new AethrError(shape.message);
      const links = await checkSymlinks(root, [path], false);
      if (links.length > 0) throw new AethrError(links[0]!.message);
      const abs = join(await realpath(root), path);
      const st = await lstat(abs).catch(() => undefined);
      if (!st) return null;
      if (!st.isFile()) throw new AethrError(`${path} is not a regular file`);
      if (st.size > MAX_READ_BYTES)
        throw new AethrError(`${path} is larger than ${MAX_READ_BYTES} bytes; send a diff instead`);
      const bytes = await readFile(abs);
      if (bytes.includes(0)) throw new AethrError(`${path} is a binary file`);
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        throw new AethrError(`${path} is not valid UTF-8`);
      }
    },
  };
}

/** The instruction block appended to the rendered prompt. */
export function patchInstructions(policy: PatchPolicy, validators: readonly Validator[]): string {
  const forbidden: string[] = [];
  if (!policy.allowDeletions) forbidden.push('deleting files');
  if (!policy.allowRenames) forbidden.push('renaming files');
  if (!policy.allowCopies) forbidden.push('copying files');
  if (!policy.allowBinary) forbidden.push('binary changes');
  if (!policy.allowModeChanges) forbidden.push('file mode changes');
  if (!policy.allowSymlinks) forbidden.push('symbolic links');
  const lines = [
    '# How to answer',
    '',
    'Your answer is applied to the repository as a patch. Reply with exactly ONE unified diff, in the format of `git diff`, inside a single ```diff fenced block:',
    '- each file starts with `diff --git a/<path> b/<path>`, then `--- a/<path>` and `+++ b/<path>` (for a new file: `new file mode 100644` and `--- /dev/null`), then hunks with three lines of context;',
    '- paths are relative to the repository root; context lines must match the current files exactly.',
    'Alternatively, reply with one ```json block: {"edits": [{"path": "<path>", "content": "<the whole new file>"}, {"path": "<path>", "search": "<text occurring exactly once>", "replace": "<new text>"}]}.',
    '',
    'Nothing in your reply is executed: do not ask for commands to be run.',
    `The patch is refused if it touches ${policy.deny.map((g) => `\`${g}\``).join(', ')}` +
      (policy.allow.length === 1 && policy.allow[0] === '**'
        ? ''
        : `, or anything outside ${policy.allow.map((g) => `\`${g}\``).join(', ')}`) +
      (forbidden.length > 0 ? `; or if it involves ${forbidden.join(', ')}` : '') +
      `; or if it is larger than ${policy.maxPatchBytes} bytes or ${policy.maxFiles} files` +
      (policy.maxChangedLines !== undefined ? ` or ${policy.maxChangedLines} changed lines` : '') +
      '.',
  ];
  if (validators.length > 0) {
    lines.push(
      `After it is applied these checks run, and the patch is rolled back if one fails: ${validators
        .map((v) => `${v.name} (\`${v.run.join(' ')}\`)`)
        .join(', ')}.`,
    );
  }
  return lines.join('\n');
}

function refusalOf(error: PatchRejected): ImplementationArtifact['refusal'] {
  const rules = [...new Set(error.problems.map((p) => p.rule))];
  return {
    stage: error.stage,
    rules: rules.length ? rules : [error.stage],
    message: error.message,
  };
}

function validatorNote(failed: ValidatorResult, all: readonly ValidatorResult[]): string {
  const output = failed.output.trim();
  const shown = output.length > NOTE_OUTPUT_CHARS ? `…${output.slice(-NOTE_OUTPUT_CHARS)}` : output;
  const parts = [
    `patch rolled back: validator "${failed.name}" failed (${describeValidatorResult(failed)}).`,
    `Validators: ${all.map((r) => describeValidatorResult(r)).join('; ')}.`,
  ];
  if (shown !== '') parts.push(`Last output of "${failed.name}":\n\`\`\`text\n${shown}\n\`\`\``);
  return parts.join('\n');
}

function rejectionNote(error: PatchRejected): string {
  const what: Record<PatchRejected['stage'], string> = {
    parse: 'no usable patch in the reply',
    validate: 'patch refused by the policy',
    symlink: 'patch refused (symbolic link)',
    'cross-check': 'patch refused (git reads it differently from the validator)',
    check: 'patch refused by git apply --check',
    apply: 'git apply failed; rolled back',
    verify: 'patch changed more than it declared; rolled back',
    validators: 'patch rolled back after a validator failed',
  };
  return `${what[error.stage]}: ${error.message}`;
}

/** What the applied patch changed: written paths that differ from the snapshot, diffed against the index. */
async function describeChanges(git: GitRunner, applied: AppliedPatch): Promise<TreeChanges> {
  const changed: string[] = [];
  for (const rel of applied.written) {
    const before = applied.snapshot.paths.get(rel) ?? { kind: 'missing' as const };
    if (!sameState(await readPathState(applied.root, rel, false), before)) changed.push(rel);
  }
  return describePaths(git, applied.root, changed.sort());
}

export function createPatchBackend(options: PatchBackendOptions): ImplementBackend {
  const policy = resolvePolicy(options.policy);
  const validators = checkValidators(options.validators ?? []);
  const git = options.git ?? defaultGitRunner;
  const reader = repoFileReader(options.root);
  // One patch at a time per work tree.
  let queue: Promise<unknown> = Promise.resolve();

  async function applyAndValidate(
    stepId: string,
    iteration: number,
    text: string,
  ): Promise<{ artifact: ImplementationArtifact; status: string }> {
    const proposal = await parseProposal(text, reader);
    if (proposal.kind === 'none') {
      const note = `no change applied: ${proposal.note}`;
      return { artifact: unchangedArtifact(stepId, iteration, note), status: note };
    }
    const verdict = validatePatch(proposal.patch, policy);
    if (!verdict.ok) {
      const error = new PatchRejected(
        'validate',
        verdict.problems.map((q) => `[${q.rule}] ${q.message}`).join('; '),
        verdict.problems,
      );
      const note = rejectionNote(error);
      return {
        artifact: unchangedArtifact(stepId, iteration, note, refusalOf(error)),
        status: note,
      };
    }

    let applied: AppliedPatch;
    try {
      applied = await applyPatch({
        root: options.root,
        patch: proposal.patch,
        files: verdict.files,
        git,
        allowSymlinks: policy.allowSymlinks,
      });
    } catch (error) {
      if (error instanceof PatchRejected) {
        const note = rejectionNote(error);
        return {
          artifact: unchangedArtifact(stepId, iteration, note, refusalOf(error)),
          status: note,
        };
      }
      throw error;
    }

    let validatorSandbox: string | undefined;
    try {
      if (validators.length > 0) {
        const outcome = await runValidators(validators, {
          cwd: applied.root,
          ...(options.validatorEnv ? { env: options.validatorEnv } : {}),
          ...(options.untrusted ? { untrusted: true } : {}),
          ...(options.listRemote ? { listRemote: options.listRemote } : {}),
          ...(options.maxValidatorOutputBytes
            ? { maxOutputBytes: options.maxValidatorOutputBytes }
            : {}),
        });
        validatorSandbox = outcome.sandbox;
        if (!outcome.ok) {
          const failed = outcome.results.find((r) => !r.ok)!;
          await rollback(applied, { git });
          const note = validatorNote(failed, outcome.results);
          const refusal = {
            stage: 'validators',
            rules: [`validator:${failed.name}`],
            message: note.split('\n')[0]!,
          };
          return {
            artifact: unchangedArtifact(stepId, iteration, note, refusal),
            status: note.split('\n')[0]!,
          };
        }
      }
      const { notes, ...changes } = await describeChanges(git, applied);
      const artifact: ImplementationArtifact = { stepId, iteration, ...changes };
      if (changes.changedFiles.length === 0) notes.unshift('the patch applied but changed no file');
      if (notes.length > 0) artifact.note = notes.join('\n');
      const passed =
        validators.length > 0
          ? `; validators passed (${validators.map((v) => v.name).join(', ')}; ${validatorSandbox ?? 'sandbox: unknown'})`
          : '';
      return {
        artifact,
        status: `patch applied to ${changes.changedFiles.length} file(s)${passed}`,
      };
    } catch (error) {
      // Anything unexpected after the patch landed: put the tree back, then report.
      await rollback(applied, { git });
      throw toError(error);
    }
  }

  return {
    async implement(input) {
      const { step, iteration } = input;
      const reply = await askToImplement(
        options.models,
        input,
        patchInstructions(policy, validators),
      );
      const run = queue.then(() => applyAndValidate(step.id, iteration, reply.text));
      queue = run.catch(() => undefined);
      const { artifact, status } = await run;
      const output = `${reply.text.replace(/\s+$/, '')}\n\n---\npatch backend: ${status.split('\n')[0]}`;
      return { output, artifact, ...(reply.usage ? { usage: reply.usage } : {}), mock: reply.mock };
    },
  };
}
