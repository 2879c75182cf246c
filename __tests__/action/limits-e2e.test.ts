/**
 * The bundled action under pressure: pull_request_target safe mode, GitHub rate limits during a
 * run, and a per-PR budget carried between runs in the summary comment's hidden metadata.
 */
import { afterAll, afterEach, beforeAll, expect, it } from '@jest/globals';
import { startGitHubStandin, type GitHubStandin } from '../support/github-standin.js';
import { startOpenAIStub, type OpenAIStub } from '../support/openai-stub.js';
import { createPrRepo, git, type PrRepo } from '../support/pr-repo.js';
import { runAction } from '../support/run-action.js';
import { pullRequestPayload } from '../support/webhook-examples.js';

const TOKEN = 'ghs_limits123456';
let stub: OpenAIStub;
let repo: PrRepo;
let gh: GitHubStandin;

beforeAll(async () => {
  stub = await startOpenAIStub({ reply: () => ({ text: 'Fine.\nReview status: pass\n' }) });
});
afterAll(async () => stub.close());
afterEach(async () => {
  await gh?.close();
  repo?.cleanup();
});

async function setup(base: Record<string, string> = {}) {
  repo = createPrRepo({ base: { 'a.py': 'x = 1\n', ...base }, head: { 'a.py': 'x = 2\n' } });
  gh = await startGitHubStandin({
    token: TOKEN,
    owner: 'acme',
    repo: 'calc',
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
}

const event = () =>
  pullRequestPayload('opened', {
    owner: 'acme',
    repo: 'calc',
    number: repo.number,
    headSha: repo.headSha,
    baseSha: repo.baseSha,
    headRef: repo.headRef,
    baseRef: repo.baseRef,
    sender: 'maintainer',
  });

const run = (eventName = 'pull_request') =>
  runAction({
    eventName,
    payload: event(),
    workspace: repo.workspace,
    inputs: { 'github-token': TOKEN, 'openai-api-key': 'sk-limits-123456', 'base-url': stub.url },
    env: { GITHUB_API_URL: gh.url },
  });

it('pull_request_target: the workflow comes from the base branch and PR code is never checked out', async () => {
  await setup();
  const before = git(repo.workspace, 'rev-parse', 'HEAD');
  gh.setContent(
    repo.baseSha,
    '.aethr.yaml',
    'workflow: from-base\nroles:\n  reviewer: Base reviewer.\nsteps:\n  - id: review\n    role: reviewer\n    context: [git_diff]\n',
  );
  const out = await run('pull_request_target');
  expect(out.code).toBe(0);
  expect(gh.violations).toEqual([]);
  expect(gh.state.issueComments[0]!.body).toContain('from-base');
  expect(git(repo.workspace, 'rev-parse', 'HEAD')).toBe(before);
  expect(git(repo.workspace, 'status', '--porcelain')).toBe('');
});

it('rides out GitHub rate limits with the retry and throttling plugins', async () => {
  await setup();
  gh.failNext({
    kind: 'secondary-rate-limit',
    retryAfter: 1,
    match: { method: 'POST', operationId: 'issues/create-comment' },
  });
  gh.failNext({
    kind: 'status',
    status: 502,
    match: { method: 'GET', operationId: 'issues/list-comments' },
  });
  const out = await run();
  expect(out.code).toBe(0);
  expect(out.stdout).toMatch(/secondary rate limit/);
  expect(gh.state.issueComments.filter((c) => c.body.includes('aethr:summary'))).toHaveLength(1);
});

it('keeps per-PR spend in the summary and refuses a run that would exceed budget.pr_usd', async () => {
  await setup();
  const workflow = [
    'workflow: budgeted',
    'roles:',
    '  reviewer: Review.',
    'models:',
    '  reviewer: openai:gpt-4o-mini',
    'budget:',
    '  pr_usd: 0.0015',
    'pricing:',
    '  openai:gpt-4o-mini: { input_per_mtok: 1, output_per_mtok: 1 }',
    'limits:',
    '  max_output_tokens_per_call: 1000',
    'steps:',
    '  - id: review',
    '    role: reviewer',
    '    context: [git_diff]',
    '',
  ].join('\n');
  // Same-repository PR: the workflow file is read from the checked-out tree.
  const { writeFileSync } = await import('node:fs');
  writeFileSync(`${repo.workspace}/.aethr.yaml`, workflow);
  git(repo.workspace, 'add', '.aethr.yaml');
  git(repo.workspace, '-c', 'user.email=a@b', '-c', 'user.name=t', 'commit', '-qm', 'workflow');
  const before = stub.chatRequests().length;
  const first = await run();
  expect(first.code).toBe(0);
  expect(stub.chatRequests().length).toBe(before + 1);
  const second = await run();
  expect(second.code).not.toBe(0);
  expect(stub.chatRequests().length).toBe(before + 1);
  const summary = gh.state.issueComments.find((c) => c.body.includes('aethr:summary'))!.body;
  expect(summary).toMatch(/pr_usd/);
});

it("explains a read-only token instead of only echoing GitHub's 403", async () => {
  await setup();
  gh.failNext({
    kind: 'status',
    status: 403,
    message: 'Resource not accessible by integration',
    match: { method: 'POST', operationId: 'issues/create-comment' },
  });
  const out = await run();
  expect(out.code).not.toBe(0);
  expect(out.stdout).toMatch(
    /Resource not accessible by integration[\s\S]*permissions: pull-requests: write/,
  );
});
