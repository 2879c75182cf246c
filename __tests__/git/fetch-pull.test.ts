/**
 * fetchPull on real git histories of the shapes pull requests have: the diff it leads to must be
 * byte-identical to what the previous fetch path (depth 50, then --deepen 200 / 1000, then
 * --unshallow; kept below as the reference) produced, and to GitHub's diff over the full history,
 * in no more fetches.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fetchPull, firstFetchDepth, type GitRunner } from '../../src/git/fetch-pull.js';
import { runGit } from '../../src/git/run-git.js';
import {
  HistoryBuilder,
  pullRequestRepo,
  type Changes,
  type PullRequestRepo,
} from '../support/git-history.js';

const DIFF = [
  'diff',
  '--no-ext-diff',
  '--no-textconv',
  '--no-color',
  '-M',
  '--src-prefix=a/',
  '--dst-prefix=b/',
];
const BASE = 'refs/remotes/aethr/base';
const HEAD = 'refs/remotes/aethr/head';

function runner(root: string, log: string[] = []): GitRunner {
  return {
    run: (args, options) => {
      if (args[0] === 'fetch')
        log.push(args.filter((a) => a.startsWith('--') && a !== '--quiet').join(' '));
      return runGit(root, args, options);
    },
  };
}

/** The fetch path before fetch-pull.ts, as pr-diff.ts had it. */
async function previousDiff(
  root: string,
  pr: PullRequestRepo,
): Promise<{ diff: string | undefined; fetches: number }> {
  let fetches = 0;
  const specs = [`+refs/heads/main:${BASE}`, `+refs/pull/${pr.number}/head:${HEAD}`];
  const fetch = (extra: string[]) => {
    fetches += 1;
    return runGit(root, [
      'fetch',
      '--no-tags',
      '--no-recurse-submodules',
      '--quiet',
      ...extra,
      'origin',
      ...specs,
    ]);
  };
  const shallow = async () =>
    (await runGit(root, ['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true';
  const mergeBase = async (a: string, b: string) => {
    const r = await runGit(root, ['merge-base', a, b], { okCodes: [1, 128] });
    return r.code === 0 ? r.stdout.trim() : undefined;
  };
  await fetch((await shallow()) ? ['--depth=50'] : []);
  const has = await runGit(root, ['cat-file', '-e', `${pr.headSha}^{commit}`], {
    okCodes: [1, 128],
  });
  const head = has.code === 0 ? pr.headSha : HEAD;
  let base = await mergeBase(BASE, head);
  for (const depth of [200, 1000]) {
    if (base) break;
    await fetch([`--deepen=${depth}`]);
    base = await mergeBase(BASE, head);
  }
  if (!base && (await shallow())) {
    await fetch(['--unshallow']);
    base = await mergeBase(BASE, head);
  }
  const diff = base
    ? (await runGit(root, [...DIFF, base, head], { maxBytes: 1 << 28 })).stdout
    : undefined;
  return { diff, fetches };
}

async function newDiff(
  root: string,
  pr: PullRequestRepo,
  log: string[],
  count: { commits?: number } = { commits: pr.commits },
) {
  const git = runner(root, log);
  const got = await fetchPull(git, {
    base: { branch: 'main', to: BASE },
    head: { from: `refs/pull/${pr.number}/head`, to: HEAD, sha: pr.headSha },
    commits: count.commits,
  });
  if (!got.mergeBase) return { ...got, diff: undefined };
  return { ...got, diff: (await git.run([...DIFF, got.mergeBase, got.head])).stdout };
}

/** A file per module, rewritten by each commit that touches it. */
const edit = (name: string, k: number): Changes => ({
  [`src/${name}/m${k % 7}.ts`]: `export const ${name}${k} = ${k};\n`.repeat(1 + (k % 5)),
});

const shapes: Array<{ name: string; build: () => HistoryBuilder; head?: string; fetches: number }> =
  [
    {
      name: 'a 3-commit PR, base unchanged',
      build: () =>
        new HistoryBuilder()
          .commits('main', 30, (k) => edit('core', k))
          .commits('pr', 3, (k) => edit('feat', k), 'main'),
      fetches: 1,
    },
    {
      name: 'a 79-commit PR (over the old depth of 50), base moved on by 7',
      build: () =>
        new HistoryBuilder()
          .commits('main', 120, (k) => edit('core', k))
          .commits('pr', 79, (k) => edit('feat', k), 'main')
          .commits('main', 7, (k) => edit('docs', k)),
      fetches: 1,
    },
    {
      name: 'a 4-commit PR whose base moved on by 130 commits',
      build: () =>
        new HistoryBuilder()
          .commits('main', 60, (k) => edit('core', k))
          .commits('pr', 4, (k) => edit('feat', k), 'main')
          .commits('main', 130, (k) => edit('core', k + 100)),
      fetches: 2,
    },
    {
      name: 'a PR that merged its base twice, base merging side branches meanwhile',
      build: () => {
        const h = new HistoryBuilder()
          .commits('main', 40, (k) => edit('core', k))
          .commits('pr', 20, (k) => edit('feat', k), 'main')
          .commits('side', 15, (k) => edit('side', k), 'main')
          .commits('main', 25, (k) => edit('core', k + 40))
          .commit('main', {}, { merge: 'side' })
          .commit('pr', { 'src/feat/merged.ts': 'one\n' }, { merge: 'main' })
          .commits('pr', 30, (k) => edit('feat', k + 20))
          .commits('main', 12, (k) => edit('docs', k));
        return h
          .commit('pr', {}, { merge: 'main' })
          .commits('pr', 5, (k) => edit('feat', k + 50))
          .commits('main', 9, (k) => edit('core', k + 70));
      },
      fetches: 1,
    },
    {
      name: 'a PR with renames and deletions',
      build: () =>
        new HistoryBuilder()
          .commit('main', {
            'lib/a.ts': 'export const a = 1;\n'.repeat(40),
            'lib/b.ts': 'export const b = 2;\n'.repeat(40),
            'lib/c.ts': 'gone\n',
          })
          .commits('main', 10, (k) => edit('core', k))
          .commit(
            'pr',
            { 'lib/a.ts': null, 'lib/renamed-a.ts': 'export const a = 1;\n'.repeat(39) + 'x\n' },
            { from: 'main' },
          )
          .commit('pr', { 'lib/c.ts': null, 'lib/b.ts': 'export const b = 3;\n'.repeat(40) })
          .commits('main', 3, (k) => edit('docs', k)),
      fetches: 1,
    },
  ];

const repos: PullRequestRepo[] = [];
afterAll(() => repos.forEach((r) => r.cleanup()));

describe('fetchPull', () => {
  it.each(shapes)(
    '$name: the same diff as before and as GitHub, in no more fetches',
    async (shape) => {
      const pr = pullRequestRepo(shape.build(), shape.head ?? 'pr');
      repos.push(pr);
      const before = await previousDiff(pr.checkout(), pr);
      const log: string[] = [];
      const root = pr.checkout();
      const after = await newDiff(root, pr, log);
      expect(after.mergeBase).toBe(pr.mergeBase);
      expect(after.diff).toBe(pr.diff);
      expect(after.diff).toBe(before.diff);
      expect(after.fetches).toBeLessThanOrEqual(before.fetches);
      expect(log).toHaveLength(shape.fetches);
      expect(log[0]).toBe(
        `--no-tags --no-recurse-submodules --no-write-fetch-head --filter=blob:none --depth=${firstFetchDepth(pr.commits)}`,
      );
      expect(after.fetches).toBe(shape.fetches);
    },
  );

  it('a stale or missing commit count still finds the merge base (by deepening)', async () => {
    const pr = pullRequestRepo(
      new HistoryBuilder()
        .commits('main', 20, (k) => edit('core', k))
        .commits('pr', 120, (k) => edit('feat', k), 'main'),
      'pr',
    );
    repos.push(pr);
    for (const commits of [undefined, 3]) {
      const log: string[] = [];
      const after = await newDiff(pr.checkout(), pr, log, { commits });
      expect(after.diff).toBe(pr.diff);
      expect(log.length).toBeGreaterThan(1);
    }
  });

  it('a full clone is fetched without depth or filter', async () => {
    const pr = pullRequestRepo(
      new HistoryBuilder()
        .commits('main', 5, (k) => edit('core', k))
        .commits('pr', 2, (k) => edit('feat', k), 'main'),
      'pr',
    );
    repos.push(pr);
    const log: string[] = [];
    const root = pr.checkout({ full: true });
    const after = await newDiff(root, pr, log);
    expect(after.diff).toBe(pr.diff);
    expect(log).toEqual(['--no-tags --no-recurse-submodules --no-write-fetch-head']);
    expect(existsSync(join(root, '.git', 'shallow'))).toBe(false);
  });

  it('a server without filters answers with a full fetch, and the diff is the same', async () => {
    const pr = pullRequestRepo(
      new HistoryBuilder()
        .commits('main', 60, (k) => edit('core', k))
        .commits('pr', 55, (k) => edit('feat', k), 'main'),
      'pr',
    );
    repos.push(pr);
    await runGit(pr.origin, ['config', 'uploadpack.allowFilter', 'false']);
    const root = pr.checkout();
    const after = await newDiff(root, pr, []);
    expect(after.diff).toBe(pr.diff);
    expect(after.fetches).toBe(1);
    // Nothing is missing: every blob of the fetched history came along.
    const missing = await runGit(root, ['rev-list', '--objects', '--missing=print', HEAD]);
    expect(missing.stdout.split('\n').filter((l) => l.startsWith('?'))).toEqual([]);
    expect(readFileSync(join(root, '.git', 'shallow'), 'utf8').trim()).not.toBe('');
  });
});
