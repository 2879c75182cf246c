/**
 * Reviewing pull requests of a real repository's history (bench/support/pr-history.ts: published
 * versions of @typescript-eslint/eslint-plugin and ky, one commit per version): the bundled
 * action run as the runner runs it, on a depth-1 merge checkout, against the GitHub REST
 * stand-in and the model stand-in on 127.0.0.1, fetching from a bare origin over file://.
 *
 * Own time = wall time − the time the stand-ins spent answering (BusyClock); peak RSS and the
 * chunks loaded come from a preload in the action's process (bench/support/probe.mjs). Each
 * figure stands next to a floor measured in the same run (bench/support/floor.mjs: the same
 * fetch, diff and one POST by a minimal script). Prints tables; never fails on slowness.
 *
 *   npm run bench:review                      (about 2 minutes; the first run also packs
 *                                              the tarballs from the npm registry, ~1 minute)
 *   BENCH_BASELINE_BUNDLE=/path/to/index.js   also runs another build of the action (e.g. the
 *                                              previous commit's dist/) in the same rounds
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createBusyClock } from '../__tests__/support/busy-clock.js';
import { startGitHubStandin } from '../__tests__/support/github-standin.js';
import { startOpenAIStub, type OpenAIStub } from '../__tests__/support/openai-stub.js';
import { runAction } from '../__tests__/support/run-action.js';
import { prCommentPayload, pullRequestPayload } from '../__tests__/support/webhook-examples.js';
import { describeLoads, loadsTokenizer } from './support/chunks.js';
import { repoWith5000LineDiff } from './support/diff-repo.js';
import { benchEnv, compare, median, printTable, timeCommand } from './support/measure.js';
import { benchOrigin, type BenchOrigin, type BenchPr } from './support/pr-history.js';
import { readGitTrace, reviewPhases, type Phase } from './support/timeline.js';

const ACTION = resolve('dist/index.js');
const BASELINE = process.env.BENCH_BASELINE_BUNDLE;
const PROBE = resolve('bench/support/probe.mjs');
const FLOOR = resolve('bench/support/floor.mjs');
const TOKEN = 'ghs_bench_review';
const REPOSITORY = 'acme/big';
const rounds = (n: number) => Number(process.env.BENCH_ROUNDS ?? n);

const clock = createBusyClock();
let origin: BenchOrigin;
let stub: OpenAIStub;
let work: string;
let runs = 0;

beforeAll(async () => {
  origin = benchOrigin();
  work = mkdtempSync(join(tmpdir(), 'aethr-bench-review-'));
  stub = await startOpenAIStub({ busy: clock, reply: () => PASS });
});
afterAll(async () => {
  await stub.close();
  rmSync(work, { recursive: true, force: true });
});

const PASS = {
  text: '```json\n{"status":"pass","findings":[]}\n```\nReview status: pass\n',
  chunks: 1,
};

interface Run {
  wallMs: number;
  ownMs: number;
  rssMb: number;
  /** CPU time of the process and of the children it waited for (git and its upload-pack). */
  cpuMs: number;
  loaded: string[];
  phases: Phase[];
  fetches: number;
  /** The fetch command lines, with their durations. */
  fetchLines: string[];
}

/** A workspace as actions/checkout leaves it for pull_request: the merge commit at depth 1. */
function checkout(pr: BenchPr, from = origin.origin): string {
  const dir = join(work, `ws-${++runs}`);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  execFileSync('git', ['init', '-q', dir]);
  git('remote', 'add', 'origin', `file://${from}`);
  git(
    'fetch',
    '-q',
    '--no-tags',
    '--depth=1',
    'origin',
    `+refs/pull/${pr.number}/merge:refs/remotes/pull/${pr.number}/merge`,
  );
  git('checkout', '-q', '--force', `refs/remotes/pull/${pr.number}/merge`);
  return dir;
}

function standin(pr: BenchPr, extra: Partial<Parameters<typeof startGitHubStandin>[0]> = {}) {
  return startGitHubStandin({
    token: TOKEN,
    owner: 'acme',
    repo: 'big',
    gitDir: origin.origin,
    validateResponses: false,
    busy: clock,
    permissions: { maintainer: 'write' },
    pulls: [
      {
        number: pr.number,
        title: pr.title,
        head: { sha: pr.headSha, ref: pr.headRef },
        base: { sha: origin.baseSha, ref: origin.baseRef },
        diff: readFileSync(pr.diffFile, 'utf8'),
        commits: pr.commits,
      },
    ],
    ...extra,
  });
}

