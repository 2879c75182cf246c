/**
 * How this backend runs git: the project's `runGit` (argv, no shell, bounded), or anything with
 * the same shape (tests may wrap it to observe calls).
 */
import { runGit } from '../../git/run-git.js';
import type { RunGitOptions, RunGitResult } from '../../git/run-git.js';

export type GitRunner = (
  cwd: string,
  args: readonly string[],
  opts?: RunGitOptions,
) => Promise<RunGitResult>;

export const defaultGitRunner: GitRunner = runGit;
