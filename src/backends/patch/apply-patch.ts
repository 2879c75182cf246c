/**
 * Applies a validated patch with git, in this order:
 * 1. snapshot the tree (HEAD, `git status` with untracked files, bytes of every written path);
 * 2. refuse paths that would be written through a symbolic link (or change one);
 * 3. cross-check our reading of the patch with git's own (`git apply --numstat/--summary`):
 *    the same files, the same line counts, the same creations/deletions/renames/mode changes;
 * 4. `git apply --check` — on failure refuse with git's reason, the tree untouched;
 * 5. `git apply`, then verify that only the expected paths changed — otherwise roll back.
 * Refusals are `PatchRejected`; after step 5 started, a refusal has already been rolled back.
 */
import { lstat, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep, isAbsolute } from 'node:path';
import { parseStatusZ } from '../../git/tree-changes.js';
import { PatchRejected } from './errors.js';
import { defaultGitRunner } from './git.js';
import type { GitRunner } from './git.js';
import { rollback } from './rollback.js';
import { readPathState, readStatus, takeSnapshot } from './snapshot.js';
import type { TreeSnapshot } from './snapshot.js';
import { writtenPaths } from './validate-patch.js';
import type { PatchProblem, ValidatedFile } from './validate-patch.js';

export interface ApplyPatchInput {
  root: string;
  /** The validated patch text. */
  patch: string;
  /** What `validatePatch` said the patch does. */
  files: ValidatedFile[];
  git?: GitRunner;
  /** Let the patch change an existing symbolic link (never write *through* one). Default false. */
  allowSymlinks?: boolean;
}

export interface AppliedPatch {
  root: string;
  patch: string;
  files: ValidatedFile[];
  /** Paths written or removed. */
  written: string[];
  snapshot: TreeSnapshot;
}

function within(root: string, abs: string): boolean {
  const rel = relative(root, abs);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Problems with writing `paths` under `root`: a symlinked parent directory, or a symlink as the target. */
export async function checkSymlinks(
  root: string,
  paths: readonly string[],
  allowSymlinks = false,
): Promise<PatchProblem[]> {
  const realRoot = await realpath(root);
  const problems: PatchProblem[] = [];
  for (const path of paths) {
    const parts = path.split('/');
    for (let k = 1; k <= parts.length; k++) {
      const prefix = parts.slice(0, k).join('/');
      const abs = join(realRoot, prefix);
      const st = await lstat(abs).catch(() => undefined);
      if (!st) break; // nothing further exists
      if (!st.isSymbolicLink()) continue;
      const last = k === parts.length;
      let target: string;
      try {
        target = await realpath(abs);
      } catch {
        target = '(dangling)';
      }
      const outside = target === '(dangling)' || !within(realRoot, target);
      if (!last) {
        problems.push({
          path,
          rule: 'symlink',
          message: outside
            ? `"${path}" would be written through "${prefix}", a symbolic link to ${target} outside the repository`
            : `"${path}" would be written through "${prefix}", a symbolic link`,
        });
        break;
      }
      if (!allowSymlinks) {
        problems.push({
          path,
          rule: 'symlink',
          message: `"${path}" is a symbolic link; changing links is not allowed`,
        });
      }
    }
  }
  return problems;
}

interface GitView {
  files: { path: string; additions: number | null; deletions: number | null }[];
  summary: Record<'create' | 'delete' | 'rename' | 'copy' | 'mode', number>;
}

async function gitView(
  git: GitRunner,
  root: string,
  file: string,
): Promise<GitView | { error: string }> {
  const numstat = await git(root, ['apply', '--numstat', '-z', file], { okCodes: [1, 128] });
  if (numstat.code !== 0) return { error: numstat.stderr.trim() || `exit ${numstat.code}` };
  const files: GitView['files'] = [];
  for (const record of numstat.stdout.split('\0')) {
    if (record === '') continue;
    const m = /^(-|\d+)\t(-|\d+)\t([\s\S]*)$/.exec(record);
    if (!m) return { error: `unexpected numstat record ${JSON.stringify(record)}` };
    files.push({
      path: m[3]!,
      additions: m[1] === '-' ? null : Number(m[1]),
      deletions: m[2] === '-' ? null : Number(m[2]),
    });
  }
  const summaryRes = await git(root, ['apply', '--summary', file], { okCodes: [1, 128] });
  if (summaryRes.code !== 0)
    return { error: summaryRes.stderr.trim() || `exit ${summaryRes.code}` };
  const summary: GitView['summary'] = { create: 0, delete: 0, rename: 0, copy: 0, mode: 0 };
  for (const line of summaryRes.stdout.split('\n')) {
    if (line.startsWith(' create ')) summary.create++;
    else if (line.startsWith(' delete ')) summary.delete++;
    else if (line.startsWith(' rename ')) summary.rename++;
    else if (line.startsWith(' copy ')) summary.copy++;
    else if (line.startsWith(' mode change ')) summary.mode++;
  }
  return { files, summary };
}

/** Differences between git's reading of the patch and ours (empty when they agree). */
function crossCheck(view: GitView, files: readonly ValidatedFile[]): string[] {
  const out: string[] = [];
  const ours = files.map((f) => f.path).sort();
  const theirs = view.files.map((f) => f.path).sort();
  if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
    out.push(
      `git reads the files as ${JSON.stringify(theirs)}, the validator as ${JSON.stringify(ours)}`,
    );
    return out;
  }
  const pending = [...view.files];
  for (const f of files) {
    const idx = pending.findIndex((g) => g.path === f.path);
    const g = pending.splice(idx, 1)[0]!;
    const gitBinary = g.additions === null;
    if (gitBinary !== f.binary)
      out.push(`"${f.path}": git ${gitBinary ? 'sees' : 'does not see'} a binary change`);
    else if (!gitBinary && (g.additions !== f.additions || g.deletions !== f.deletions))
      out.push(
        `"${f.path}": git counts +${g.additions}/-${g.deletions}, the validator +${f.additions}/-${f.deletions}`,
      );
  }
  const count = (change: ValidatedFile['change']): number =>
    files.filter((f) => f.change === change).length;
  const modeChanges = files.filter(
    (f) =>
      f.change !== 'add' &&
      f.change !== 'delete' &&
      f.oldMode !== undefined &&
      f.newMode !== undefined &&
      f.oldMode !== f.newMode,
  ).length;
  const expected = {
    create: count('add'),
    delete: count('delete'),
    rename: count('rename'),
    copy: count('copy'),
    mode: modeChanges,
  };
  for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
    if (expected[key] !== view.summary[key])
      out.push(`git sees ${view.summary[key]} ${key} operation(s), the validator ${expected[key]}`);
  }
  return out;
}

