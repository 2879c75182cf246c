/**
 * Dispatch mode, end to end: the bundled App authorises the actor and sends a
 * `repository_dispatch` (or a `workflow_dispatch` of the repository's aethr workflow) carrying the
 * intent, with no clone and no model call; the bundled Action started by that dispatch re-checks,
 * re-reads and reviews the PR. A denied actor gets the Action's reply and no dispatch; a dispatch
 * from anyone but the App is ignored by the Action.
 */
import { afterAll, afterEach, beforeAll, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { reviewReply } from '../support/action-fixture.js';
import { startAppFixture, type AppFixture } from '../support/app-fixture.js';
import { APP_BOT, deliver } from '../support/app-process.js';
import { startOpenAIStub, type OpenAIStub } from '../support/openai-stub.js';

let stub: OpenAIStub;
const fixtures: AppFixture[] = [];

beforeAll(async () => {
  stub = await startOpenAIStub({
    reply: () => ({
      text: reviewReply(
        [{ path: 'a.py', line: 1, severity: 'medium', title: 'x changed', body: 'Why 2?' }],
        'revise',
      ),
    }),
  });
});
afterAll(async () => stub.close());
afterEach(async () => {
  for (const f of fixtures.splice(0)) await f.close();
});

async function dispatchFixture(env: Record<string, string> = {}) {
  const f = await startAppFixture({
    stub,
    env: { AETHR_APP_MODE: 'dispatch', ...env },
    standin: { workflows: ['aethr.yml'] },
  });
  fixtures.push(f);
  return { f, app: await f.start() };
}

/** The event GitHub delivers to the Action for what the App dispatched. */
function actionEventOf(f: AppFixture, index = 0): { name: string; payload: object } {
  const sent = f.fx.gh.state.dispatches[index]!;
  const repository = f.fx.prEvent().repository;
  const sender = { login: sent.actor, type: 'Bot' };
  return sent.kind === 'repository_dispatch'
    ? {
        name: 'repository_dispatch',
        payload: {
          action: sent.eventType,
          branch: 'main',
          client_payload: sent.clientPayload,
          repository,
          sender,
        },
      }
    : {
        name: 'workflow_dispatch',
        payload: {
          inputs: sent.inputs,
          ref: `refs/heads/${sent.ref}`,
          workflow: '.github/workflows/aethr.yml',
          repository,
          sender,
        },
      };
}

it('sends a repository_dispatch and makes no model call; the Action run it starts reviews the PR', async () => {
  const { f, app } = await dispatchFixture();
  const calls = stub.chatRequests().length;
  expect((await deliver(app.url, 'pull_request', f.prEvent())).status).toBe(200);
  const status = await app.waitForStatus((s) => s.done === 1);
  expect(status.recent[0]).toMatchObject({ outcome: 'dispatched:repository_dispatch' });
  expect(stub.chatRequests()).toHaveLength(calls);
  expect(readdirSync(f.tmp)).toEqual([]);
  expect(f.fx.gh.state.dispatches).toEqual([
    expect.objectContaining({ kind: 'repository_dispatch', actor: APP_BOT, eventType: 'aethr' }),
  ]);
  expect(f.fx.gh.state.issueComments).toEqual([]);

  const event = actionEventOf(f);
  const run = await f.fx.run(event.name, event.payload, { 'dispatch-senders': APP_BOT });
  expect(run.code).toBe(0);
  expect(stub.chatRequests().length - calls).toBe(1);
  const summary = f.fx.gh.state.issueComments.filter((c) => c.body.includes('aethr:summary'));
  expect(summary).toHaveLength(1);
  expect(summary[0]!.user).toBe('github-actions[bot]');
  expect(f.fx.gh.state.reviewComments.map((c) => [c.path, c.line])).toEqual([['a.py', 1]]);
  expect(f.fx.gh.state.checkRuns.map((c) => c.conclusion)).toEqual(['neutral']);
  // The Action read the PR and the permission again rather than trusting the payload.
  expect(f.fx.gh.calls('pulls/get').length).toBeGreaterThan(0);
  expect(f.fx.gh.calls('repos/get-collaborator-permission-level').length).toBeGreaterThanOrEqual(2);
  expect(f.fx.gh.violations).toEqual([]);

  // The same dispatch sent by anyone else starts nothing.
  const forged = {
    ...event.payload,
    sender: { login: 'maintainer', type: 'User' },
  };
  const ignored = await f.fx.run('repository_dispatch', forged, { 'dispatch-senders': APP_BOT });
  expect(ignored.code).toBe(0);
  expect(ignored.stdout).toMatch(
    /nothing to do: an aethr dispatch sent by maintainer, who is not one of the dispatch senders/,
  );
  expect(stub.chatRequests().length - calls).toBe(1);
});

it('a denied actor gets no dispatch, and below triage no reply either (quiet denials)', async () => {
  const { f, app } = await dispatchFixture();
  await deliver(app.url, 'issue_comment', f.commentEvent('/aethr review', 55, 'visitor'));
  const status = await app.waitForStatus((s) => s.done === 1);
  expect(status.recent[0]).toMatchObject({ outcome: 'skipped:denied' });
  expect(f.fx.gh.state.dispatches).toEqual([]);
  expect(f.fx.gh.state.issueComments.map((c) => [c.user, c.body])).toEqual([]);
});

it('workflow_dispatch of the repository’s aethr workflow carries a command the Action runs', async () => {
  const { f, app } = await dispatchFixture({ AETHR_DISPATCH_WORKFLOW: 'aethr.yml' });
  f.fx.gh.state.issueComments.push({
    id: 61,
    issue_number: f.fx.repo.number,
    body: '/aethr review look at x',
    user: 'maintainer',
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  });
  await deliver(app.url, 'issue_comment', f.commentEvent('/aethr review look at x', 61));
  await app.waitForStatus((s) => s.done === 1);
  expect(f.fx.gh.state.dispatches).toEqual([
    expect.objectContaining({ kind: 'workflow_dispatch', workflowId: 'aethr.yml', ref: 'main' }),
  ]);
  const event = actionEventOf(f);
  const calls = stub.chatRequests().length;
  const run = await f.fx.run(event.name, event.payload, { 'dispatch-senders': APP_BOT });
  expect(run.code).toBe(0);
  expect(stub.chatRequests().length - calls).toBe(1);
  expect(JSON.stringify(stub.chatRequests().at(-1)!.body)).toContain('look at x');
  expect(f.fx.gh.state.reactions.map((r) => r.content)).toEqual(['eyes', '+1']);
  expect(f.fx.gh.violations).toEqual([]);
});
