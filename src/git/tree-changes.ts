/**
 * What changed in a git working tree, judged from git alone — the one computation behind every
 * editing backend's artifact (changed files, patch with new files against /dev/null, diff stat)
 * and the one reading of `git status -z`.
 *
 * Two ways in: `readTreeState` + `describeTreeChanges` snapshot the whole tree before and after
 * (HEAD, status with every untracked file, a hash of each dirty path) for an agent that may touch
 * anything; `describePaths` describes a list of paths already known to have changed (the patch
 * backend knows what its patch wrote).
 *
 * A path counts as changed when it is dirty after and was clean before, or was dirty before and
 * its status or content differs after (including going back to clean). For a path that was
 * already dirty before the run, the patch shows its whole difference from HEAD, and the result
 * says so.
 */
import { createHash } from 'node:crypto';
import { lstat, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { runGit } from './run-git.js';
import type { GitRunner } from './run-git.js';

export type { GitRunner } from './run-git.js';

/** git's empty tree: the base of the diff in a repository without commits. */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
/** Patch text kept at most (the rest is cut at a file boundary and noted). */
export const MAX_PATCH_BYTES = 8 * 1024 * 1024;
/** New files given a patch at most (more are listed without one). */
const MAX_NEW_FILE_DIFFS = 2_000;
/** Paths per git invocation (keeps argv well under the system limit). */
const PATHS_PER_CALL = 500;

/** `git status` with every untracked file one by one and no rename pairing, NUL-separated. */
export function statusArgs(ignoreSubmodules: 'none' | 'dirty'): string[] {
  return [
    'status',
    '--porcelain=v1',
    '-z',
    '--untracked-files=all',
    '--no-renames',
    `--ignore-submodules=${ignoreSubmodules}`,
  ];
}

/** A patch any `git apply` reads back: no colour, no external or textconv drivers, binary kept. */
const DIFF_ARGS = [
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--binary',
  '--no-renames',
  '--src-prefix=a/',
  '--dst-prefix=b/',
];

export interface StatusEntry {
  /** The two status letters, e.g. ` M`, `??`, `A `. */
  xy: string;
  path: string;
}

/** Reads `git status --porcelain=v1 -z`: one entry per path; a rename's source path is skipped. */
export function parseStatusZ(raw: string): StatusEntry[] {
  const parts = raw.split('\0');
  const entries: StatusEntry[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.length < 4) continue;
    const xy = part.slice(0, 2);
    entries.push({ xy, path: part.slice(3) });
    if (xy.includes('R') || xy.includes('C')) i++; // the source path follows
  }
  return entries;
}

export interface TreeState {
  /** The top level of the work tree; every path below is relative to it. */
  root: string;
  head: string | null;
  /** Path -> the two status letters (`??`, ` M`, `A `, ...). */
  status: Map<string, string>;
  /** For each path in `status`: a hash of what is on disk (`missing`, `file:<sha>`, ...). */
  fingerprints: Map<string, string>;
}

export interface TreeChanges {
  changedFiles: string[];
  patch: string;
  diffStat: string;
  /** Things a reader of the artifact should know (dirty-before paths, truncation). */
  notes: string[];
}

/** What is on disk at `rel`: `missing`, `dir`, `other`, `link:<target>` or `file:<x|->:<sha256>`. */
export async function fingerprint(root: string, rel: string): Promise<string> {
  const abs = join(root, rel);
  try {
    const st = await lstat(abs);
    if (st.isSymbolicLink()) return `link:${await readlink(abs)}`;
    if (st.isDirectory()) return 'dir';
    if (!st.isFile()) return 'other';
    const hash = createHash('sha256')
      .update(await readFile(abs))
      .digest('hex');
    return `file:${(st.mode & 0o111) !== 0 ? 'x' : '-'}:${hash}`;
  } catch {
    return 'missing';
  }
}

/** Reads the state of the work tree containing `dir` (paths relative to its top level). */
export async function readTreeState(dir: string, git: GitRunner = runGit): Promise<TreeState> {
  const top = await git(dir, ['rev-parse', '--show-toplevel']);
  const root = top.stdout.replace(/\r?\n$/, '') || dir;
  const headRes = await git(root, ['rev-parse', '--verify', '-q', 'HEAD'], { okCodes: [1, 128] });
  const head = headRes.code === 0 ? headRes.stdout.trim() : null;
  const entries = parseStatusZ((await git(root, statusArgs('dirty'))).stdout);
  const status = new Map(entries.map((e) => [e.path, e.xy]));
  const fingerprints = new Map<string, string>();
  for (const path of status.keys()) fingerprints.set(path, await fingerprint(root, path));
  return { root, head, status, fingerprints };
}

