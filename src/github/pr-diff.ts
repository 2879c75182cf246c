/**
 * The PR diff (merge-base...head), as GitHub shows it: from git through the Workspace (which
 * fetches what the checkout lacks), else from the API — the diff endpoint, or for diffs GitHub
 * will not render in one piece, rebuilt from the per-file patches.
 */
import { parseUnifiedDiff, type ParsedDiff } from '../diff/unified-diff.js';
import { toError } from '../errors.js';
import { HeadMoved } from '../git/workspace-errors.js';
import type { Workspace } from '../git/workspace.js';
import type { PullRequestInfo } from './event-intent.js';
import type { Forge, PullFile } from './forge.js';

export interface PrDiff {
  /** Parsed once for the whole run (its `text` is the patch as read). */
  diff: ParsedDiff;
  /** `local-git`: a local preview's own commits, nothing fetched. */
  source: 'git' | 'local-git' | 'api-diff' | 'api-files';
  notes: string[];
}

/** `workspace` undefined: ask the API only (local previews). */
export async function loadPrDiff(
  workspace: Workspace | undefined,
  pull: PullRequestInfo,
  forge: Forge,
  log: (m: string) => void,
): Promise<PrDiff> {
  const notes: string[] = [];
  if (workspace)
    try {
      const patch = await workspace.preparePull(pull);
      if (patch !== undefined) {
        const source = workspace.kind === 'local' ? 'local-git' : 'git';
        return { diff: parseUnifiedDiff(patch), source, notes };
      }
      notes.push(
        'The merge base was not found in the fetched history; the diff comes from the GitHub API.',
      );
    } catch (error) {
      // The head the run was authorised for is gone: nothing else may be reviewed instead.
      if (error instanceof HeadMoved) throw error;
      log(
        `Could not compute the PR diff with git (${toError(error).message}); asking the GitHub API.`,
      );
      notes.push('The diff comes from the GitHub API (git could not fetch the pull request).');
    }
  const diff = await forge.getPullDiff(pull.number);
  if (diff !== undefined) return { diff: parseUnifiedDiff(diff), source: 'api-diff', notes };
  const files = await forge.listPullFiles(pull.number);
  notes.push(
    'GitHub does not render this diff in one piece (too large); it was rebuilt from the per-file patches.',
  );
  return { diff: parseUnifiedDiff(diffFromFiles(files)), source: 'api-files', notes };
}

/**
 * `pull` with the commit count the API reports now: the fetch is sized by it (one fetch at
 * `commits + 1` reaches the merge base from the head), and a payload's count can be stale (a
 * queued event, a re-run, a workflow_run payload). Without an answer, the payload's count stands.
 */
export async function withCurrentCommits(
  pull: PullRequestInfo,
  forge: Pick<Forge, 'getPull'>,
): Promise<PullRequestInfo> {
  try {
    const now = await forge.getPull(pull.number);
    return now.commits === undefined ? pull : { ...pull, commits: now.commits };
  } catch {
    return pull;
  }
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
