/**
 * Runs work on the head they were authorised for: a push (or force-push) after the label or the
 * event is never worked on in its place; the run stops and says so.
 */
import { afterAll, afterEach, beforeAll, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { reviewReply, startActionFixture, type ActionFixture } from '../support/action-fixture.js';
import { startOpenAIStub, type OpenAIStub } from '../support/openai-stub.js';
import { git } from '../support/pr-repo.js';

let stub: OpenAIStub;
let fx: ActionFixture;

beforeAll(async () => {
  stub = await startOpenAIStub({ reply: () => ({ text: reviewReply([], 'pass') }) });
});
afterAll(async () => stub.close());
afterEach(async () => fx?.close());

const summaries = () => fx.gh.state.issueComments.filter((c) => c.body.includes('aethr:summary'));

it('a label run stops when the branch moved after the label, and commits nothing', async () => {
  fx = await startActionFixture({ stub });
  const labelled = { ...fx.prEvent('labeled'), label: { name: 'aethr:implement' } };
  const moved = fx.repo.push({ 'a.py': 'x = 3\n' });
  fx.gh.updatePull(fx.repo.number, {
    head: { sha: moved.headSha },
    diff: moved.diff,
    labels: ['aethr:implement'],
  });
  const before = stub.chatRequests().length;
  const out = await fx.run('pull_request', labelled, { mock: 'true' });
  expect(out.code).not.toBe(0);
  expect(stub.chatRequests().length).toBe(before);
  expect(git(fx.repo.origin, 'rev-parse', `refs/heads/${fx.repo.headRef}`)).toBe(moved.headSha);
  const note = fx.gh.state.issueComments.map((c) => c.body).join('\n');
  expect(note).toMatch(/could not run the label request[\s\S]*moved/);
  expect(fx.gh.state.removedLabels).toEqual([
    { issue_number: fx.repo.number, name: 'aethr:implement' },
  ]);
});

/** Rewrites the PR branch to an empty commit on the base (the authorised head leaves it). */
function forcePush(): void {
  const seed = join(fx.repo.dir, 'seed');
  git(seed, 'checkout', '-q', fx.repo.headRef);
  git(seed, 'reset', '-q', '--hard', fx.repo.baseRef);
  git(seed, 'commit', '-q', '--allow-empty', '-m', 'rewritten');
  const rewritten = git(seed, 'rev-parse', 'HEAD');
  git(seed, 'checkout', '-q', fx.repo.baseRef);
  const n = fx.repo.number;
  git(
    seed,
    'push',
    '-q',
    '-f',
    fx.repo.origin,
    `${rewritten}:refs/heads/${fx.repo.headRef}`,
    `${rewritten}:refs/pull/${n}/head`,
    `${rewritten}:refs/pull/${n}/merge`,
  );
}

it('a review works on the authorised head after a force-push, and stops when it is gone', async () => {
  // While GitHub still has the commit, the authorised head is what gets reviewed.
  fx = await startActionFixture({ stub });
  const event = fx.prEvent();
  forcePush();
  const before = stub.chatRequests().length;
  expect((await fx.run('pull_request', event)).code).toBe(0);
  expect(JSON.stringify(stub.chatRequests()[before]!.body?.messages)).toContain('+x = 2');

  // Once it is gone, nothing else is reviewed in its place.
  await fx.close();
  fx = await startActionFixture({ stub });
  const gone = fx.prEvent();
  forcePush();
  git(fx.repo.origin, 'reflog', 'expire', '--expire=now', '--all');
  git(fx.repo.origin, 'gc', '-q', '--prune=now');
  const out = await fx.run('pull_request', gone);
  expect(out.code).not.toBe(0);
  expect(fx.gh.state.reviews).toHaveLength(0);
  expect(summaries()[0]!.body).toMatch(/moved: expected [0-9a-f]{12}, the remote has [0-9a-f]{12}/);
  expect(fx.gh.state.checkRuns[0]).toMatchObject({ conclusion: 'failure' });
});
