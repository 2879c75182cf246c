/**
 * A pull request's diff as GitHub shows it (merge-base...head): the refs it is fetched into (see
 * fetch-pull.ts) and the diff itself.
 */
import type { Git } from './safe-git.js';

export interface PullRef {
  number: number;
  base: { ref: string; sha: string };
  head: { ref: string; sha: string };
  /** Commits on the PR branch, when known (sizes the first fetch). */
  commits?: number;
}

const DIFF_MAX_BYTES = 256 * 1024 * 1024;
export const PULL_BASE_REF = 'refs/remotes/aethr/base';
export const PULL_HEAD_REF = 'refs/remotes/aethr/head';

/** `git diff` merge-base…head with GitHub's prefixes, renames found, no external tools. */
export async function diffRange(git: Git, from: string, to: string): Promise<string> {
  // With the credential: a blob-less fetch left the blobs to be fetched now, on demand.
  const diff = await git.remote(
    [
      'diff',
      '--no-ext-diff',
      '--no-textconv',
      '--no-color',
      '-M',
      '--src-prefix=a/',
      '--dst-prefix=b/',
      from,
      to,
    ],
    { maxBytes: DIFF_MAX_BYTES, timeoutMs: 300_000 },
  );
  return diff.stdout;
}
