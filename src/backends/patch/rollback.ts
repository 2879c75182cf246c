/**
 * Puts the work tree back exactly as the snapshot found it, then proves it:
 * 1. reverse-apply the patch (`git apply -R`), tolerated to fail;
 * 2. every path the patch writes gets its snapshot bytes, mode or link back (or is removed when
 *    it did not exist), and directories the patch created are removed when empty;
 * 3. untracked files that appeared since the snapshot are removed — never one that was there;
 *    tracked files that were clean and are now modified (by a validator) are checked out again;
 * 4. HEAD, `git status` and the written paths' hashes must equal the snapshot, or
 *    `PatchRollbackFailed` is thrown.
 */
import {
  mkdtemp,
  mkdir,
  lstat,
  rm,
  rmdir,
  symlink,
  unlink,
  writeFile,
  chmod,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseStatusZ } from '../../git/tree-changes.js';
import { PatchRollbackFailed } from './errors.js';
import { defaultGitRunner } from './git.js';
import type { GitRunner } from './git.js';
import {
  describeState,
  inside,
  readHead,
  readPathState,
  readStatus,
  sameState,
} from './snapshot.js';
import type { PathState, TreeSnapshot } from './snapshot.js';

export interface RollbackTarget {
  snapshot: TreeSnapshot;
  /** The patch as applied (reverse-applied first). Omit when it never reached `git apply`. */
  patch?: string;
  /** Paths the patch writes or removes. */
  written: readonly string[];
}

export interface RollbackReport {
  reverseApplied: boolean;
  /** Written paths put back from the snapshot's bytes. */
  restored: string[];
  /** Files removed: created by the patch, or untracked files that appeared since the snapshot. */
  removed: string[];
  /** Tracked files a validator changed, checked out again. */
  checkedOut: string[];
}

async function removeFile(root: string, rel: string): Promise<boolean> {
  const abs = inside(root, rel);
  const st = await lstat(abs).catch(() => undefined);
  if (!st) return false;
  if (st.isDirectory()) {
    await rmdir(abs).catch(() => undefined); // only ever an empty one
    return true;
  }
  await unlink(abs);
  return true;
}

async function restoreState(root: string, rel: string, want: PathState): Promise<boolean> {
  const abs = inside(root, rel);
  if (want.kind === 'missing') return removeFile(root, rel);
  if (want.kind === 'file') {
    if (!want.bytes) return false;
    const st = await lstat(abs).catch(() => undefined);
    if (st && !st.isDirectory()) await unlink(abs); // never write through a link
    if (st?.isDirectory()) await rmdir(abs);
    await mkdir(dirname(abs), { recursive: true });
    await writeFile(abs, want.bytes, { flag: 'wx', mode: want.mode });
    await chmod(abs, want.mode);
    return true;
  }
  if (want.kind === 'symlink') {
    const st = await lstat(abs).catch(() => undefined);
    if (st && !st.isDirectory()) await unlink(abs);
    await mkdir(dirname(abs), { recursive: true });
    await symlink(want.target, abs);
    return true;
  }
  return false;
}

/** Removes now-empty directories on `rel`'s path that did not exist at snapshot time. */
async function pruneDirs(root: string, rel: string, existing: ReadonlySet<string>): Promise<void> {
  const parts = rel.split('/');
  for (let k = parts.length - 1; k >= 1; k--) {
    const dir = parts.slice(0, k).join('/');
    if (existing.has(dir)) return;
    try {
      await rmdir(inside(root, dir));
    } catch {
      return; // not empty (or already gone)
    }
  }
}

export async function rollback(
  target: RollbackTarget,
  opts: { git?: GitRunner } = {},
): Promise<RollbackReport> {
  const git = opts.git ?? defaultGitRunner;
  const { snapshot } = target;
  const root = snapshot.root;
  const report: RollbackReport = {
    reverseApplied: false,
    restored: [],
    removed: [],
    checkedOut: [],
  };

  if (target.patch !== undefined && target.patch !== '') {
    const dir = await mkdtemp(join(tmpdir(), 'aethr-rollback-'));
    try {
      const file = join(dir, 'applied.patch');
      await writeFile(file, target.patch);
      const res = await git(root, ['apply', '-R', '--whitespace=nowarn', file], {
        okCodes: [1, 128],
      });
      report.reverseApplied = res.code === 0;
    } catch {
      // the byte-level restore below does the work
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  for (const rel of target.written) {
    const want = snapshot.paths.get(rel) ?? { kind: 'missing' };
    const now = await readPathState(root, rel, false);
    if (!sameState(now, want)) {
      try {
        if (await restoreState(root, rel, want)) report.restored.push(rel);
      } catch {
        // reported by the verification below
      }
    }
    if (want.kind === 'missing') await pruneDirs(root, rel, snapshot.existingDirs);
  }

  // Files that appeared since the snapshot (a validator's output, say), and tracked files a
  // validator modified while they were clean.
  const before = new Map(snapshot.entries.map((e) => [e.path, e.xy]));
  const now = parseStatusZ(await readStatus(git, root));
  const toCheckout: string[] = [];
  for (const entry of now) {
    if (before.get(entry.path) === entry.xy) continue;
    if (entry.xy === '??' && !before.has(entry.path) && !entry.path.endsWith('/')) {
      try {
        if (await removeFile(root, entry.path)) report.removed.push(entry.path);
        await pruneDirs(root, entry.path, snapshot.existingDirs);
      } catch {
        // reported below
      }
    } else if (
      !before.has(entry.path) &&
      entry.xy[0] === ' ' &&
      !target.written.includes(entry.path)
    ) {
      toCheckout.push(entry.path);
    }
  }
  if (toCheckout.length > 0) {
    const res = await git(root, ['--literal-pathspecs', 'checkout', '-q', '--', ...toCheckout], {
      okCodes: [1],
    });
    if (res.code === 0) report.checkedOut.push(...toCheckout);
  }

  const differences = await verifySnapshot(git, target);
  if (differences.length > 0) {
    throw new PatchRollbackFailed(
      `rollback did not restore the working tree:\n${differences.map((d) => `- ${d}`).join('\n')}`,
      differences,
    );
  }
  return report;
}

/** What differs between the tree now and the snapshot (empty when identical). */
export async function verifySnapshot(
  git: GitRunner,
  target: Pick<RollbackTarget, 'snapshot' | 'written'>,
): Promise<string[]> {
  const { snapshot } = target;
  const differences: string[] = [];
  const head = await readHead(git, snapshot.root);
  if (head !== snapshot.head)
    differences.push(`HEAD is ${head ?? '(none)'}, was ${snapshot.head ?? '(none)'}`);
  const status = await readStatus(git, snapshot.root);
  if (status !== snapshot.status) {
    const before = new Set(snapshot.entries.map((e) => `${e.xy} ${e.path}`));
    const after = new Set(parseStatusZ(status).map((e) => `${e.xy} ${e.path}`));
    const added = [...after].filter((e) => !before.has(e));
    const gone = [...before].filter((e) => !after.has(e));
    differences.push(
      `git status differs from the snapshot (now: ${added.map((e) => JSON.stringify(e)).join(', ') || 'nothing new'}; ` +
        `missing: ${gone.map((e) => JSON.stringify(e)).join(', ') || 'nothing'})`,
    );
  }
  for (const rel of target.written) {
    const want = snapshot.paths.get(rel) ?? { kind: 'missing' };
    const now = await readPathState(snapshot.root, rel, false);
    if (!sameState(now, want))
      differences.push(`${rel} is ${describeState(now)}, was ${describeState(want)}`);
  }
  return differences;
}
