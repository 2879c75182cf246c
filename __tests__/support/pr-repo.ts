/**
 * A real pull request in real git repositories: a bare `origin` holding the base branch,
 * `refs/pull/N/head` and `refs/pull/N/merge`, and a workspace checked out the way
 * actions/checkout does by default for `pull_request` (depth 1, the merge commit, detached).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export type Files = Record<string, string | null>;

export interface PrRepo {
  dir: string;
  origin: string;
  /** file:// URL of origin (shallow fetches need a real transport). */
  originUrl: string;
  workspace: string;
  number: number;
  baseRef: string;
  headRef: string;
  baseSha: string;
  headSha: string;
  mergeSha: string;
  /** merge-base...head, as GitHub shows the PR. */
  diff: string;
  git(cwd: string, ...args: string[]): string;
  /** Adds a commit to the PR branch in origin and refreshes the PR refs; returns the new head. */
  push(files: Files, message?: string): { headSha: string; mergeSha: string; diff: string };
  /**
   * The same on top of the branch as origin has it now (someone who pulled first): a fast-forward
   * that keeps commits others pushed, where `push` replaces the branch with this repository's.
   */
  pushOnTop(files: Files, message?: string): { headSha: string; mergeSha: string; diff: string };
  cleanup(): void;
}

export function git(cwd: string, ...args: string[]): string {
  // stderr is piped (it rides on the thrown error) so commands a test expects to fail print nothing.
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 512 * 1024 * 1024,
    env: {
      ...process.env,
      GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
      GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
    },
  }).trim();
}

function write(root: string, files: Files): void {
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    if (text === null) rmSync(full, { force: true });
    else {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
  }
}

export interface PrRepoOptions {
  base: Files;
  head: Files;
  number?: number;
  /** A commit on the base branch after the PR branched off (so merge-base != base tip). */
  baseAdvance?: Files;
}

export function createPrRepo(options: PrRepoOptions): PrRepo {
  const dir = mkdtempSync(join(tmpdir(), 'aethr-pr-'));
  const seed = join(dir, 'seed');
  const origin = join(dir, 'origin.git');
  const workspace = join(dir, 'workspace');
  const number = options.number ?? 7;
  const baseRef = 'main';
  const headRef = 'feature/change';
  mkdirSync(seed);
  git(seed, 'init', '-q', '-b', baseRef);
  git(seed, 'config', 'user.email', 'dev@example.com');
  git(seed, 'config', 'user.name', 'Dev');
  write(seed, options.base);
  git(seed, 'add', '-A');
  git(seed, 'commit', '-q', '-m', 'base');
  git(seed, 'checkout', '-q', '-b', headRef);
  write(seed, options.head);
  git(seed, 'add', '-A');
  git(seed, 'commit', '-q', '-m', 'change');
  git(seed, 'checkout', '-q', baseRef);
  if (options.baseAdvance) {
    write(seed, options.baseAdvance);
    git(seed, 'add', '-A');
    git(seed, 'commit', '-q', '-m', 'base moves on');
  }
  git(dir, 'clone', '-q', '--bare', seed, origin);
  git(origin, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
  const originUrl = `file://${origin}`;
  const first = refreshOf(seed, origin, number, baseRef, headRef)();

  // actions/checkout, pull_request default: fetch the merge ref at depth 1 and check it out.
  mkdirSync(workspace);
  git(workspace, 'init', '-q');
  git(workspace, 'remote', 'add', 'origin', originUrl);
  git(
    workspace,
    'fetch',
    '-q',
    '--no-tags',
    '--prune',
    '--no-recurse-submodules',
    '--depth=1',
    'origin',
    `+${first.mergeSha}:refs/remotes/pull/${number}/merge`,
  );
  git(workspace, 'checkout', '-q', '--force', `refs/remotes/pull/${number}/merge`);

  return prRepoAt(dir, number, { baseSha: git(seed, 'rev-parse', baseRef), ...first });
}

/**
 * A copy of `repo` in a new temp directory (same commits, same SHAs): much cheaper than building
 * it again, for tests that need many identical pull requests.
 */
export function copyPrRepo(repo: PrRepo): PrRepo {
  const dir = mkdtempSync(join(tmpdir(), 'aethr-pr-'));
  cpSync(repo.dir, dir, { recursive: true });
  const copy = prRepoAt(dir, repo.number, repo);
  git(copy.workspace, 'remote', 'set-url', 'origin', copy.originUrl);
  return copy;
}

/** The PrRepo over the layout createPrRepo makes in `dir`. */
function prRepoAt(
  dir: string,
  number: number,
  at: { baseSha: string; headSha: string; mergeSha: string; diff: string },
): PrRepo {
  const seed = join(dir, 'seed');
  const origin = join(dir, 'origin.git');
  const baseRef = 'main';
  const headRef = 'feature/change';
  const refresh = refreshOf(seed, origin, number, baseRef, headRef);
  const repo: PrRepo = {
    dir,
    origin,
    originUrl: `file://${origin}`,
    workspace: join(dir, 'workspace'),
    number,
    baseRef,
    headRef,
    baseSha: at.baseSha,
    headSha: at.headSha,
    mergeSha: at.mergeSha,
    diff: at.diff,
    git,
    pushOnTop(files, message) {
      git(seed, 'fetch', '-q', origin, `+refs/heads/${headRef}:refs/heads/${headRef}`);
      return repo.push(files, message);
    },
    push(files, message = 'more changes') {
      git(seed, 'checkout', '-q', headRef);
      write(seed, files);
      git(seed, 'add', '-A');
      git(seed, 'commit', '-q', '-m', message);
      git(seed, 'checkout', '-q', baseRef);
      const next = refresh();
      Object.assign(repo, next);
      return next;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
  return repo;
}

/** Merges the head into the base as GitHub does, and pushes the branch and the PR refs to origin. */
function refreshOf(
  seed: string,
  origin: string,
  number: number,
  baseRef: string,
  headRef: string,
): () => { headSha: string; mergeSha: string; diff: string } {
  return () => {
    const headSha = git(seed, 'rev-parse', headRef);
    git(seed, 'checkout', '-q', '--detach', baseRef);
    git(seed, 'merge', '-q', '--no-ff', '--no-edit', headRef);
    const mergeSha = git(seed, 'rev-parse', 'HEAD');
    git(seed, 'checkout', '-q', baseRef);
    git(
      seed,
      'push',
      '-q',
      '-f',
      origin,
      `${headRef}:refs/heads/${headRef}`,
      `${headSha}:refs/pull/${number}/head`,
      `${mergeSha}:refs/pull/${number}/merge`,
    );
    const mergeBase = git(seed, 'merge-base', baseRef, headRef);
    const diff = `${git(seed, 'diff', '--no-ext-diff', '-M', mergeBase, headSha)}\n`;
    return { headSha, mergeSha, diff };
  };
}
