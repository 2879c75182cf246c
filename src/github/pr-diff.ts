/**
 * The PR diff (merge-base...head), as GitHub shows it. actions/checkout leaves a depth-1 merge
 * commit for pull_request events and the default branch for comments, so the needed commits
 * are fetched (git/fetch-pull.ts: one fetch at the PR's depth, more only when the merge base is
 * further); when git cannot, the API answers.
 */
import { fetchPull } from '../git/fetch-pull.js';
import { runGit } from '../git/run-git.js';
import type { Forge, PullFile } from './forge.js';

export interface PrDiff {
  patch: string;
  source: 'git' | 'api-diff' | 'api-files';
  notes: string[];
}

export interface PrRef {
  number: number;
  baseRef: string;
  headSha: string;
  /** The PR's commit count from `pulls.get` (asked for when absent): how deep the fetch goes. */
  commits?: number;
}

const DIFF_MAX_BYTES = 256 * 1024 * 1024;

export async function loadPrDiff(
  root: string,
  pr: PrRef,
  forge: Forge,
  log: (m: string) => void,
  apiOnly = false,
): Promise<PrDiff> {
  const notes: string[] = [];
  if (!apiOnly)
    try {
      // The API's count, not a webhook payload's: it describes the head the fetch gets.
      const commits =
        pr.commits ??
        (await forge.getPull(pr.number).then(
          (p) => p.commits,
          () => undefined,
        ));
      const patch = await diffFromGit(root, { ...pr, commits });
      if (patch !== undefined) return { patch, source: 'git', notes };
      notes.push(
        'The merge base was not found in the fetched history; the diff comes from the GitHub API.',
      );
    } catch (error) {
      log(
        `Could not compute the PR diff with git (${(error as Error).message}); asking the GitHub API.`,
      );
      notes.push('The diff comes from the GitHub API (git could not fetch the pull request).');
    }
  const diff = await forge.getPullDiff(pr.number);
  if (diff !== undefined) return { patch: diff, source: 'api-diff', notes };
  const files = await forge.listPullFiles(pr.number);
  notes.push(
    'GitHub does not render this diff in one piece (too large); it was rebuilt from the per-file patches.',
  );
  return { patch: diffFromFiles(files), source: 'api-files', notes };
}

async function diffFromGit(root: string, pr: PrRef): Promise<string | undefined> {
  const { head, mergeBase: base } = await fetchPull(
    { run: (args, options) => runGit(root, args, options) },
    {
      base: { branch: pr.baseRef, to: 'refs/remotes/aethr/base' },
      head: { from: `refs/pull/${pr.number}/head`, to: 'refs/remotes/aethr/head', sha: pr.headSha },
      commits: pr.commits,
    },
  );
  if (!base) return undefined;
  const diff = await runGit(
    root,
    [
      'diff',
      '--no-ext-diff',
      '--no-textconv',
      '--no-color',
      '-M',
      '--src-prefix=a/',
      '--dst-prefix=b/',
      base,
      head,
    ],
    { maxBytes: DIFF_MAX_BYTES, timeoutMs: 300_000 },
  );
  return diff.stdout;
}

/** A unified diff rebuilt from `pulls/{n}/files`; files GitHub sends without a patch are noted. */
export function diffFromFiles(files: readonly PullFile[]): string {
  const out: string[] = [];
  for (const f of files) {
    const oldPath = f.previousFilename ?? f.filename;
    out.push(`diff --git a/${oldPath} b/${f.filename}`);
    if (f.status === 'renamed') out.push(`rename from ${oldPath}`, `rename to ${f.filename}`);
    if (f.status === 'added') out.push('new file mode 100644');
    if (f.status === 'removed') out.push('deleted file mode 100644');
    if (f.patch === undefined) {
      out.push(`Binary files a/${oldPath} and b/${f.filename} differ`);
      continue;
    }
    out.push(f.status === 'added' ? '--- /dev/null' : `--- a/${oldPath}`);
    out.push(f.status === 'removed' ? '+++ /dev/null' : `+++ b/${f.filename}`);
    out.push(f.patch.replace(/\n$/, ''));
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
