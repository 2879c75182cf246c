/**
 * Reviews of outside contributions, by explicit opt-in: on pull_request_target a PR author below
 * minimum-permission gets a review only (base workflow, model steps only, nothing run or
 * pushed); without the opt-in nothing runs and the job summary says how to get a review.
 */
import { afterAll, afterEach, beforeAll, expect, it } from '@jest/globals';
import { reviewReply, startActionFixture, type ActionFixture } from '../support/action-fixture.js';
import { startOpenAIStub, type OpenAIStub } from '../support/openai-stub.js';
import { git } from '../support/pr-repo.js';

let stub: OpenAIStub;
let fx: ActionFixture;

beforeAll(async () => {
  stub = await startOpenAIStub({
    reply: () => ({
      text: reviewReply(
        [{ path: 'a.py', line: 1, severity: 'low', title: 'naming', body: 'Call it y.' }],
        'revise',
      ),
    }),
  });
});
afterAll(async () => stub.close());
afterEach(async () => fx?.close());

const IMPLEMENTING = [
  'workflow: implements',
  'roles:',
  '  coder: Write code.',
  '  reviewer: Review.',
  'steps:',
  '  - id: implement',
  '    role: coder',
  '    backend: patch',
  '    context: [git_diff]',
  '  - id: review',
  '    role: reviewer',
  '    context: [git_diff]',
  '',
].join('\n');

it('without the opt-in an outside contributor gets nothing, and the summary says how to get a review', async () => {
  fx = await startActionFixture({ stub });
  const before = stub.chatRequests().length;
  const out = await fx.run('pull_request_target', fx.prEvent('opened', 'visitor'));
  expect(out.code).toBe(0);
  expect(stub.chatRequests().length).toBe(before);
  expect(fx.gh.state.issueComments).toHaveLength(0);
  expect(out.summary).toMatch(/\/aethr review/);
  expect(out.summary).toMatch(/allow-untrusted-reviews: true/);
});

it('with the opt-in: a review only, from the base workflow with its editing steps dropped', async () => {
  fx = await startActionFixture({ stub });
  fx.gh.setContent(fx.repo.baseSha, '.aethr.yaml', IMPLEMENTING);
  const head = git(fx.repo.workspace, 'rev-parse', 'HEAD');
  const before = stub.chatRequests().length;
  const out = await fx.run('pull_request_target', fx.prEvent('opened', 'visitor'), {
    'allow-untrusted-reviews': 'true',
  });
  expect(out.code).toBe(0);
  expect(fx.gh.violations).toEqual([]);
  expect(out.stdout).toMatch(/Review only: visitor is below write/);
  expect(out.stdout).toMatch(/has editing steps; a review-only run uses the review-existing-diff/);
  // One model call (the review): no implement step ran, the tree is untouched.
  expect(stub.chatRequests().length).toBe(before + 1);
  expect(git(fx.repo.workspace, 'rev-parse', 'HEAD')).toBe(head);
  expect(git(fx.repo.workspace, 'status', '--porcelain')).toBe('');
  const summary = fx.gh.state.issueComments.find((c) => c.body.includes('aethr:summary'))!.body;
  expect(summary).toMatch(/naming/);
});

it('the opt-in does not reach pull_request events (they run without the base secrets)', async () => {
  fx = await startActionFixture({ stub });
  const before = stub.chatRequests().length;
  await fx.run('pull_request', fx.prEvent('opened', 'visitor'), {
    'allow-untrusted-reviews': 'true',
  });
  expect(stub.chatRequests().length).toBe(before);
});
