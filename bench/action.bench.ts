/**
 * The bundled action: (1) start to exit on an event it ignores, against a bundle that merely
 * imports the same libraries (target ≤ 1.2×); (2) wall time and peak RSS reviewing large real
 * PRs with a zero-latency model stand-in, at two sizes (target ≤ 2 s non-model time and
 * ≤ 250 MB at 500 files / 20,000 lines, growing linearly), next to `node -e 0`.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startGitHubStandin } from '../__tests__/support/github-standin.js';
import { startOpenAIStub, type OpenAIStub } from '../__tests__/support/openai-stub.js';
import { createPrRepo, type Files } from '../__tests__/support/pr-repo.js';
import { runAction } from '../__tests__/support/run-action.js';
import { pullRequestPayload } from '../__tests__/support/webhook-examples.js';
import { benchEnv, compare, printTable, timeCommand } from './support/measure.js';

const ACTION = resolve('dist/index.js');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 11);
let work: string;
let stub: OpenAIStub;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'aethr-bench-action-'));
  stub = await startOpenAIStub({
    reply: () => ({
      text: 'Review.\n```json\n{"status":"revise","findings":[{"path":"src/mod0/file0.ts","line":3,"severity":"medium","title":"t","body":"b"}]}\n```\nReview status: revise\n',
      chunks: 1,
    }),
  });
});
afterAll(async () => {
  await stub.close();
  rmSync(work, { recursive: true, force: true });
});

function buildImportsOnlyBundle(): string {
  const out = join(work, 'imports-only');
  execFileSync(
    resolve('node_modules/.bin/ncc'),
    [
      'build',
      resolve('bench/support/imports-only.js'),
      '-o',
      out,
      '--minify',
      '--quiet',
      '--target',
      'es2022',
    ],
    {
      stdio: 'inherit',
    },
  );
  return join(out, 'index.js');
}

it('ignored event: start to exit against an imports-only bundle', async () => {
  const baseline = buildImportsOnlyBundle();
  const event = join(work, 'closed.json');
  const payload = pullRequestPayload('closed', {
    owner: 'acme',
    repo: 'calc',
    number: 1,
    headSha: 'a'.repeat(40),
    baseSha: 'b'.repeat(40),
    headRef: 'f',
    baseRef: 'main',
    sender: 'x',
  });
  writeFileSync(event, JSON.stringify(payload));
  const env = benchEnv({
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'acme/calc',
    'INPUT_GITHUB-TOKEN': 'ghs_x',
  });
  const check = await timeCommand([ACTION], { env });
  expect(check.stdout).toMatch(/nothing to do/);
  const medians = await compare(
    {
      'node -e 0': { args: ['-e', '0'], env },
      'imports-only bundle': { args: [baseline], env },
      'dist/index.js (ignored event)': { args: [ACTION], env },
    },
    ROUNDS,
  );
  const base = medians['imports-only bundle']!;
  printTable(
    `Action start-up on an ignored event (median of ${ROUNDS} interleaved rounds)`,
    ['command', 'median ms', '× imports-only', 'target'],
    Object.entries(medians).map(([name, ms]) => [
      name,
      ms.toFixed(1),
      (ms / base).toFixed(2),
      name.startsWith('dist') ? (ms / base <= 1.2 ? '≤ 1.2×: PASS' : '≤ 1.2×: FAIL') : '',
    ]),
  );
});

/** A PR touching `files` files, `linesPerFile` changed lines each (half removed, half added). */
function largePr(files: number, linesPerFile: number) {
  const base: Files = {};
  const head: Files = {};
  for (let f = 0; f < files; f++) {
    const path = `src/mod${f % 25}/file${f}.ts`;
    const body = (tag: string) =>
      Array.from(
        { length: linesPerFile },
        (_, i) => `export function f${f}_${i}(x: number): number { return x * ${i} + ${tag}; }`,
      ).join('\n') + '\n';
    base[path] = body('1');
    head[path] = body('2');
  }
  return createPrRepo({ base, head, number: 11 });
}

