/**
 * `git_diff`: in PR mode the pull request's patch; otherwise the working tree against HEAD
 * (staged + unstaged, as `git diff --no-ext-diff HEAD` shows it) plus the untracked files git
 * does not ignore, rendered as new-file diffs. Read up to a byte limit (whole files; later ones are
 * named as not read), then fitted into the step's share of the per-call budget (fit-diff.ts).
 */
import { lstat } from 'node:fs/promises';
import nodePath from 'node:path';
import type { ContextBlock } from '../engine/types.js';
import { GitError, isGitRepo, repoRoot, runGit } from '../git/run-git.js';
import { formatCount } from './caps.js';
import { fitDiffInput, type DiffFitOptions, type DiffInput } from './diff-block.js';
import { parseUnifiedDiff, type ParsedDiff } from '../diff/unified-diff.js';
import type { UnreadFile } from './fit-report.js';
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

/** A diff parsed once for the whole run (the PR's, or docs-sync's), and how to name it. */
export interface LabelledDiff {
  diff: ParsedDiff;
  label: string;
}

/** The PR-mode input: the given diff, not yet fitted. Pure. */
export function prDiffInput(source: string, prDiff: LabelledDiff): DiffInput {
  const title = `Pull request diff (${prDiff.label})`;
  if (prDiff.diff.text.trim() === '') {
    return {
      kind: 'ready',
      block: { source, title, text: placeholder.prDiffEmpty(prDiff.label), placeholder: true },
    };
  }
  return { kind: 'diff', source, title, diff: prDiff.diff, untrusted: true };
}