/** BENCH_CPU_PROF_DIR=dir: each process also writes a V8 CPU profile there (`--cpu-prof`). */
const CPU_PROF = process.env.BENCH_CPU_PROF_DIR
  ? ` --cpu-prof --cpu-prof-dir=${resolve(process.env.BENCH_CPU_PROF_DIR)}`
  : '';

function probeEnv(name: string): Record<string, string> {
  return {
    NODE_OPTIONS: `--import=${PROBE}${CPU_PROF}`,
    AETHR_BENCH_PROBE_FILE: join(work, `${name}.json`),
    GIT_TRACE2_EVENT: join(work, `${name}.trace`),
    NODE_EXTRA_CA_CERTS: '',
  };
}

function readProbe(env: Record<string, string>): {
  rssMb: number;
  cpuMs: number;
  loaded: string[];
} {
  const p = JSON.parse(readFileSync(env.AETHR_BENCH_PROBE_FILE!, 'utf8')) as {
    maxRssKb: number;
    cpuMs: number;
    loaded: string[];
  };
  return { rssMb: p.maxRssKb / 1024, cpuMs: p.cpuMs, loaded: p.loaded };
}

async function review(pr: BenchPr, bundle = ACTION): Promise<Run> {
  const workspace = checkout(pr);
  const gh = await standin(pr);
  const env = probeEnv(`run-${++runs}`);
  try {
    clock.reset();
    const t0 = performance.timeOrigin + performance.now();
    const out = await runAction({
      eventName: 'pull_request',
      bundle,
      payload: pullRequestPayload('synchronize', {
        owner: 'acme',
        repo: 'big',
        number: pr.number,
        headSha: pr.headSha,
        baseSha: origin.baseSha,
        headRef: pr.headRef,
        baseRef: origin.baseRef,
        sender: 'maintainer',
      }),
      workspace,
      inputs: { 'github-token': TOKEN, 'openai-api-key': 'sk-bench-123456', 'base-url': stub.url },
      env: { GITHUB_API_URL: gh.url, ...env },
    });
    const t1 = t0 + out.durationMs;
    const busy = clock.busyMs();
    if (out.code !== 0) throw new Error(`action failed: ${out.stdout}\n${out.stderr}`);
    if (process.env.BENCH_PRINT_REQUESTS)
      process.stdout.write(
        `${bundle} on #${pr.number}: ${gh.requests.map((r) => `${r.method} ${r.path}`).join(', ')}\n`,
      );
    expect(gh.violations).toEqual([]);
    expect(out.stdout).toMatch(/characters of diff from git/);
    const { phases, fetches } = reviewPhases(
      t0,
      t1,
      readGitTrace(env.GIT_TRACE2_EVENT!),
      clock.spans(),
    );
    return {
      wallMs: out.durationMs,
      ownMs: out.durationMs - busy,
      ...readProbe(env),
      phases,
      fetches: fetches.length,
      fetchLines: fetches.map((f) => `${ms(f.end - f.start)} ms: git ${f.args.join(' ')}`),
    };
  } finally {
    await gh.close();
    rmSync(workspace, { recursive: true, force: true });
  }
}

/** The least depth one fetch of base and head needs to reach the merge base. */
function exactDepth(pr: BenchPr): number {
  const behind = execFileSync(
    'git',
    ['--git-dir', origin.origin, 'rev-list', '--count', `${pr.headSha}..${origin.baseSha}`],
    { encoding: 'utf8' },
  );
  return Math.max(pr.commits, Number(behind)) + 1;
}

