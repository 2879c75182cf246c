/**
 * Writes whose answer is lost after GitHub performed them (a 502 page, a dropped connection):
 * nothing a user sees is duplicated, and nothing is left at "reviewing …".
 */
import { afterAll, afterEach, beforeAll, expect, it } from '@jest/globals';
import {
  OWNER,
  REPO,
  reviewReply,
  startActionFixture,
  type ActionFixture,
} from '../support/action-fixture.js';
import { startOpenAIStub, type OpenAIStub } from '../support/openai-stub.js';
import { prCommentPayload } from '../support/webhook-examples.js';

let stub: OpenAIStub;
let fx: ActionFixture;

beforeAll(async () => {
  stub = await startOpenAIStub({
    reply: () => ({
      text: reviewReply(
        [{ path: 'a.py', line: 1, severity: 'high', title: 'x is wrong', body: 'Keep x = 1.' }],
        'revise',
      ),
    }),
  });
});
afterAll(async () => stub.close());
afterEach(async () => fx?.close());

/** Retry waits shortened where a test meets several faults in a row (the first tests keep GitHub's). */
const FAST = { AETHR_RETRY_BASE_MS: '10' };

const summaries = () => fx.gh.state.issueComments.filter((c) => c.body.includes('aethr:summary'));

it.each([
  ['a 502 page', 502],
  ['a dropped connection', undefined],
] as const)(
  'the summary, the review and the check run are each made once when their answer is lost (%s)',
  async (_label, status) => {
    fx = await startActionFixture({ stub });
    for (const operationId of ['issues/create-comment', 'pulls/create-review', 'checks/create'])
      fx.gh.failNext({ kind: 'lost', status, match: { method: 'POST', operationId } });
    // The check run's last update carries the annotation: GitHub appends it on every update.
    fx.gh.failNext({
      kind: 'lost',
      status,
      match: { method: 'PATCH', operationId: 'checks/update' },
    });
    const out = await fx.run();
    expect(out.code).toBe(0);
    expect(fx.gh.violations).toEqual([]);
    expect(summaries()).toHaveLength(1);
    expect(summaries()[0]!.body).not.toMatch(/reviewing …/);
    expect(summaries()[0]!.body).toMatch(/x is wrong/);
    expect(fx.gh.state.reviews).toHaveLength(1);
    expect(fx.gh.state.reviewComments).toHaveLength(1);
    expect(fx.gh.state.checkRuns).toHaveLength(1);
    expect(fx.gh.state.checkRuns[0]!.conclusion).toBe('failure');
    expect(fx.gh.state.checkRuns[0]!.annotations).toHaveLength(1);
  },
);

it('a look-up that fails after a lost answer never means a second summary or review', async () => {
  fx = await startActionFixture({ stub });
  fx.gh.failNext({
    kind: 'lost',
    status: 502,
    match: { method: 'POST', operationId: 'issues/create-comment' },
  });
  // The summary's first look-up goes through; the one after the lost answer fails three times.
  fx.gh.failNext({
    status: 502,
    count: 3,
    skip: 1,
    match: { operationId: 'issues/list-comments' },
  });
  fx.gh.failNext({
    kind: 'lost',
    status: 502,
    match: { method: 'POST', operationId: 'pulls/create-review' },
  });
  fx.gh.failNext({
    status: 502,
    count: 3,
    skip: 1,
    match: { operationId: 'pulls/list-review-comments' },
  });
  const out = await fx.run('pull_request', undefined, {}, FAST);
  expect(out.code).toBe(0);
  expect(fx.gh.violations).toEqual([]);
  expect(summaries()).toHaveLength(1);
  expect(summaries()[0]!.body).toMatch(/x is wrong/);
  expect(fx.gh.state.reviewComments).toHaveLength(1);
});

it('a check run whose last update keeps failing is still concluded, its findings in the text', async () => {
  fx = await startActionFixture({ stub });
  fx.gh.failNext({
    kind: 'drop',
    count: 3,
    match: { method: 'PATCH', operationId: 'checks/update' },
  });
  const out = await fx.run('pull_request', undefined, {}, FAST);
  expect(out.code).toBe(0);
  const [run] = fx.gh.state.checkRuns;
  expect(run).toMatchObject({ status: 'completed', conclusion: 'failure' });
  expect(run!.output.text).toMatch(/x is wrong/);
  expect(out.stdout).toMatch(/Could not finish the check run/);
});

it('a help reply whose answer was lost is posted once; a reaction GitHub keeps refusing fails nothing', async () => {
  fx = await startActionFixture({
    stub,
    standin: {
      issueComments: [{ id: 9001, issue_number: 7, body: '/aethr help', author: 'maintainer' }],
    },
  });
  fx.gh.failNext({ kind: 'lost', match: { method: 'POST', operationId: 'issues/create-comment' } });
  fx.gh.failNext({
    kind: 'drop',
    count: 6,
    match: { operationId: 'reactions/create-for-issue-comment' },
  });
  const payload = prCommentPayload({
    owner: OWNER,
    repo: REPO,
    number: 7,
    body: '/aethr help',
    author: 'maintainer',
    commentId: 9001,
  });
  const out = await fx.run('issue_comment', payload, {}, FAST);
  expect(out.code).toBe(0);
  const replies = fx.gh.state.issueComments.filter((c) => /aethr commands/.test(c.body));
  expect(replies).toHaveLength(1);
  expect(fx.gh.state.issueComments).toHaveLength(2);
});

it('a run that finds two of its summaries keeps the newest and deletes the rest', async () => {
  fx = await startActionFixture({ stub });
  await fx.run();
  const [first] = summaries();
  // An older client's duplicate, as a lost answer used to leave behind.
  fx.gh.state.issueComments.push({ ...first!, id: first!.id + 1000 });
  await fx.run();
  expect(summaries().map((c) => c.id)).toEqual([first!.id + 1000]);
});

it('an error page is named as the failed operation, never dumped', async () => {
  fx = await startActionFixture({ stub });
  fx.gh.failNext({
    kind: 'lost',
    status: 502,
    count: 10,
    match: { method: 'GET', operationId: 'issues/list-comments' },
  });
  const out = await fx.run('pull_request', undefined, {}, FAST);
  expect(out.code).not.toBe(0);
  expect(out.stdout).toMatch(/could not list the comments of #7: HTTP 502/);
  expect(out.stdout).not.toMatch(/Unicorn|<html/);
});