/** The PR-mode block: the given diff, fitted into `fit.budget`. Pure. */
export function prDiffBlock(
  source: string,
  prDiff: LabelledDiff,
  fit: DiffFitOptions,
): ContextBlock {
  return fitDiffInput(prDiffInput(source, prDiff), fit);
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

export interface WorkingTreeReadOptions {
  /** Bytes of diff text read at most (whole files; the rest are listed as not read). */
  maxReadBytes: number;
  /** Untracked files rendered as new-file diffs at most (the rest are listed). */
  maxUntrackedFiles: number;
  /**
   * A branch or commit: diff the working tree against its merge base with HEAD (the whole
   * branch's change, committed or not) instead of against HEAD. Resolved by the caller's git.
   */
  base?: string;
}

/** The merge base of HEAD and `ref`, or a reason it has none (unknown ref, unrelated history). */
async function mergeBaseWith(
  top: string,
  ref: string,
): Promise<{ sha: string } | { error: string }> {
  const resolved = await runGit(
    top,
    ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`],
    { okCodes: [1, 128] },
  );
  const sha = resolved.stdout.trim();
  if (resolved.code !== 0 || sha === '')
    return { error: `"${ref}" is not a branch or commit in this repository` };
  const base = await runGit(top, ['merge-base', 'HEAD', sha], { okCodes: [1] });
  if (base.code !== 0 || base.stdout.trim() === '')
    return { error: `HEAD and "${ref}" have no common ancestor` };
  return { sha: base.stdout.trim() };
}

/** The tracked changes, whole files only; files past the read limit are named, not read. */
async function readTrackedChanges(
  top: string,
  base: string,
  maxBytes: number,
): Promise<{ patch: string; unread: UnreadFile[] }> {
  const res = await runGit(top, ['diff', ...DIFF_FLAGS, base, '--'], {
    maxBytes,
    onOverflow: 'truncate',
  });
  if (!res.truncated) return { patch: res.stdout, unread: [] };
  // Output was cut short: the last file is incomplete, and later files were never seen.
  const parsed = parseUnifiedDiff(res.stdout);
  parsed.files.pop();
  const patch = parsed.preamble + parsed.files.map((f) => f.text).join('');
  const seen = new Set(parsed.files.map((f) => f.path));
  const names = await runGit(top, ['diff', '--no-ext-diff', '--name-only', '-z', base, '--'], {
    onOverflow: 'truncate',
  });
  const reason = `not read: the diff is larger than the ${formatCount(maxBytes)}-byte read limit`;
  const unread = names.stdout
    .split('\0')
    .filter((name) => name !== '' && !seen.has(name))
    .map((path) => ({ path, reason }));
  return { patch, unread };
}

/** Untracked, not-ignored files as new-file diffs (binary ones as git's "Binary files" line). */
async function readUntrackedFiles(
  top: string,
  maxFiles: number,
  maxBytes: number,
): Promise<{ patch: string; unread: UnreadFile[] }> {
  const res = await runGit(top, ['ls-files', '--others', '--exclude-standard', '-z']);
  const files = res.stdout.split('\0').filter((f) => f !== '');
  const parts: string[] = [];
  const unread: UnreadFile[] = [];
  let rendered = 0;
  let left = maxBytes;
  for (const file of files) {
    if (file.endsWith('/')) {
      // An untracked nested repository: git lists the directory, not its files.
      unread.push({
        path: file,
        reason: 'untracked nested git repository (its files are not shown)',
      });
      continue;
    }
    let size: number;
    try {
      size = (await lstat(nodePath.join(top, file))).size;
    } catch {
      continue; // gone since it was listed
    }
    if (rendered >= maxFiles) {
      unread.push({
        path: file,
        reason: `untracked, over the limit of ${formatCount(maxFiles)} untracked files shown`,
      });
      continue;
    }
    if (size > left) {
      unread.push({
        path: file,
        reason: `untracked, not read: over the ${formatCount(maxBytes)}-byte read limit`,
      });
      continue;
    }
    rendered++;
    const diff = await runGit(top, ['diff', '--no-index', ...DIFF_FLAGS, '--', '/dev/null', file], {
      okCodes: [1],
      maxBytes: Math.max(1, left),
      onOverflow: 'truncate',
    });
    if (diff.truncated) {
      unread.push({
        path: file,
        reason: `untracked, not read: over the ${formatCount(maxBytes)}-byte read limit`,
      });
      continue;
    }
    parts.push(diff.stdout.endsWith('\n') || diff.stdout === '' ? diff.stdout : `${diff.stdout}\n`);
    left -= Buffer.byteLength(diff.stdout);
  }
  return { patch: parts.join(''), unread };
}

/**
 * The local-mode input: `git diff HEAD` plus untracked files, read up to `maxReadBytes`; never
 * throws for an expected condition (those become placeholder blocks).
 */
export async function workingTreeDiffInput(
  source: string,
  root: string,
  options: WorkingTreeReadOptions,
): Promise<DiffInput> {
  const title = 'git diff (working tree vs HEAD, untracked files included)';
  const note = (text: string): DiffInput => ({
    kind: 'ready',
    block: { source, title: 'git diff', text, placeholder: true },
  });
  try {
    if (!(await isGitRepo(root))) return note(placeholder.notGitRepo());
    const top = await repoRoot(root);
    const headExists = await hasHeadCommit(top);
    let base = headExists ? 'HEAD' : await emptyTree(top);
    let baseTitle = title;
    if (options.base !== undefined && headExists) {
      const found = await mergeBaseWith(top, options.base);
      if ('error' in found) return note(placeholder.gitFailed(found.error));
      base = found.sha;
      baseTitle = `git diff (working tree vs the merge base with ${options.base}, untracked files included)`;
    }
    const tracked = await readTrackedChanges(top, base, options.maxReadBytes);
    const untracked = await readUntrackedFiles(
      top,
      options.maxUntrackedFiles,
      Math.max(0, options.maxReadBytes - Buffer.byteLength(tracked.patch)),
    );
    const patch = tracked.patch + untracked.patch;
    const unread = [...tracked.unread, ...untracked.unread];
    if (patch === '' && unread.length === 0) {
      if (base !== 'HEAD' && headExists)
        return note(
          `No changes against ${options.base} (git diff is empty): nothing committed, staged, unstaged or untracked differs from the merge base.`,
        );
      return note(headExists ? placeholder.gitDiffEmpty() : placeholder.gitDiffEmptyNoCommits());
    }
    return {
      kind: 'diff',
      source,
      title: headExists
        ? baseTitle
        : 'git diff (no commits yet: every staged, unstaged and untracked file)',
      diff: parseUnifiedDiff(patch),
      ...(unread.length > 0 ? { unread } : {}),
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

/** The local-mode block, fitted into `fit.budget`. */
export async function workingTreeDiffBlock(
  source: string,
  root: string,
  fit: DiffFitOptions,
  read: WorkingTreeReadOptions,
): Promise<ContextBlock> {
  return fitDiffInput(await workingTreeDiffInput(source, root, read), fit);
}
