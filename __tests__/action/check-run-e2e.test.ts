/**
 * The check run `aethr / <workflow>`, end to end through the bundle against the GitHub stand-in:
 * the verdict (success / failure / neutral), findings as annotations in batches GitHub accepts,
 * and never a run left `in_progress`, whatever happened.
 */
import { afterAll, afterEach, beforeAll, expect, it } from '@jest/globals';
import { startActionFixture, reviewReply, type ActionFixture } from '../support/action-fixture.js';
import { startOpenAIStub, type OpenAIStub } from '../support/openai-stub.js';

let stub: OpenAIStub;
let fx: ActionFixture;

beforeAll(async () => {
  stub = await startOpenAIStub();
});
afterAll(async () => stub.close());
afterEach(async () => fx?.close());

const HIGH = {
  path: 'a.py',
  line: 1,
  severity: 'high',
  title: 'x is wrong',
  body: 'x must stay 1.',
};

function checkRuns() {
  return fx.gh.state.checkRuns.filter((c) => c.name === 'aethr / review-existing-diff');
}

it('a high finding fails the check, with the finding as an annotation on its line', async () => {
  fx = await startActionFixture({ stub });
  stub.setReply(() => ({ text: reviewReply([HIGH], 'revise') }));
  const out = await fx.run();
  expect(out.code).toBe(0); // fail-on is "none": the job passes, the check carries the verdict
  expect(fx.gh.violations).toEqual([]);
  const [check, ...more] = checkRuns();
  expect(more).toEqual([]);
  expect(check).toMatchObject({
    head_sha: fx.repo.headSha,
    status: 'completed',
    conclusion: 'failure',
  });
  expect(check!.annotations).toEqual([
    expect.objectContaining({
      path: 'a.py',
      start_line: 1,
      end_line: 1,
      annotation_level: 'failure',
      title: 'x is wrong',
    }),
  ]);
  expect(check!.output.title).toMatch(/1 finding \(1 high\)/);
  expect(check!.output.summary).toMatch(/x is wrong/);
});

it('a passing review ends the check as success', async () => {
  fx = await startActionFixture({ stub });
  stub.setReply(() => ({ text: reviewReply([], 'pass') }));
  expect((await fx.run()).code).toBe(0);
  expect(checkRuns().map((c) => [c.status, c.conclusion])).toEqual([['completed', 'success']]);
});

it('findings below the threshold end neutral; fail-on sets the threshold', async () => {
  fx = await startActionFixture({ stub });
  stub.setReply(() => ({ text: reviewReply([{ ...HIGH, severity: 'medium' }], 'revise') }));
  await fx.run();
  await fx.run('pull_request', undefined, { 'fail-on': 'medium' });
  expect(checkRuns().map((c) => c.conclusion)).toEqual(['neutral', 'failure']);
});

it('a budget stop ends neutral and a crash ends failure, each with the reason — never in_progress', async () => {
  fx = await startActionFixture({ stub });
  fx.useWorkflow(
    [
      'workflow: review-existing-diff',
      'roles:',
      '  reviewer: Review.',
      'budget:',
      '  run_usd: 0.0000001',
      'steps:',
      '  - id: review',
      '    role: reviewer',
      '    context: [git_diff]',
      '',
    ].join('\n'),
  );
  const stopped = await fx.run();
  expect(stopped.code).not.toBe(0);
  fx.useWorkflow(
    'workflow: review-existing-diff\nroles:\n  reviewer: Review.\nsteps:\n  - id: review\n    role: reviewer\n    context: [git_diff]\n',
  );
  stub.setReply(() => ({
    status: 400,
    error: { message: 'model exploded', type: 'invalid_request_error' },
  }));
  const crashed = await fx.run();
  expect(crashed.code).not.toBe(0);
  const [budget, crash] = checkRuns().sort((a, b) => a.id - b.id);
  expect(budget).toMatchObject({ status: 'completed', conclusion: 'neutral' });
  expect(budget!.output.title).toMatch(/budget/i);
  expect(budget!.output.summary).toMatch(/run_usd/);
  expect(crash).toMatchObject({ status: 'completed', conclusion: 'failure' });
  expect(crash!.output.summary).toMatch(/model exploded/);
  expect(fx.gh.state.checkRuns.some((c) => c.status !== 'completed')).toBe(false);
});

it('120 findings go out as annotations in batches of at most 50, with no 422', async () => {
  const lines = Array.from({ length: 130 }, (_, i) => `v${i} = ${i}\n`).join('');
  fx = await startActionFixture({ stub, base: { 'b.py': '' }, head: { 'b.py': lines } });
  const findings = Array.from({ length: 120 }, (_, i) => ({
    path: 'b.py',
    line: i + 1,
    severity: 'low',
    title: `finding ${i}`,
    body: `line ${i + 1}`,
  }));
  stub.setReply(() => ({ text: reviewReply(findings, 'revise') }));
  expect((await fx.run()).code).toBe(0);
  expect(fx.gh.violations).toEqual([]);
  const [check] = checkRuns();
  expect(check!.annotations).toHaveLength(120);
  expect(check!.annotationRequests).toEqual([50, 50, 20]);
  expect(check!.conclusion).toBe('neutral');
  expect(fx.gh.requests.filter((r) => r.status === 422)).toEqual([]);
});

it('without checks: write the run goes on and the summary says how to enable the check', async () => {
  fx = await startActionFixture({ stub, standin: { checksWrite: false } });
  stub.setReply(() => ({ text: reviewReply([HIGH], 'revise') }));
  const out = await fx.run();
  expect(out.code).toBe(0);
  expect(fx.gh.state.checkRuns).toEqual([]);
  const summary = fx.gh.state.issueComments.find((c) => c.body.includes('aethr:summary'))!.body;
  expect(summary).toMatch(/checks: write/);
  expect(summary).toMatch(/x is wrong/);
});

it('check-run: false publishes no check run', async () => {
  fx = await startActionFixture({ stub });
  stub.setReply(() => ({ text: reviewReply([], 'pass') }));
  await fx.run('pull_request', undefined, { 'check-run': 'false' });
  expect(fx.gh.state.checkRuns).toEqual([]);
});
