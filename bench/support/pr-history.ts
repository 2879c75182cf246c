/**
 * A bare `origin` whose history is real code: the published versions of
 * @typescript-eslint/eslint-plugin 6.x–8.x (its `dist/`, 177 versions) and ky 1.x committed one
 * version per commit into packages/eslint-plugin and packages/ky of a monorepo, and pull requests
 * on top of it, each with `refs/pull/N/head` and a test merge `refs/pull/N/merge` as GitHub keeps:
 *
 *   main:  eslint-plugin 6.0.0 … 8.28.0 with ky 1.0.0 … 1.7.0 interleaved (113 commits), the merge
 *          base M of the eslint PRs, then ky 1.7.1 … 1.8.1 (the base moves on, 7 commits)
 *   #1     eslint-plugin 8.29.0 … 8.74.0 from M: 79 commits, every changed file of the range
 *   #2     ky 1.8.2 from main's tip: 1 commit, 7 files
 *   #1nnn  79 commits from M like #1, changing only N of its files (sizes table)
 *   #2nnn  N commits from M to the same tree as #1 (versions skipped evenly; commits table)
 *
 * Built with `git fast-import` and repacked, then cached next to the tarballs (a few seconds
 * the first time, instant after).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR, ensureTarballs, readTarball } from './npm-tarballs.js';

const ESLINT = '@typescript-eslint/eslint-plugin';
/** Every 6.x, 7.x and 8.x version published, in order (the registry's list, kept here so runs are stable). */
const ESLINT_VERSIONS = (
  '6.0.0 6.1.0 6.2.0 6.2.1 6.3.0 6.4.0 6.4.1 6.5.0 6.6.0 6.7.0 6.7.2 6.7.3 6.7.4 6.7.5 6.8.0 ' +
  '6.9.0 6.9.1 6.10.0 6.11.0 6.12.0 6.13.0 6.13.1 6.13.2 6.14.0 6.15.0 6.16.0 6.17.0 6.18.0 ' +
  '6.18.1 6.19.0 6.19.1 6.20.0 6.21.0 7.0.0 7.0.1 7.0.2 7.1.0 7.1.1 7.2.0 7.3.0 7.3.1 7.4.0 ' +
  '7.5.0 7.6.0 7.7.0 7.7.1 7.8.0 7.9.0 7.10.0 7.11.0 7.12.0 7.13.0 7.13.1 7.14.0 7.14.1 7.15.0 ' +
  '7.16.0 7.16.1 7.17.0 7.18.0 8.0.0 8.0.1 8.1.0 8.2.0 8.3.0 8.4.0 8.5.0 8.6.0 8.7.0 8.8.0 8.8.1 8.9.0 8.10.0 8.11.0 8.12.0 ' +
  '8.12.1 8.12.2 8.13.0 8.14.0 8.15.0 8.16.0 8.17.0 8.18.0 8.18.1 8.18.2 8.19.0 8.19.1 8.20.0 ' +
  '8.21.0 8.22.0 8.23.0 8.24.0 8.24.1 8.25.0 8.26.0 8.26.1 8.27.0 8.28.0 8.29.0 8.29.1 8.30.0 ' +
  '8.30.1 8.31.0 8.31.1 8.32.0 8.32.1 8.33.0 8.33.1 8.34.0 8.34.1 8.35.0 8.35.1 8.36.0 8.37.0 ' +
  '8.38.0 8.39.0 8.39.1 8.40.0 8.41.0 8.42.0 8.43.0 8.44.0 8.44.1 8.45.0 8.46.0 8.46.1 8.46.2 ' +
  '8.46.3 8.46.4 8.47.0 8.48.0 8.48.1 8.49.0 8.50.0 8.50.1 8.51.0 8.52.0 8.53.0 8.53.1 8.54.0 ' +
  '8.55.0 8.56.0 8.56.1 8.57.0 8.57.1 8.57.2 8.58.0 8.58.1 8.58.2 8.59.0 8.59.1 8.59.2 8.59.3 ' +
  '8.59.4 8.60.0 8.60.1 8.61.0 8.61.1 8.62.0 8.62.1 8.63.0 8.64.0 8.65.0 8.66.0 8.67.0 8.68.0 ' +
  '8.69.0 8.70.0 8.70.1 8.71.0 8.71.1 8.71.2 8.72.0 8.72.1 8.72.2 8.73.0 8.74.0'
).split(' ');
const KY_VERSIONS = (
  '1.0.0 1.0.1 1.1.0 1.1.1 1.1.2 1.1.3 1.2.0 1.2.1 1.2.2 1.2.3 1.2.4 1.3.0 1.4.0 1.5.0 1.6.0 ' +
  '1.7.0 1.7.1 1.7.2 1.7.3 1.7.4 1.7.5 1.8.0 1.8.1 1.8.2'
).split(' ');
/** eslint-plugin index of the merge base (8.28.0): the PR's 79 versions follow it. */
const MERGE_BASE_AT = 97;
/** ky index on main at the merge base (1.7.0); main then moves on to 1.8.1; #2 brings 1.8.2. */
const KY_AT_MERGE_BASE = 15;
const KY_AT_TIP = 22;
export const SIZE_STEPS = [7, 80, 160, 320] as const;
export const COMMIT_STEPS = [45, 55] as const;
/** Bump when the layout changes, so a stale cache is rebuilt. */
const LAYOUT = 'v3';