async function floor(pr: BenchPr): Promise<Run> {
  const workspace = checkout(pr);
  const gh = await standin(pr);
  const env = probeEnv(`floor-${++runs}`);
  try {
    clock.reset();
    const s = await timeCommand([FLOOR], {
      env: benchEnv({
        ...env,
        FLOOR_WORKSPACE: workspace,
        FLOOR_BASE: origin.baseRef,
        FLOOR_PR: String(pr.number),
        FLOOR_DEPTH: String(exactDepth(pr)),
        FLOOR_API: gh.url,
        FLOOR_REPOSITORY: REPOSITORY,
        FLOOR_TOKEN: TOKEN,
      }),
    });
    if (s.code !== 0) throw new Error(`floor failed: ${s.stderr}`);
    return {
      wallMs: s.ms,
      ownMs: s.ms - clock.busyMs(),
      ...readProbe(env),
      phases: [],
      fetches: 1,
      fetchLines: [],
    };
  } finally {
    await gh.close();
    rmSync(workspace, { recursive: true, force: true });
  }
}

type Kind = 'action' | 'baseline' | 'floor';
const KINDS: Kind[] = BASELINE ? ['action', 'baseline', 'floor'] : ['action', 'floor'];
const LABEL: Record<Kind, string> = {
  action: 'dist/index.js',
  baseline: 'baseline bundle',
  floor: 'floor script',
};

/** `n` interleaved rounds of each kind on `pr`. */
async function measure(pr: BenchPr, n: number): Promise<Record<Kind, Run[]>> {
  const out: Record<Kind, Run[]> = { action: [], baseline: [], floor: [] };
  for (let i = 0; i < n; i++)
    for (const kind of KINDS)
      out[kind].push(
        await (kind === 'floor' ? floor(pr) : review(pr, kind === 'action' ? ACTION : BASELINE)),
      );
  return out;
}

const med = (runs: Run[], pick: (r: Run) => number) => median(runs.map(pick));
const ms = (n: number) => n.toFixed(0);
const verdict = (ok: boolean, what: string) => `${what}: ${ok ? 'PASS' : 'FAIL'}`;
const results: Record<string, Record<Kind, Run[]>> = {};

it('large and small PR: own time and peak RSS next to the floor', async () => {
  const large = origin.prs[1]!;
  const small = origin.prs[2]!;
  results.large = await measure(large, rounds(3));
  results.small = await measure(small, rounds(5));
  const rows: Array<Array<string | number>> = [];
  for (const [name, pr, key] of [
    ['large', large, 'large'],
    ['small', small, 'small'],
  ] as const) {
    const r = results[key]!;
    const floorOwn = med(r.floor, (x) => x.ownMs);
    for (const kind of KINDS) {
      const own = med(r[kind], (x) => x.ownMs);
      const rss = med(r[kind], (x) => x.rssMb);
      const tokenizer = r[kind].some((x) => loadsTokenizer(x.loaded));
      const targets =
        kind !== 'action'
          ? ''
          : name === 'large'
            ? [
                verdict(own <= 1300, '≤ 1.3 s'),
                verdict(own / floorOwn <= 1.6, '≤ 1.6× floor'),
                verdict(rss <= 160, '≤ 160 MB'),
              ].join(', ')
            : [
                verdict(own / floorOwn <= 1.5, '≤ 1.5× floor'),
                verdict(rss <= 120, '≤ 120 MB'),
                verdict(!tokenizer, 'no tokenizer'),
              ].join(', ');
      rows.push([
        `${name} #${pr.number} (${pr.files} files, ${pr.commits} commits, ${(pr.diffBytes / 1e6).toFixed(2)} MB)`,
        LABEL[kind],
        ms(med(r[kind], (x) => x.wallMs)),
        ms(med(r[kind], (x) => x.wallMs - x.ownMs)),
        ms(own),
        (own / floorOwn).toFixed(2),
        ms(med(r[kind], (x) => x.cpuMs)),
        rss.toFixed(0),
        kind === 'floor' ? '' : tokenizer ? 'yes' : 'no',
        kind === 'floor' ? 1 : med(r[kind], (x) => x.fetches),
        targets,
      ]);
    }
  }
  printTable(
    `Reviewing real PRs (medians of ${rounds(3)} / ${rounds(5)} interleaved rounds; own = wall − stand-ins answering)`,
    [
      'pull request',
      'run',
      'wall ms',
      'stand-ins ms',
      'own ms',
      '× floor',
      'CPU ms',
      'peak RSS MB',
      'tokenizer',
      'fetches',
      'targets',
    ],
    rows,
  );
  for (const [key, pr] of [
    ['large', large],
    ['small', small],
  ] as const) {
    const phaseRows: Array<Array<string | number>> = [];
    const byKind = KINDS.filter((k) => k !== 'floor').map((k) => results[key]![k]);
    const names = byKind[0]![0]!.phases.map((p) => p.name.replace(/ \(\d+×\)/, ''));
    names.forEach((name, i) => {
      const row: Array<string | number> = [name];
      for (const runs of byKind) {
        const at = (r: Run) => r.phases.find((p) => p.name.replace(/ \(\d+×\)/, '') === name);
        row.push(ms(median(runs.map((r) => (at(r)?.wallMs ?? 0) - (at(r)?.standinMs ?? 0)))));
        row.push(ms(median(runs.map((r) => at(r)?.standinMs ?? 0))));
      }
      phaseRows.push(i === 0 ? row : row);
    });
    printTable(
      `Phases of the ${key} PR #${pr.number} (median ms; own = phase wall time − stand-ins answering in it)`,
      ['phase', ...byKind.flatMap((_, i) => [`${LABEL[KINDS[i]!]} own`, 'stand-ins'])],
      phaseRows,
    );
    for (const [i, runs] of byKind.entries())
      process.stdout.write(
        `${LABEL[KINDS[i]!]} fetched:\n${runs[0]!.fetchLines.map((l) => `  ${l}`).join('\n')}\n`,
      );
  }
});