/** Paths whose state differs between the two snapshots, sorted. */
export function changedPaths(before: TreeState, after: TreeState): string[] {
  const changed = new Set<string>();
  for (const [path, xy] of after.status) {
    const was = before.status.get(path);
    if (
      was === undefined ||
      was !== xy ||
      before.fingerprints.get(path) !== after.fingerprints.get(path)
    )
      changed.add(path);
  }
  for (const path of before.status.keys()) if (!after.status.has(path)) changed.add(path);
  return [...changed].sort();
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Cuts `patch` at the last file boundary before `max` bytes. */
export function capPatch(patch: string, max: number): { text: string; cut: boolean } {
  if (Buffer.byteLength(patch) <= max) return { text: patch, cut: false };
  const head = Buffer.from(patch).subarray(0, max).toString('utf8');
  const boundary = head.lastIndexOf('\ndiff --git ');
  return { text: boundary > 0 ? head.slice(0, boundary + 1) : '', cut: true };
}

/** The paths of `paths` git lists with `args` (`ls-files`, `ls-tree`), asked in chunks. */
async function listed(
  git: GitRunner,
  root: string,
  args: readonly string[],
  paths: readonly string[],
): Promise<Set<string>> {
  const out = new Set<string>();
  for (const group of chunks(paths, PATHS_PER_CALL)) {
    const res = await git(root, ['--literal-pathspecs', ...args, '--', ...group]);
    for (const p of res.stdout.split('\0')) if (p !== '') out.add(p);
  }
  return out;
}

export interface DescribePathsOptions {
  /** What tracked paths are diffed against: a commit (or EMPTY_TREE); absent, the index. */
  base?: string;
  /** What is on disk now per path (`fingerprint`; a path it lacks counts as missing). Absent: read. */
  fingerprints?: ReadonlyMap<string, string>;
}

/**
 * The patch and diff stat of `changed` (sorted, relative to `root`): paths git tracks (or that
 * `base` has) diffed against `base` or the index, new ones against /dev/null; the patch is cut at
 * MAX_PATCH_BYTES on a file boundary. `notes` says what was left out.
 */
export async function describePaths(
  git: GitRunner,
  root: string,
  changed: string[],
  options: DescribePathsOptions = {},
): Promise<TreeChanges> {
  const notes: string[] = [];
  if (changed.length === 0) return { changedFiles: [], patch: '', diffStat: '', notes };
  const { base } = options;
  // Tracked = known to the index now; everything else that still exists is new (untracked).
  const tracked = await listed(git, root, ['ls-files', '-z'], changed);
  // A tracked path the base knew of but the index lost (`git rm --cached`) is still diffed against it.
  const inBase =
    base === undefined
      ? new Set<string>()
      : await listed(
          git,
          root,
          ['ls-tree', '-r', '-z', '--name-only', base],
          changed.filter((p) => !tracked.has(p)),
        );

  const parts: string[] = [];
  let bytes = 0;
  const diffTracked = changed.filter((p) => tracked.has(p) || inBase.has(p));
  const against = base === undefined ? [] : [base];
  for (const group of chunks(diffTracked, PATHS_PER_CALL)) {
    const res = await git(
      root,
      ['--literal-pathspecs', 'diff', ...DIFF_ARGS, ...against, '--', ...group],
      { maxBytes: MAX_PATCH_BYTES + 1, onOverflow: 'truncate' },
    );
    parts.push(res.stdout);
    bytes += Buffer.byteLength(res.stdout);
    if (bytes > MAX_PATCH_BYTES) break;
  }
  const fresh = changed.filter((p) => !tracked.has(p) && !inBase.has(p));
  let diffed = 0;
  for (const rel of fresh) {
    if (bytes > MAX_PATCH_BYTES) break;
    const kind = options.fingerprints
      ? (options.fingerprints.get(rel) ?? 'missing')
      : await fingerprint(root, rel);
    if (kind === 'missing' || kind === 'dir' || kind === 'other') continue;
    if (diffed >= MAX_NEW_FILE_DIFFS) {
      notes.push(`${fresh.length - diffed} more new files are listed without a patch`);
      break;
    }
    diffed++;
    const res = await git(root, ['diff', '--no-index', ...DIFF_ARGS, '--', '/dev/null', rel], {
      okCodes: [1],
      maxBytes: MAX_PATCH_BYTES + 1,
      onOverflow: 'truncate',
    });
    parts.push(res.stdout);
    bytes += Buffer.byteLength(res.stdout);
  }

  const capped = capPatch(parts.join(''), MAX_PATCH_BYTES);
  if (capped.cut)
    notes.push(
      `the patch is cut at ${MAX_PATCH_BYTES} bytes; the working tree has all the changes`,
    );
  let diffStat = '';
  if (capped.text !== '') {
    const stat = await git(root, ['apply', '--stat'], { input: capped.text, okCodes: [1, 128] });
    diffStat = stat.code === 0 ? stat.stdout.replace(/\s+$/, '') : '';
  }
  return { changedFiles: changed, patch: capped.text, diffStat, notes };
}

/** The changes between `before` and now. `after` may be passed when already read. */
export async function describeTreeChanges(
  before: TreeState,
  git: GitRunner = runGit,
  after?: TreeState,
): Promise<TreeChanges & { after: TreeState }> {
  const now = after ?? (await readTreeState(before.root, git));
  const changed = changedPaths(before, now);
  const changes = await describePaths(git, before.root, changed, {
    base: before.head ?? EMPTY_TREE,
    fingerprints: now.fingerprints,
  });
  const dirtyBefore = changed.filter((p) => before.status.has(p));
  if (dirtyBefore.length > 0) {
    changes.notes.push(
      `already changed before this step (their patch shows all of their uncommitted changes): ${dirtyBefore.slice(0, 20).join(', ')}${dirtyBefore.length > 20 ? ', …' : ''}`,
    );
  }
  return { ...changes, after: now };
}
