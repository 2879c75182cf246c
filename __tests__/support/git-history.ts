/**
 * Git histories of any shape, fast: commits described in code and written with one
 * `git fast-import`, for tests that need long branches (tens to hundreds of commits), merges
 * and renames. Then `pullRequestRepo` adds the refs GitHub keeps for a PR and a workspace
 * checked out the way actions/checkout does for `pull_request` (the merge commit, depth 1).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Changes = Record<string, string | null>;

/** A path's content (null: deleted) and when it was written, per branch. */
type State = Map<string, { text: string | null; at: number }>;

export class HistoryBuilder {
  private readonly out: string[] = [];
  private readonly tips = new Map<string, { mark: string; state: State }>();
  private next = 1;
  private clock = 1_750_000_000;

  /**
   * A commit on `branch` (started from `from` when new), optionally merging `merge`'s tip: the
   * merge takes, path by path, the later of the two versions (the shapes here never edit one
   * path on both sides, so that is the clean merge).
   */
  commit(branch: string, changes: Changes, options: { from?: string; merge?: string } = {}): this {
    const mark = `:${this.next++}`;
    const at = (this.clock += 60);
    const message = `${options.merge ? `Merge ${options.merge} into ${branch}` : 'Change'} ${mark}`;
    const lines = [
      `commit refs/heads/${branch}`,
      `mark ${mark}`,
      `author Dev <dev@example.com> ${at} +0000`,
      `committer Dev <dev@example.com> ${at} +0000`,
      `data ${Buffer.byteLength(message)}`,
      message,
    ];
    const parent =
      this.tips.get(branch) ?? (options.from ? this.tips.get(options.from) : undefined);
    const state: State = new Map(parent?.state);
    const write: Changes = {};
    if (parent) lines.push(`from ${parent.mark}`);
    if (options.merge) {
      const other = this.tips.get(options.merge)!;
      lines.push(`merge ${other.mark}`);
      for (const [path, version] of other.state)
        if ((state.get(path)?.at ?? -1) < version.at) {
          state.set(path, version);
          write[path] = version.text;
        }
    }
    for (const [path, text] of Object.entries(changes)) {
      state.set(path, { text, at });
      write[path] = text;
    }
    for (const [path, text] of Object.entries(write)) {
      if (text === null) lines.push(`D ${path}`);
      else lines.push(`M 100644 inline ${path}`, `data ${Buffer.byteLength(text)}`, text);
    }
    this.out.push(`${lines.join('\n')}\n`);
    this.tips.set(branch, { mark, state });
    return this;
  }

  /** `n` commits on `branch`, the k-th changing what `change(k)` returns. */
  commits(branch: string, n: number, change: (k: number) => Changes, from?: string): this {
    for (let k = 0; k < n; k++) this.commit(branch, change(k), k === 0 ? { from } : {});
    return this;
  }

  write(gitDir: string): void {
    execFileSync('git', ['init', '--quiet', '--bare', '-b', 'main', gitDir]);
    execFileSync('git', ['--git-dir', gitDir, 'fast-import', '--quiet'], {
      input: this.out.join(''),
    });
  }
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).trim();
}

export interface PullRequestRepo {
  dir: string;
  origin: string;
  number: number;
  headSha: string;
  /** The merge base in the full history, and GitHub's diff (merge base…head). */
  mergeBase: string;
  diff: string;
  /** Commits on the PR (`main..head`), as `pulls.get` reports them. */
  commits: number;
  /** A fresh workspace like actions/checkout leaves (merge commit, depth 1, or the full history). */
  checkout(options?: { full?: boolean }): string;
  cleanup(): void;
}

/** The PR `head` → `main` of `history`: refs/pull/N/head and N/merge in a bare origin. */
export function pullRequestRepo(
  history: HistoryBuilder,
  head: string,
  number = 7,
): PullRequestRepo {
  const dir = mkdtempSync(join(tmpdir(), 'aethr-history-'));
  const origin = join(dir, 'origin.git');
  history.write(origin);
  const g = (...args: string[]) => git(origin, ...args);
  g('config', 'uploadpack.allowFilter', 'true');
  g('config', 'uploadpack.allowAnySHA1InWant', 'true');
  const headSha = g('rev-parse', `refs/heads/${head}`);
  const baseSha = g('rev-parse', 'refs/heads/main');
  const tree = g('merge-tree', '--write-tree', baseSha, headSha);
  const mergeSha = g('commit-tree', '-p', baseSha, '-p', headSha, '-m', 'Merge', tree);
  g('update-ref', `refs/pull/${number}/head`, headSha);
  g('update-ref', `refs/pull/${number}/merge`, mergeSha);
  const mergeBase = g('merge-base', baseSha, headSha);
  const diffArgs = ['diff', '--no-ext-diff', '--no-textconv', '--no-color', '-M'];
  const diff = execFileSync(
    'git',
    [...diffArgs, '--src-prefix=a/', '--dst-prefix=b/', mergeBase, headSha],
    { cwd: origin, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  let checkouts = 0;
  return {
    dir,
    origin,
    number,
    headSha,
    mergeBase,
    diff,
    commits: Number(g('rev-list', '--count', `${baseSha}..${headSha}`)),
    checkout({ full = false } = {}) {
      const ws = join(dir, `workspace-${++checkouts}`);
      mkdirSync(ws);
      git(ws, 'init', '--quiet');
      git(ws, 'remote', 'add', 'origin', `file://${origin}`);
      const depth = full ? [] : ['--depth=1'];
      git(
        ws,
        'fetch',
        '--quiet',
        '--no-tags',
        ...depth,
        'origin',
        `+refs/pull/${number}/merge:refs/remotes/pull/${number}/merge`,
      );
      git(ws, 'checkout', '--quiet', '--force', `refs/remotes/pull/${number}/merge`);
      return ws;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