it('own time as the diff grows (79 commits) and across the old 50-commit depth', async () => {
  const bySize = [1007, 1080, 1160, 1320].map((n) => origin.prs[n]!).concat(origin.prs[1]!);
  const byCommits = [2045, 2055].map((n) => origin.prs[n]!).concat(origin.prs[1]!);
  const table = async (title: string, prs: BenchPr[], key: (pr: BenchPr) => string) => {
    const rows: Array<Array<string | number>> = [];
    let prev: { files: number; own: number } | undefined;
    for (const pr of prs) {
      const r = pr.number === 1 ? results.large! : await measure(pr, rounds(2));
      const own = med(r.action, (x) => x.ownMs);
      const floorOwn = med(r.floor, (x) => x.ownMs);
      rows.push([
        key(pr),
        pr.files,
        pr.commits,
        (pr.diffBytes / 1e6).toFixed(2),
        ...(BASELINE
          ? [
              ms(med(r.baseline, (x) => x.ownMs)),
              ms(med(r.baseline, (x) => x.cpuMs)),
              med(r.baseline, (x) => x.fetches),
            ]
          : []),
        ms(own),
        ms(med(r.action, (x) => x.cpuMs)),
        med(r.action, (x) => x.fetches),
        ms(floorOwn),
        ms(own - floorOwn),
        prev && pr.files > prev.files
          ? ((own - prev.own) / ((pr.files - prev.files) / 100)).toFixed(0)
          : '',
        med(r.action, (x) => x.rssMb).toFixed(0),
      ]);
      prev = { files: pr.files, own };
    }
    printTable(
      title,
      [
        'PR',
        'files',
        'commits',
        'diff MB',
        ...(BASELINE ? ['baseline own ms', 'baseline CPU ms', 'baseline fetches'] : []),
        'own ms',
        'CPU ms',
        'fetches',
        'floor own ms',
        'own − floor',
        'ms per 100 more files',
        'peak RSS MB',
      ],
      rows,
    );
  };
  await table(
    `Own time as the diff grows, 79 commits each (medians of ${rounds(2)})`,
    bySize,
    (pr) => `#${pr.number}`,
  );
  await table(
    `Own time across the old 50-commit first-fetch depth, same 678-file diff (medians of ${rounds(2)})`,
    byCommits,
    (pr) => `#${pr.number}`,
  );
});

