/**
 * One logical commit per implement iteration: wraps an editing backend so that every iteration
 * that changed files is committed (and, on a PR branch, pushed at once so nothing is lost).
 */
import type { ImplementBackend } from '../engine/types.js';
import { AethrError } from '../errors.js';
import { appendLearnings } from './append-learnings.js';
import { formatCommitMessage, type PrWorkspace } from '../git/pr-workspace.js';

export interface IterationCommit {
  stepId: string;
  iteration: number;
  sha: string;
  files: string[];
  /** The remote branch has it: only pushed commits are reported as pushed. */
  pushed: boolean;
}

export interface CommitOptions {
  workspace: PrWorkspace;
  /** Push after each commit (PR branches); otherwise the caller pushes at the end. */
  pushEach: boolean;
  /** The caller squashes these commits into one before pushing (milestone tasks). */
  provisional?: boolean;
  /** The workflow's learnings file: a reply's learnings block is appended to it, in the commit. */
  learnings?: string;
  /** Where to say what happened to the learnings. */
  log?: (message: string) => void;
  /** `max_iterations` of the loop a step is in, per step id (1 when it is not in a loop). */
  maxIterations: (stepId: string) => number;
  runUrl?: string;
  commits: IterationCommit[];
}

export class PushRefused extends AethrError {
  override name = 'PushRefused';
}

/** The first line of a model's reply, fit for a commit subject. */
export function subjectFrom(output: string, fallback: string): string {
  const line = output
    .split('\n')
    .map((l) => l.replace(/^[#>*\-\s`]+/, '').trim())
    .find((l) => l.length > 0 && !/^\[mock /.test(l));
  return line ?? fallback;
}

export function withCommits(backend: ImplementBackend, options: CommitOptions): ImplementBackend {
  return {
    async implement(input) {
      const done = await backend.implement(input);
      if (done.artifact.changedFiles.length === 0) return done;
      if (options.learnings) {
        const appended = await appendLearnings(
          options.workspace.root,
          options.learnings,
          done.output,
        );
        if (appended.kind === 'added')
          options.log?.(`Added ${appended.added} learning(s) to ${options.learnings}.`);
        if (appended.kind === 'skipped')
          options.log?.(`Learnings not recorded: ${appended.reason}.`);
      }
      const max = options.maxIterations(input.step.id);
      const message = formatCommitMessage(
        input.step.id,
        subjectFrom(
          done.output,
          input.iteration > 1 ? 'address review findings' : 'implement the task',
        ),
        input.iteration,
        max,
        options.runUrl,
      );
      const sha = await options.workspace.commit(message, { provisional: options.provisional });
      if (!sha) return done;
      const made: IterationCommit = {
        stepId: input.step.id,
        iteration: input.iteration,
        sha,
        files: done.artifact.changedFiles,
        pushed: false,
      };
      options.commits.push(made);
      if (options.pushEach) {
        const pushed = await options.workspace.push();
        made.pushed = pushed.ok;
        if (!pushed.ok) {
          throw new PushRefused(
            pushed.reason === 'head-moved'
              ? `The pull request branch moved to ${pushed.remoteSha.slice(0, 7)} while aethr was working; commit ${sha.slice(0, 7)} was not pushed (aethr never force-pushes).`
              : `Pushing commit ${sha.slice(0, 7)} failed: ${pushed.message}`,
            {
              hint:
                pushed.reason === 'head-moved'
                  ? 'Run the command again on the new head.'
                  : "Check the token's contents: write permission.",
            },
          );
        }
      }
      return done;
    },
  };
}