export interface BenchPr {
  number: number;
  title: string;
  headRef: string;
  headSha: string;
  mergeSha: string;
  mergeBase: string;
  /** Commits on the PR (`base..head`), as the API's `commits` field counts them. */
  commits: number;
  files: number;
  diffBytes: number;
  /** merge-base…head, as GitHub shows the PR. */
  diffFile: string;
}

export interface BenchOrigin {
  origin: string;
  baseRef: string;
  baseSha: string;
  prs: Record<number, BenchPr>;
}

type Tree = Map<string, string>; // path → fast-import mark

class FastImport {
  private readonly out: Buffer[] = [];
  private readonly blobs = new Map<string, string>();
  private next = 1;
  private clock = 1_700_000_000;

  blob(content: Buffer): string {
    const key = createHash('sha1').update(content).digest('hex');
    let mark = this.blobs.get(key);
    if (!mark) {
      mark = `:${this.next++}`;
      this.blobs.set(key, mark);
      this.out.push(Buffer.from(`blob\nmark ${mark}\ndata ${content.length}\n`), content);
      this.out.push(Buffer.from('\n'));
    }
    return mark;
  }

  /** A commit on `ref` with `tree`, written as the changes from `parentTree`. */
  commit(ref: string, message: string, tree: Tree, parent?: { mark: string; tree: Tree }): string {
    const mark = `:${this.next++}`;
    const when = `${(this.clock += 3600)} +0000`;
    const lines = [
      `commit ${ref}`,
      `mark ${mark}`,
      `author Bench <bench@example.com> ${when}`,
      `committer Bench <bench@example.com> ${when}`,
      `data ${Buffer.byteLength(message)}`,
      message,
    ];
    if (parent) lines.push(`from ${parent.mark}`);
    const before = parent?.tree ?? new Map<string, string>();
    for (const path of before.keys()) if (!tree.has(path)) lines.push(`D ${path}`);
    for (const [path, blob] of tree)
      if (before.get(path) !== blob) lines.push(`M 100644 ${blob} ${path}`);
    this.out.push(Buffer.from(`${lines.join('\n')}\n\n`));
    return mark;
  }

  run(gitDir: string): void {
    execFileSync('git', ['--git-dir', gitDir, 'fast-import', '--quiet'], {
      input: Buffer.concat(this.out),
      maxBuffer: 64 * 1024 * 1024,
    });
  }
}

function git(gitDir: string, ...args: string[]): string {
  return execFileSync('git', ['--git-dir', gitDir, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  }).trim();
}