it('chunks loaded per path, and --show-prompt on a 5,000-line diff against node -e 0', async () => {
  const rows: Array<[string, { loaded: string[]; rssMb: number }]> = [
    ['review, small PR', results.small!.action[0]!],
    ['review, large PR', results.large!.action[0]!],
  ];
  // An event the action ignores.
  const pr = origin.prs[2]!;
  const ignoredEnv = probeEnv('ignored');
  const ignored = await runAction({
    eventName: 'pull_request',
    payload: pullRequestPayload('closed', {
      owner: 'acme',
      repo: 'big',
      number: 2,
      headSha: pr.headSha,
      baseSha: origin.baseSha,
      headRef: pr.headRef,
      baseRef: 'main',
      sender: 'x',
    }),
    workspace: work,
    inputs: { 'github-token': TOKEN },
    env: ignoredEnv,
  });
  expect(ignored.stdout).toMatch(/nothing to do/);
  rows.push(['ignored event', readProbe(ignoredEnv)]);
  rows.push(['implement, small PR', await implement(pr)]);

  const repo = repoWith5000LineDiff();
  const cliEnv = benchEnv(probeEnv('show-prompt'));
  const shown = await timeCommand(
    [resolve('dist/cli/index.js'), 'run', 'review my change', '--show-prompt'],
    { cwd: repo, env: cliEnv },
  );
  expect(shown.code).toBe(0);
  rows.push(['aethr run --show-prompt (5,000 lines)', readProbe(cliEnv)]);
  printTable(
    'Bundle chunks loaded per path (from a preload in the process)',
    ['path', 'tokenizer', 'peak RSS MB', 'chunks loaded (KB: what they hold)'],
    rows.map(([name, r]) => [
      name,
      loadsTokenizer(r.loaded) ? 'yes' : 'no',
      r.rssMb.toFixed(0),
      describeLoads(r.loaded),
    ]),
  );

  const env = benchEnv();
  const medians = await compare(
    {
      'node -e 0': { args: ['-e', '0'], env },
      'aethr run --show-prompt (5,000-line diff)': {
        args: [resolve('dist/cli/index.js'), 'run', 'review my change', '--show-prompt'],
        cwd: repo,
        env,
      },
    },
    rounds(10),
  );
  const base = medians['node -e 0']!;
  printTable(
    `aethr run --show-prompt against node -e 0 (median of ${rounds(10)} interleaved rounds, NODE_EXTRA_CA_CERTS unset)`,
    ['command', 'median ms', '× node -e 0', 'target'],
    Object.entries(medians).map(([name, m]) => [
      name,
      m.toFixed(1),
      (m / base).toFixed(2),
      name === 'node -e 0' ? '' : verdict(m / base <= 4, '≤ 4×'),
    ]),
  );
  rmSync(repo, { recursive: true, force: true });
});

/** `/aethr implement` on the small PR: the patch backend commits and pushes to a mirror. */
async function implement(pr: BenchPr): Promise<{ loaded: string[]; rssMb: number; cpuMs: number }> {
  const mirror = join(work, 'implement-origin.git');
  execFileSync('git', ['clone', '-q', '--mirror', '--shared', origin.origin, mirror]);
  const workspace = join(work, 'implement-ws');
  execFileSync('git', [
    'clone',
    '-q',
    '--depth=1',
    '--branch',
    'main',
    `file://${mirror}`,
    workspace,
  ]);
  const gh = await standin(pr, {
    gitDir: mirror,
    issueComments: [
      {
        id: 9001,
        issue_number: pr.number,
        body: '/aethr implement add a note',
        author: 'maintainer',
      },
    ],
  });
  stub.setReply((req) => {
    const system = String(req.body?.messages?.[0]?.content ?? '');
    if (/You are the implementer/.test(system))
      return {
        text: '```diff\ndiff --git a/NOTE.md b/NOTE.md\nnew file mode 100644\n--- /dev/null\n+++ b/NOTE.md\n@@ -0,0 +1 @@\n+A note.\n```\n',
      };
    return /You are the reviewer/.test(system) ? PASS : { text: 'Plan: add NOTE.md.' };
  });
  const env = probeEnv('implement');
  try {
    const out = await runAction({
      eventName: 'issue_comment',
      payload: prCommentPayload({
        owner: 'acme',
        repo: 'big',
        number: pr.number,
        body: '/aethr implement add a note',
        author: 'maintainer',
        commentId: 9001,
      }),
      workspace,
      inputs: {
        'github-token': TOKEN,
        'openai-api-key': 'sk-bench-123456',
        'base-url': stub.url,
        'max-iterations': '1',
      },
      env: { GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: REPOSITORY, ...env },
    });
    if (out.code !== 0) throw new Error(`implement failed: ${out.stdout}\n${out.stderr}`);
    return readProbe(env);
  } finally {
    stub.setReply(() => PASS);
    await gh.close();
  }
}