async function reviewLargePr(files: number, linesPerFile: number) {
  const repo = largePr(files, linesPerFile);
  const gh = await startGitHubStandin({
    token: 'ghs_bench',
    owner: 'acme',
    repo: 'big',
    gitDir: repo.origin,
    permissions: { maintainer: 'write' },
    pulls: [
      {
        number: repo.number,
        head: { sha: repo.headSha, ref: repo.headRef },
        base: { sha: repo.baseSha, ref: repo.baseRef },
        diff: repo.diff,
      },
    ],
  });
  try {
    const rssFile = join(work, `rss-${files}`);
    const payload = pullRequestPayload('opened', {
      owner: 'acme',
      repo: 'big',
      number: repo.number,
      headSha: repo.headSha,
      baseSha: repo.baseSha,
      headRef: repo.headRef,
      baseRef: repo.baseRef,
      sender: 'maintainer',
    });
    const modelBefore = stub.chatRequests().length;
    const out = await runAction({
      eventName: 'pull_request',
      payload,
      workspace: repo.workspace,
      inputs: {
        'github-token': 'ghs_bench',
        'openai-api-key': 'sk-bench-123456',
        'base-url': stub.url,
      },
      env: {
        GITHUB_API_URL: gh.url,
        NODE_OPTIONS: `--import=${resolve('bench/support/probe.mjs')} ${process.env.BENCH_NODE_OPTIONS ?? ''}`,
        AETHR_BENCH_PROBE_FILE: rssFile,
        NODE_EXTRA_CA_CERTS: '',
      },
    });
    if (out.code !== 0) throw new Error(`action failed: ${out.stdout}\n${out.stderr}`);
    expect(gh.violations).toEqual([]);
    const modelRequests = stub.chatRequests().slice(modelBefore);
    const changed = repo.diff.split('\n').filter((l) => /^[+-](?![+-]{2} )/.test(l)).length;
    return {
      files,
      changed,
      diffBytes: repo.diff.length,
      wallMs: out.durationMs,
      rssMb: (JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssKb: number }).maxRssKb / 1024,
      modelRequests: modelRequests.length,
      promptChars: modelRequests.reduce((n, r) => n + r.rawBody.length, 0),
    };
  } finally {
    await gh.close();
    repo.cleanup();
  }
}

it('large PRs: wall time and peak RSS, linear in the diff', async () => {
  const nodeBase = await compare({ 'node -e 0': { args: ['-e', '0'], env: benchEnv() } }, 5);
  const sizes: Array<[number, number]> = [
    [250, 20],
    [500, 20],
    [1000, 20],
  ];
  const rows = [];
  for (const [files, lines] of sizes) rows.push(await reviewLargePr(files, lines));
  printTable(
    `Reviewing large PRs with a zero-latency model stand-in (node -e 0: ${nodeBase['node -e 0']!.toFixed(1)} ms)`,
    [
      'files',
      'changed lines',
      'diff MB',
      'wall ms',
      'peak RSS MB',
      'model calls',
      'request KB',
      'target (≥500 files)',
    ],
    rows.map((r) => [
      r.files,
      r.changed,
      (r.diffBytes / 1e6).toFixed(2),
      r.wallMs.toFixed(0),
      r.rssMb.toFixed(1),
      r.modelRequests,
      (r.promptChars / 1024).toFixed(0),
      r.files >= 500 && r.changed >= 20000
        ? r.wallMs <= 2000 && r.rssMb <= 250
          ? 'PASS'
          : 'FAIL'
        : '',
    ]),
  );
  process.stdout.write(
    '(wall time includes the GitHub stand-in, which validates every request against the OpenAPI description, and git fetching from a local origin; the model stand-in answers at once)\n',
  );
});