/** Version trees as marks under `dir`, keeping only the paths `keep` accepts. */
function versionTrees(
  fi: FastImport,
  pkg: string,
  versions: readonly string[],
  dir: string,
  keep: (path: string) => boolean,
): Tree[] {
  const files = ensureTarballs(versions.map((v) => `${pkg}@${v}`));
  return files.map((file) => {
    const tree: Tree = new Map();
    for (const [path, content] of [...readTarball(file)].sort(([a], [b]) => (a < b ? -1 : 1)))
      if (keep(path)) tree.set(`${dir}/${path}`, fi.blob(content));
    return tree;
  });
}

const merged = (...trees: Tree[]): Tree => new Map(trees.flatMap((t) => [...t]));

/** `n` indexes from `from` (exclusive) to `to` (inclusive), evenly spread, ending at `to`. */
function spread(from: number, to: number, n: number): number[] {
  return Array.from({ length: n }, (_, k) => from + Math.round(((k + 1) * (to - from)) / n));
}

function write(gitDir: string): Omit<BenchOrigin, 'origin' | 'prs'> & { heads: BenchPrHead[] } {
  const fi = new FastImport();
  const eslint = versionTrees(fi, ESLINT, ESLINT_VERSIONS, 'packages/eslint-plugin', (p) =>
    /^(dist\/|package\.json$|README\.md$|LICENSE$)/.test(p),
  );
  const ky = versionTrees(fi, 'ky', KY_VERSIONS, 'packages/ky', () => true);
  const vE = (i: number) => ESLINT_VERSIONS[i]!;
  const vK = (i: number) => KY_VERSIONS[i]!;

  // main up to the merge base.
  let e = 0;
  let k = 0;
  const tree = merged(eslint[0]!, ky[0]!);
  let head = { mark: fi.commit('refs/heads/main', 'Initial import', tree), tree };
  const step = (ref: string, message: string, next: Tree) => {
    head = { mark: fi.commit(ref, message, next, head), tree: next };
  };
  while (e < MERGE_BASE_AT) {
    e += 1;
    step('refs/heads/main', `eslint-plugin ${vE(e)}`, merged(eslint[e]!, ky[k]!));
    if (e % 2 === 0 && e > MERGE_BASE_AT - 2 * KY_AT_MERGE_BASE - 2 && k < KY_AT_MERGE_BASE) {
      k += 1;
      step('refs/heads/main', `ky ${vK(k)}`, merged(eslint[e]!, ky[k]!));
    }
  }
  const mergeBase = head;
  const heads: BenchPrHead[] = [];
  /** A PR from the merge base through eslint-plugin versions `indexes`, changing `only` paths. */
  const eslintPr = (
    number: number,
    ref: string,
    title: string,
    indexes: number[],
    only?: Set<string>,
  ) => {
    head = mergeBase;
    for (const i of indexes) {
      const next = new Map(mergeBase.tree);
      for (const p of new Set([...mergeBase.tree.keys(), ...eslint[i]!.keys()])) {
        if (!p.startsWith('packages/eslint-plugin/') || (only && !only.has(p))) continue;
        const blob = eslint[i]!.get(p);
        if (blob === undefined) next.delete(p);
        else next.set(p, blob);
      }
      step(`refs/heads/${ref}`, `eslint-plugin ${vE(i)}`, next);
    }
    heads.push({ number, ref, title });
  };
  const full = spread(
    MERGE_BASE_AT,
    ESLINT_VERSIONS.length - 1,
    ESLINT_VERSIONS.length - 1 - MERGE_BASE_AT,
  );
  eslintPr(1, 'deps/eslint-plugin-8.74', 'Update eslint-plugin to 8.74.0', full);
  const last = eslint[ESLINT_VERSIONS.length - 1]!;
  const changed = [...new Set([...mergeBase.tree.keys(), ...last.keys()])]
    .filter((p) => p.startsWith('packages/eslint-plugin/') && mergeBase.tree.get(p) !== last.get(p))
    .sort();
  for (const n of SIZE_STEPS) {
    const only = new Set(spread(-1, changed.length - 1, n).map((i) => changed[i]!));
    eslintPr(
      1000 + n,
      `deps/eslint-plugin-${n}-files`,
      `eslint-plugin 8.74.0 (${n} files)`,
      full,
      only,
    );
  }
  for (const n of COMMIT_STEPS)
    eslintPr(
      2000 + n,
      `deps/eslint-plugin-${n}-commits`,
      `eslint-plugin 8.74.0 (${n} commits)`,
      spread(MERGE_BASE_AT, ESLINT_VERSIONS.length - 1, n),
    );

  // main moves on, then the small PR from its tip.
  head = mergeBase;
  while (k < KY_AT_TIP) {
    k += 1;
    step('refs/heads/main', `ky ${vK(k)}`, merged(eslint[MERGE_BASE_AT]!, ky[k]!));
  }
  step('refs/heads/deps/ky-1.8.2', `ky ${vK(k + 1)}`, merged(eslint[MERGE_BASE_AT]!, ky[k + 1]!));
  heads.push({ number: 2, ref: 'deps/ky-1.8.2', title: 'Update ky to 1.8.2' });

  fi.run(gitDir);
  return { baseRef: 'main', baseSha: git(gitDir, 'rev-parse', 'refs/heads/main'), heads };
}