function gitMessage(stderr: string, code: number): string {
  const text = stderr.trim();
  return text === '' ? `exit ${code}` : text.split('\n').slice(0, 20).join('\n');
}

export async function applyPatch(input: ApplyPatchInput): Promise<AppliedPatch> {
  const git = input.git ?? defaultGitRunner;
  const written = writtenPaths(input.files);
  const snapshot = await takeSnapshot(git, input.root, written);
  const root = snapshot.root;

  const linkProblems = await checkSymlinks(root, written, input.allowSymlinks ?? false);
  if (linkProblems.length > 0) {
    throw new PatchRejected('symlink', linkProblems.map((p) => p.message).join('; '), linkProblems);
  }

  const dir = await mkdtemp(join(tmpdir(), 'aethr-patch-'));
  const file = join(dir, 'proposal.patch');
  let touched = false;
  try {
    await writeFile(file, input.patch);

    const view = await gitView(git, root, file);
    if ('error' in view) {
      throw new PatchRejected('check', `git cannot read the patch: ${view.error}`, [
        { rule: 'check', message: view.error },
      ]);
    }
    const mismatch = crossCheck(view, input.files);
    if (mismatch.length > 0) {
      throw new PatchRejected(
        'cross-check',
        `git reads the patch differently from the validator: ${mismatch.join('; ')}`,
        mismatch.map((message) => ({ rule: 'cross-check', message })),
      );
    }

    const check = await git(root, ['apply', '--check', '--whitespace=nowarn', file], {
      okCodes: [1, 128],
    });
    if (check.code !== 0) {
      const reason = gitMessage(check.stderr, check.code);
      throw new PatchRejected('check', `git apply --check refused the patch:\n${reason}`, [
        { rule: 'check', message: reason },
      ]);
    }

    touched = true;
    const applied = await git(root, ['apply', '--whitespace=nowarn', file], { okCodes: [1, 128] });
    if (applied.code !== 0) {
      const reason = gitMessage(applied.stderr, applied.code);
      throw new PatchRejected('apply', `git apply failed:\n${reason}`, [
        { rule: 'apply', message: reason },
      ]);
    }

    // Only the expected paths may have changed, each in the expected way.
    const problems: PatchProblem[] = [];
    const expected = new Set(written);
    const before = new Map(snapshot.entries.map((e) => [e.path, e.xy]));
    const after = parseStatusZ(await readStatus(git, root));
    const afterPaths = new Set(after.map((e) => e.path));
    for (const e of after) {
      if (before.get(e.path) !== e.xy && !expected.has(e.path))
        problems.push({
          path: e.path,
          rule: 'verify',
          message: `"${e.path}" changed although the patch does not name it`,
        });
    }
    for (const e of snapshot.entries) {
      if (!afterPaths.has(e.path) && !expected.has(e.path))
        problems.push({
          path: e.path,
          rule: 'verify',
          message: `"${e.path}" changed although the patch does not name it`,
        });
    }
    for (const f of input.files) {
      const state = await readPathState(root, f.path, false);
      const shouldExist = f.change !== 'delete';
      if (shouldExist !== (state.kind !== 'missing'))
        problems.push({
          path: f.path,
          rule: 'verify',
          message: `"${f.path}" ${shouldExist ? 'is missing after' : 'still exists after'} applying the patch`,
        });
      if (
        f.change === 'rename' &&
        f.oldPath !== undefined &&
        (await readPathState(root, f.oldPath, false)).kind !== 'missing'
      )
        problems.push({
          path: f.oldPath,
          rule: 'verify',
          message: `"${f.oldPath}" still exists after its rename`,
        });
    }
    if (problems.length > 0) {
      throw new PatchRejected('verify', problems.map((p) => p.message).join('; '), problems);
    }
    return { root, patch: input.patch, files: input.files, written, snapshot };
  } catch (error) {
    if (touched) await rollback({ snapshot, patch: input.patch, written }, { git });
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
