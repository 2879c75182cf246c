/**
 * The state of the work tree before a patch lands: HEAD, `git status` (untracked files included)
 * and, for every path the patch writes, its exact bytes (or link target) and mode. Rollback
 * restores to it and proves it did.
 */
import { createHash } from 'node:crypto';
import { lstat, readFile, readlink, realpath } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { AethrError } from '../../errors.js';
import { parseStatusZ, statusArgs } from '../../git/tree-changes.js';
import type { StatusEntry } from '../../git/tree-changes.js';
import type { GitRunner } from './git.js';

export type PathState =
  | { kind: 'missing' }
  | { kind: 'file'; mode: number; size: number; sha256: string; bytes?: Buffer }
  | { kind: 'symlink'; target: string }
  | { kind: 'dir' }
  | { kind: 'other' };

export interface TreeSnapshot {
  /** Real path of the work tree's top level. */
  root: string;
  head: string | null;
  /** Raw `git status` (`statusArgs('none')`: every untracked file, no renames, submodules too). */
  status: string;
  entries: StatusEntry[];
  /** Each written path's state before the patch. */
  paths: Map<string, PathState>;
  /** Ancestor directories of written paths that existed before the patch. */
  existingDirs: Set<string>;
}

/** Bytes kept in memory for restoring; beyond this only hashes are kept (rollback then relies on `git apply -R`). */
const MAX_KEPT_BYTES = 64 * 1024 * 1024;

/** Resolves `rel` inside `root`, refusing anything that would land outside it. */
export function inside(root: string, rel: string): string {
  const abs = resolve(root, rel);
  const back = relative(root, abs);
  if (back === '' || back === '..' || back.startsWith(`..${sep}`) || resolve(root, back) !== abs) {
    throw new AethrError(`refusing to touch ${JSON.stringify(rel)}: it is outside the repository`);
  }
  return abs;
}

export async function readPathState(
  root: string,
  rel: string,
  keepBytes: boolean,
): Promise<PathState> {
  const abs = inside(root, rel);
  let st;
  try {
    st = await lstat(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    throw error;
  }
  if (st.isSymbolicLink()) return { kind: 'symlink', target: await readlink(abs) };
  if (st.isDirectory()) return { kind: 'dir' };
  if (!st.isFile()) return { kind: 'other' };
  const bytes = await readFile(abs);
  const state: PathState = {
    kind: 'file',
    mode: st.mode & 0o777,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
  if (keepBytes) state.bytes = bytes;
  return state;
}

export function sameState(a: PathState, b: PathState): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'file' && b.kind === 'file') return a.sha256 === b.sha256 && a.mode === b.mode;
  if (a.kind === 'symlink' && b.kind === 'symlink') return a.target === b.target;
  return true;
}

export function describeState(s: PathState): string {
  switch (s.kind) {
    case 'file':
      return `file (${s.size} bytes, mode ${s.mode.toString(8)}, sha256 ${s.sha256.slice(0, 12)})`;
    case 'symlink':
      return `symlink -> ${s.target}`;
    default:
      return s.kind;
  }
}

export async function readHead(git: GitRunner, root: string): Promise<string | null> {
  const res = await git(root, ['rev-parse', '--verify', '-q', 'HEAD'], { okCodes: [1, 128] });
  return res.code === 0 ? res.stdout.trim() : null;
}

export async function readStatus(git: GitRunner, root: string): Promise<string> {
  return (await git(root, statusArgs('none'))).stdout;
}

/** The real top level of the work tree, which must be `root` itself. */
export async function workTreeRoot(git: GitRunner, root: string): Promise<string> {
  const res = await git(root, ['rev-parse', '--show-toplevel']);
  const top = await realpath(res.stdout.replace(/\r?\n$/, ''));
  const real = await realpath(root);
  if (top !== real) {
    throw new AethrError(
      `the patch backend's root ${root} is not the top level of its git work tree (${top})`,
      {
        hint: 'Pass the repository root as `root`.',
      },
    );
  }
  return real;
}

export async function takeSnapshot(
  git: GitRunner,
  root: string,
  written: readonly string[],
): Promise<TreeSnapshot> {
  const top = await workTreeRoot(git, root);
  const head = await readHead(git, top);
  const status = await readStatus(git, top);
  const paths = new Map<string, PathState>();
  const existingDirs = new Set<string>();
  let kept = 0;
  for (const rel of written) {
    const state = await readPathState(top, rel, true);
    if (state.kind === 'file') {
      if (kept + state.size <= MAX_KEPT_BYTES) kept += state.size;
      else delete state.bytes;
    }
    paths.set(rel, state);
    const parts = rel.split('/');
    for (let k = 1; k < parts.length; k++) {
      const dir = parts.slice(0, k).join('/');
      if (existingDirs.has(dir)) continue;
      const st = await lstat(join(top, dir)).catch(() => undefined);
      if (st?.isDirectory()) existingDirs.add(dir);
    }
  }
  return { root: top, head, status, entries: parseStatusZ(status), paths, existingDirs };
}
