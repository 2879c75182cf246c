/**
 * The bundled App under crashes and shutdowns, on a real data folder: killed with SIGKILL in the
 * middle of a review and started again, it finishes that run (or, out of attempts, abandons it
 * with a note) with one summary comment and no check run left in progress; SIGTERM drains.
 */
import { afterAll, afterEach, beforeAll, expect, it } from '@jest/globals';
import { reviewReply } from '../support/action-fixture.js';
import { startAppFixture, type AppFixture } from '../support/app-fixture.js';
import { deliver, get, type AppProcess } from '../support/app-process.js';
import { startOpenAIStub, type OpenAIStub } from '../support/openai-stub.js';

let stub: OpenAIStub;
/** How long the model takes to answer the next request. */
let delayMs = 0;
const fixtures: AppFixture[] = [];

beforeAll(async () => {
  stub = await startOpenAIStub({
    reply: () => ({
      delayMs,
      text: reviewReply(
        [{ path: 'a.py', line: 1, severity: 'high', title: 'x changed', body: 'Keep x = 1.' }],
        'revise',
      ),
    }),
  });
});
afterAll(async () => stub.close());
afterEach(async () => {
  delayMs = 0;
  for (const f of fixtures.splice(0)) await f.close();
});

async function fixture(env: Record<string, string> = {}): Promise<AppFixture> {
  const f = await startAppFixture({ stub, env });
  fixtures.push(f);
  return f;
}

async function until(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Delivers the PR event and waits until the run is inside its model call, then SIGKILLs. */
async function killMidReview(f: AppFixture): Promise<void> {
  const app = await f.start();
  const calls = stub.chatRequests().length;
  delayMs = 60_000;
  expect((await deliver(app.url, 'pull_request', f.prEvent())).status).toBe(200);
  await until(() => stub.chatRequests().length > calls);
  // The run has said "reviewing" on the PR and holds a check run in progress.
  expect(f.fx.gh.state.checkRuns.map((c) => c.status)).toEqual(['in_progress']);
  expect(await app.kill('SIGKILL')).toBeNull();
  delayMs = 0;
}

const summaries = (f: AppFixture) =>
  f.fx.gh.state.issueComments.filter((c) => c.body.includes('aethr:summary'));

it('killed with SIGKILL mid-review and started again, finishes the run with one summary', async () => {
  const f = await fixture();
  await killMidReview(f);
  const again = await f.start();
  const status = await again.waitForStatus((s) => s.done === 1);
  expect(status.recent[0]).toMatchObject({
    state: 'done',
    attempts: 2,
    outcome: 'finished:revise',
  });
  expect(summaries(f)).toHaveLength(1);
  expect(summaries(f)[0]!.body).toMatch(/changes requested/);
  // The dead attempt's check run is completed, the second one carries the verdict.
  expect(f.fx.gh.state.checkRuns.map((c) => [c.status, c.conclusion])).toEqual([
    ['completed', 'cancelled'],
    ['completed', 'failure'],
  ]);
  expect(f.fx.gh.state.reviewComments).toHaveLength(1);
  expect(again.lines.some((l) => /Taking up run 1 again/.test(l.msg))).toBe(true);
  expect(f.fx.gh.violations).toEqual([]);
});

it('out of attempts, abandons the run with a note on the PR and no model call', async () => {
  const f = await fixture({ AETHR_MAX_ATTEMPTS: '1' });
  await killMidReview(f);
  const calls = stub.chatRequests().length;
  const again = await f.start();
  const status = await again.waitForStatus((s) => s.abandoned === 1);
  expect(status.recent[0]).toMatchObject({ state: 'abandoned' });
  expect(stub.chatRequests()).toHaveLength(calls);
  expect(summaries(f)).toHaveLength(1);
  expect(summaries(f)[0]!.body).toMatch(
    /aethr gave up on this run: the app stopped during each of its 1 attempt/,
  );
  expect(f.fx.gh.state.checkRuns.map((c) => c.conclusion)).toEqual(['cancelled', 'failure']);
  expect(f.fx.gh.state.checkRuns.every((c) => c.status === 'completed')).toBe(true);
});

it('SIGTERM drains: the running review finishes, queued work waits for the next start', async () => {
  const f = await fixture({ AETHR_POOL_SIZE: '1' });
  const app: AppProcess = await f.start();
  const calls = stub.chatRequests().length;
  delayMs = 1500;
  await deliver(app.url, 'pull_request', f.prEvent());
  await deliver(app.url, 'issue_comment', f.commentEvent('/aethr review again', 701));
  await until(() => stub.chatRequests().length > calls);
  app.child.kill('SIGTERM');
  await until(() => app.lines.some((l) => /draining/.test(l.msg)));
  // Draining: not ready, yet a delivery is still recorded (GitHub would not send it again).
  expect((await get(`${app.url}/healthz`)).status).toBe(503);
  expect(
    (await deliver(app.url, 'issue_comment', f.commentEvent('/aethr review', 702))).status,
  ).toBe(200);
  expect(await app.exited).toBe(0);
  expect(stub.chatRequests().length - calls).toBe(1);
  expect(f.fx.gh.state.checkRuns.map((c) => c.conclusion)).toEqual(['failure']);

  delayMs = 0;
  const next = await f.start();
  const status = await next.waitForStatus((s) => s.done === 3, 20_000);
  expect(status.recent.map((r) => [r.intent, r.state, r.attempts])).toEqual([
    ['command:review', 'done', 1],
    ['command:review', 'done', 1],
    ['review', 'done', 1],
  ]);
  expect(summaries(f)).toHaveLength(1);
});

it('SIGTERM past the drain deadline puts the run back; the next start runs it', async () => {
  const f = await fixture({ AETHR_DRAIN_TIMEOUT: '1' });
  const app = await f.start();
  const calls = stub.chatRequests().length;
  delayMs = 60_000;
  await deliver(app.url, 'pull_request', f.prEvent());
  await until(() => stub.chatRequests().length > calls);
  const stopped = Date.now();
  app.child.kill('SIGTERM');
  expect(await app.exited).toBe(0);
  expect(Date.now() - stopped).toBeLessThan(10_000);
  expect(app.lines.some((l) => /Put 1 unfinished run\(s\) back in the queue/.test(l.msg))).toBe(
    true,
  );
  delayMs = 0;
  const next = await f.start();
  const status = await next.waitForStatus((s) => s.done === 1);
  // The cut-off attempt does not count against the run.
  expect(status.recent[0]).toMatchObject({ attempts: 1, outcome: 'finished:revise' });
  expect(f.fx.gh.state.checkRuns.map((c) => c.conclusion)).toEqual(['cancelled', 'failure']);
  expect(summaries(f)).toHaveLength(1);
});