interface BenchPrHead {
  number: number;
  ref: string;
  title: string;
}

function build(dir: string): BenchOrigin {
  const origin = join(dir, 'origin.git');
  execFileSync('git', ['init', '--quiet', '--bare', '-b', 'main', origin]);
  const { baseRef, baseSha, heads } = write(origin);
  git(origin, 'repack', '-a', '-d', '-f', '--quiet');
  // What GitHub's servers allow: partial clone filters and fetching reachable commits by sha.
  git(origin, 'config', 'uploadpack.allowFilter', 'true');
  git(origin, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
  const prs: Record<number, BenchPr> = {};
  for (const h of heads) {
    const headSha = git(origin, 'rev-parse', `refs/heads/${h.ref}`);
    const tree = git(origin, 'merge-tree', '--write-tree', baseSha, headSha);
    const mergeSha = git(
      origin,
      'commit-tree',
      '-p',
      baseSha,
      '-p',
      headSha,
      '-m',
      `Merge ${headSha} into ${baseSha}`,
      tree,
    );
    git(origin, 'update-ref', `refs/pull/${h.number}/head`, headSha);
    git(origin, 'update-ref', `refs/pull/${h.number}/merge`, mergeSha);
    const mergeBase = git(origin, 'merge-base', baseSha, headSha);
    const diff = `${git(origin, 'diff', '--no-ext-diff', '--no-color', '-M', mergeBase, headSha)}\n`;
    const diffFile = join(dir, `pr-${h.number}.diff`);
    writeFileSync(diffFile, diff);
    prs[h.number] = {
      number: h.number,
      title: h.title,
      headRef: h.ref,
      headSha,
      mergeSha,
      mergeBase,
      commits: Number(git(origin, 'rev-list', '--count', `${baseSha}..${headSha}`)),
      files: git(origin, 'diff', '--name-only', '-M', mergeBase, headSha).split('\n').length,
      diffBytes: Buffer.byteLength(diff),
      diffFile,
    };
  }
  return { origin, baseRef, baseSha, prs };
}

/** The origin with its pull requests, built once and then read from the cache. */
export function benchOrigin(): BenchOrigin {
  const dir = join(CACHE_DIR, `history-${LAYOUT}`);
  const meta = join(dir, 'origin.json');
  if (existsSync(meta)) return JSON.parse(readFileSync(meta, 'utf8')) as BenchOrigin;
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const built = build(tmp);
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  const moved = JSON.parse(JSON.stringify(built).replaceAll(tmp, dir)) as BenchOrigin;
  writeFileSync(meta, JSON.stringify(moved, null, 2));
  return moved;
}
