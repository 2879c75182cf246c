/**
 * `git_diff`: in PR mode the pull request's patch; otherwise the working tree against HEAD
 * (staged + unstaged, as `git diff --no-ext-diff HEAD` shows it) plus the untracked files git
 * does not ignore, rendered as new-file diffs. Capped at `maxDiffChars`, whole files first.
 */
import { lstat } from 'node:fs/promises';
import nodePath from 'node:path';
import type { ContextBlock } from '../engine/types.js';
import { GitError, isGitRepo, repoRoot, runGit } from '../git/run-git.js';
import { capDiff, DiffBudget, renderCappedDiff, splitDiffByFile } from './caps.js';
import { placeholder } from './placeholders.js';

/**
 * Options for every `git diff` run here: no external diff drivers or textconv filters (they run
 * programs configured outside the workflow), no colour, and fixed `a/` `b/` prefixes whatever the
 * user's diff.noprefix / diff.mnemonicPrefix say.
 */
export const DIFF_FLAGS = [
  '--no-ext-diff',
  '--no-textconv',
  '--no-color',
  '--src-prefix=a/',
  '--dst-prefix=b/',
] as const;

/** The PR-mode block: the given patch, capped. Pure. */
export function prDiffBlock(
  source: string,
  prDiff: { patch: string; label: string },
  maxDiffChars: number,
): ContextBlock {
  const title = `Pull request diff (${prDiff.label})`;
  if (prDiff.patch.trim() === '') {
    return { source, title, text: placeholder.prDiffEmpty(prDiff.label), placeholder: true };
  }
  const capped = capDiff(prDiff.patch, maxDiffChars);
  return {
    source,
    title: capped.truncated ? `${title} (truncated)` : title,
    text: renderCappedDiff(capped, maxDiffChars),
    language: 'diff',
    untrusted: true,
  };
}

/** Head commit present? (false on an unborn branch: a repository with no commits yet). */
async function hasHeadCommit(top: string): Promise<boolean> {
  const res = await runGit(top, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], {
    okCodes: [1, 128],
  });
  return res.code === 0;
}

/** The empty tree of this repository's hash algorithm (sha1 or sha256). */
async function emptyTree(top: string): Promise<string> {
  const res = await runGit(top, ['hash-object', '-t', 'tree', '--stdin'], { input: '' });
  return res.stdout.trim();
}

function byteBudget(chars: number): number {
  // Generous: a character is up to 4 bytes, and headers of left-out files are still wanted.
  return chars * 4 + 256 * 1024;
}

/** Adds the tracked changes to the budget. */
async function addTrackedChanges(
  top: string,
  base: string,
  budget: DiffBudget,
  maxChars: number,
): Promise<void> {
  const res = await runGit(top, ['diff', ...DIFF_FLAGS, base, '--'], {
    maxBytes: byteBudget(maxChars),
    onOverflow: 'truncate',
  });
  const chunks = splitDiffByFile(res.stdout);
  if (!res.truncated) {
    for (const c of chunks) budget.add(c);
    return;
  }
  // Output was cut short: the last piece is incomplete, and later files were never seen.
  const last = chunks.pop();
  const seen = new Set<string>();
  for (const c of chunks) {
    budget.add(c);
    seen.add(c.path);
  }
  if (last) {
    budget.omit(last.path);
    seen.add(last.path);
  }
  const names = await runGit(top, ['diff', '--no-ext-diff', '--name-only', '-z', base, '--'], {
    onOverflow: 'truncate',
  });
  for (const name of names.stdout.split('\0'))
    if (name !== '' && !seen.has(name)) budget.omit(name);
}

/** Adds untracked, not-ignored files as new-file diffs (binary ones as git's "Binary files" line). */
async function addUntrackedFiles(top: string, budget: DiffBudget, maxFiles: number): Promise<void> {
  const res = await runGit(top, ['ls-files', '--others', '--exclude-standard', '-z']);
  const files = res.stdout.split('\0').filter((f) => f !== '');
  let rendered = 0;
  for (const file of files) {
    if (file.endsWith('/')) {
      // An untracked nested repository: git lists the directory, not its files.
      budget.add({
        path: file,
        text: `Untracked nested git repository ${file} (its files are not shown)\n`,
      });
      continue;
    }
    let size: number;
    try {
      size = (await lstat(nodePath.join(top, file))).size;
    } catch {
      continue; // gone since it was listed
    }
    if (rendered >= maxFiles || size > budget.remaining) {
      budget.omit(file, size);
      continue;
    }
    rendered++;
    const diff = await runGit(top, ['diff', '--no-index', ...DIFF_FLAGS, '--', '/dev/null', file], {
      okCodes: [1],
      maxBytes: byteBudget(budget.remaining),
      onOverflow: 'truncate',
    });
    if (diff.truncated) {
      budget.omit(file, size);
      continue;
    }
    for (const c of splitDiffByFile(diff.stdout)) budget.add(c);
  }
}

/** The local-mode block (never throws for an expected condition: those become placeholders). */
export async function workingTreeDiffBlock(
  source: string,
  root: string,
  maxDiffChars: number,
  maxUntrackedFiles: number,
): Promise<ContextBlock> {
  const title = 'git diff (working tree vs HEAD, untracked files included)';
  const note = (text: string): ContextBlock => ({
    source,
    title: 'git diff',
    text,
    placeholder: true,
  });
  try {
    if (!(await isGitRepo(root))) return note(placeholder.notGitRepo());
    const top = await repoRoot(root);
    const headExists = await hasHeadCommit(top);
    const base = headExists ? 'HEAD' : await emptyTree(top);
    const budget = new DiffBudget(maxDiffChars);
    await addTrackedChanges(top, base, budget, maxDiffChars);
    await addUntrackedFiles(top, budget, maxUntrackedFiles);
    const capped = budget.finish();
    if (capped.text === '' && !capped.truncated) {
      return note(headExists ? placeholder.gitDiffEmpty() : placeholder.gitDiffEmptyNoCommits());
    }
    const shownTitle = headExists
      ? title
      : 'git diff (no commits yet: every staged, unstaged and untracked file)';
    return {
      source,
      title: capped.truncated ? `${shownTitle} (truncated)` : shownTitle,
      text: renderCappedDiff(capped, maxDiffChars),
      language: 'diff',
    };
  } catch (e) {
    if (e instanceof GitError) {
      if (e.kind === 'not-installed') return note(placeholder.gitMissing());
      if (e.kind === 'bad-cwd') return note(placeholder.rootMissing(root));
      return note(placeholder.gitFailed(e.message));
    }
    throw e;
  }
}
