/**
 * How this backend runs git: the project's `runGit` (argv, no shell, bounded), or anything with
 * the same shape (tests may wrap it to observe calls).
 */
import { runGit } from '../../git/run-git.js';
import type { GitRunner } from '../../git/run-git.js';

export type { GitRunner } from '../../git/run-git.js';

export const defaultGitRunner: GitRunner = runGit;
