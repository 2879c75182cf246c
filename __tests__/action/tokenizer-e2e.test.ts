/**
 * End to end, through the bundle: the tokenizer (gpt-tokenizer's tables, ~70 MB of heap) loads
 * only when a byte bound cannot prove the prompt fits the per-call limit. A resolve hook preloaded
 * into the action's Node lists every module it loads; the tokenizer's chunk is the one holding
 * gpt-tokenizer's own error text.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startGitHubStandin, type GitHubStandin } from '../support/github-standin.js';
import { startOpenAIStub, type OpenAIStub } from '../support/openai-stub.js';
import { createPrRepo, type Files, type PrRepo } from '../support/pr-repo.js';
import { ACTION_BUNDLE, runAction } from '../support/run-action.js';
import { pullRequestPayload } from '../support/webhook-examples.js';

const OWNER = 'acme';
const REPO = 'calc';
const TOKEN = 'ghs_testtoken123456';
const KEY = 'sk-test-key-abcdef123456';

let stub: OpenAIStub;
let repo: PrRepo | undefined;
let gh: GitHubStandin | undefined;
let work: string;
let tokenizerChunks: string[];

beforeAll(async () => {
  if (!existsSync(ACTION_BUNDLE)) throw new Error('dist/index.js is missing: run npm run build');
  const dist = resolve('dist');
  tokenizerChunks = readdirSync(dist).filter(
    (f) =>
      f.endsWith('.index.js') &&
      readFileSync(join(dist, f), 'utf8').includes('Disallowed special token'),
  );
  expect(tokenizerChunks.length).toBeGreaterThan(0);
  work = mkdtempSync(join(tmpdir(), 'aethr-tokenizer-e2e-'));
  writeFileSync(
    join(work, 'log-modules.mjs'),
    [
      "import { registerHooks } from 'node:module';",
      "import { appendFileSync } from 'node:fs';",
      'registerHooks({',
      '  resolve(specifier, context, next) {',
      '    const r = next(specifier, context);',
      '    appendFileSync(process.env.AETHR_TEST_MODULE_LOG, `${r.url}\\n`);',
      '    return r;',
      '  },',
      '});',
      '',
    ].join('\n'),
  );
  stub = await startOpenAIStub();
  stub.setReply(() => ({
    text: 'Looks fine.\n\n```json\n{"status": "pass", "findings": []}\n```\n\nReview status: pass\n',
    usage: { prompt_tokens: 1000, completion_tokens: 20 },
  }));
});
afterAll(async () => {
  await stub.close();
  rmSync(work, { recursive: true, force: true });
});
afterEach(async () => {
  await gh?.close();
  repo?.cleanup();
});

/** Reviews a PR from `base` to `head` live against the stand-ins; returns what the run loaded. */
async function review(base: Files, head: Files, name: string) {
  repo = createPrRepo({ base, head });
  gh = await startGitHubStandin({
    token: TOKEN,
    owner: OWNER,
    repo: REPO,
    gitDir: repo.origin,
    permissions: { maintainer: 'write' },
    pulls: [
      {
        number: repo.number,
        title: 'A change',
        body: '',
        author: 'author',
        head: { sha: repo.headSha, ref: repo.headRef },
        base: { sha: repo.baseSha, ref: repo.baseRef },
        diff: repo.diff,
      },
    ],
  });
  const log = join(work, `${name}.log`);
  writeFileSync(log, '');
  const before = stub.chatRequests().length;
  const out = await runAction({
    eventName: 'pull_request',
    payload: pullRequestPayload('opened', {
      owner: OWNER,
      repo: REPO,
      number: repo.number,
      headSha: repo.headSha,
      baseSha: repo.baseSha,
      headRef: repo.headRef,
      baseRef: repo.baseRef,
      sender: 'maintainer',
    }),
    workspace: repo.workspace,
    inputs: { 'github-token': TOKEN, 'openai-api-key': KEY, 'base-url': stub.url },
    env: {
      GITHUB_API_URL: gh.url,
      NODE_OPTIONS: `--import=${join(work, 'log-modules.mjs')}`,
      AETHR_TEST_MODULE_LOG: log,
    },
  });
  const loaded = readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file:'))
    .map((url) => basename(fileURLToPath(url)));
  return { out, loaded, requests: stub.chatRequests().slice(before) };
}

const source = (i: number, lines: number): string =>
  Array.from({ length: lines }, (_, j) => `export const v${i}_${j} = compute(${i}, ${j});`).join(
    '\n',
  ) + '\n';

describe('tokenizer loading (bundled action, live model stand-in)', () => {
  it('a 7-file PR is reviewed without loading the tokenizer', async () => {
    const base: Files = {};
    const head: Files = {};
    for (let i = 0; i < 7; i++) {
      base[`src/m${i}.ts`] = source(i, 40);
      head[`src/m${i}.ts`] = source(i, 40).replace(`v${i}_3 =`, `v${i}_3 = 1 +`);
    }
    const { out, loaded, requests } = await review(base, head, 'small');
    expect(out.code).toBe(0);
    expect(out.outputs['review-status']).toBe('pass');
    expect(requests).toHaveLength(1);
    expect(loaded).toContain('index.js');
    expect(loaded.filter((f) => tokenizerChunks.includes(f))).toEqual([]);
  });

  it('a PR adding a 300 KB one-line file loads it, and the review goes through', async () => {
    const head: Files = {
      'src/a.ts': source(1, 40),
      'public/blob.js': `${'Q'.repeat(300_000)}\n`,
    };
    const { out, loaded, requests } = await review({ 'src/a.ts': source(0, 40) }, head, 'big');
    expect(out.code).toBe(0);
    expect(out.outputs['review-status']).toBe('pass');
    expect(loaded.some((f) => tokenizerChunks.includes(f))).toBe(true);
    // The one-line file is left out to fit the prompt; the small file is reviewed.
    const prompt = (requests[0]!.body?.messages ?? []).map((m) => String(m.content)).join('\n');
    expect(prompt).toContain('+export const v1_0 = compute(1, 0);');
    expect(prompt).toMatch(/\[skipped\] public\/blob\.js \(added, \+1 -0\): minified file/);
    expect(prompt.length).toBeLessThan(120_000);
  });
});
