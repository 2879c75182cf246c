/**
 * Intents carried by the App's dispatch: the Action reads a carried event as it reads the
 * original one, refuses dispatches from anyone but the dispatch senders and malformed payloads,
 * and re-reads from the API (the GitHub stand-in) what the payload only claims.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import {
  CARRIED_INPUT,
  carryIntent,
  isCarriable,
  reloadDispatchedIntent,
  type CarriableIntent,
} from '../../src/github/carried-intent.js';
import { normaliseEvent, type Intent } from '../../src/github/event-intent.js';
import { createOctokitForge } from '../../src/github/octokit-forge.js';
import { startGitHubStandin, type GitHubStandin } from '../support/github-standin.js';
import {
  prCommentPayload,
  pullRequestPayload,
  webhookExample,
} from '../support/webhook-examples.js';

const APP = 'aethr-test[bot]';
const HEAD = 'a'.repeat(40);
const BASE = 'b'.repeat(40);
const pr = (action = 'opened', extra: Record<string, unknown> = {}) => ({
  ...pullRequestPayload(action, {
    owner: 'acme',
    repo: 'calc',
    number: 7,
    headSha: HEAD,
    baseSha: BASE,
    headRef: 'feature',
    baseRef: 'main',
    sender: 'maintainer',
  }),
  ...extra,
});
const comment = (body = '/aethr review be strict', author = 'maintainer', commentId = 31) =>
  prCommentPayload({ owner: 'acme', repo: 'calc', number: 7, body, author, commentId });

/** The repository_dispatch the App sends for `intent`, as GitHub delivers it to the Action. */
function dispatchOf(intent: CarriableIntent, sender = APP): { name: string; payload: object } {
  const ex = webhookExample('repository_dispatch', 'on-demand-test');
  return {
    name: 'repository_dispatch',
    payload: {
      ...ex,
      action: 'aethr',
      client_payload: carryIntent(intent, 'delivery-1'),
      repository: pr().repository,
      sender: { login: sender, type: sender.endsWith('[bot]') ? 'Bot' : 'User' },
    },
  };
}

const received = (event: { name: string; payload: object }, senders = [APP]): Intent =>
  normaliseEvent(event, { dispatchSenders: senders });

function carriable(intent: Intent): CarriableIntent {
  if (!isCarriable(intent)) throw new Error(`not carriable: ${JSON.stringify(intent)}`);
  return intent;
}

describe('a carried event reads as the original', () => {
  it.each([
    ['pull_request', () => pr('synchronize')],
    ['issue_comment', () => comment()],
    ['pull_request', () => pr('labeled', { label: { name: 'aethr:implement' } })],
  ])('%s', (name, payload) => {
    const original = carriable(normaliseEvent({ name, payload: payload() }));
    const carried = received(dispatchOf(original));
    // The body is left for the Action to read again; where the workflow comes from is the base.
    const strip = (i: Intent) =>
      JSON.parse(JSON.stringify(i, (k, v) => (k === 'body' && typeof v === 'string' ? '' : v)));
    expect(strip(carried)).toEqual({
      ...strip(original),
      event: 'repository_dispatch',
      safeMode: true,
      workflowFrom: 'base',
      dispatched: { sender: APP, event: name, delivery: 'delivery-1' },
      ...(original.kind === 'command' ? { comment: { ...strip(original).comment, body: '' } } : {}),
    });
    if (original.kind === 'command' && carried.kind === 'command')
      expect(carried.comment.body).toBe(original.comment.body);
  });

  it('through workflow_dispatch with the "aethr" input', () => {
    const original = carriable(normaliseEvent({ name: 'issue_comment', payload: comment() }));
    const ex = webhookExample('workflow_dispatch', undefined as unknown as string);
    const intent = received({
      name: 'workflow_dispatch',
      payload: {
        ...ex,
        inputs: { [CARRIED_INPUT]: JSON.stringify(carryIntent(original)) },
        repository: pr().repository,
        sender: { login: APP, type: 'Bot' },
      },
    });
    expect(intent).toMatchObject({
      kind: 'command',
      actor: 'maintainer',
      dispatched: { sender: APP },
    });
  });
});

describe('refused', () => {
  const review = () => carriable(normaliseEvent({ name: 'pull_request', payload: pr() }));
  const reasonOf = (i: Intent) => (i.kind === 'ignore' ? i.reason : `not ignored: ${i.kind}`);

  it('from a sender that is not a dispatch sender, or with none configured', () => {
    expect(reasonOf(received(dispatchOf(review(), 'mallory')))).toMatch(
      /sent by mallory, who is not one of the dispatch senders/,
    );
    expect(reasonOf(received(dispatchOf(review()), []))).toMatch(/not one of the dispatch senders/);
  });

  it.each([
    ['another version', { aethr: 2 }, /unknown format 2/],
    ['an event aethr does not carry', { event: 'push' }, /event "push" is not one aethr carries/],
    ['a made-up actor', { actor: 'a b; rm -rf' }, /not a GitHub login/],
    ['a bad action', { action: 'Opened!' }, /action is missing or invalid/],
    ['a PR that is not an object', { pull_request: 'x' }, /pull_request is not an object/],
    ['a PR with a bad head', { pull_request: { number: 7, head: { sha: 'zz' } } }, /head.sha/],
    ['a huge payload', { pull_request: { number: 7, title: 'x'.repeat(70_000) } }, /too large/],
  ])('%s', (_what, change, why) => {
    const event = dispatchOf(review()) as { name: string; payload: Record<string, unknown> };
    event.payload.client_payload = { ...(event.payload.client_payload as object), ...change };
    expect(reasonOf(received(event))).toMatch(why);
  });

  it('another repository_dispatch type, and a workflow_dispatch input that is not JSON', () => {
    const event = dispatchOf(review()) as { name: string; payload: Record<string, unknown> };
    expect(
      reasonOf(received({ ...event, payload: { ...event.payload, action: 'deploy' } })),
    ).toMatch(/repository_dispatch "deploy" is not for aethr/);
    const wd = {
      name: 'workflow_dispatch',
      payload: { inputs: { aethr: '{nope' }, repository: pr().repository, sender: { login: APP } },
    };
    expect(reasonOf(received(wd))).toMatch(/"aethr" input is not JSON/);
  });
});

describe('what the payload claims is read again from the API', () => {
  let gh: GitHubStandin;
  beforeAll(async () => {
    gh = await startGitHubStandin({
      token: 'ghs_reload',
      owner: 'acme',
      repo: 'calc',
      pulls: [
        {
          number: 7,
          title: 'Real title',
          body: 'The real body.',
          author: 'author',
          head: { sha: HEAD, ref: 'feature' },
          base: { sha: BASE, ref: 'main' },
          labels: ['aethr:implement'],
          diff: 'diff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -1 +1 @@\n-x\n+y\n',
        },
      ],
      issueComments: [
        { id: 31, issue_number: 7, body: '/aethr review be strict', author: 'maintainer' },
        { id: 32, issue_number: 7, body: 'no command here', author: 'maintainer' },
        { id: 33, issue_number: 7, body: '/aethr review', author: 'someone-else' },
      ],
    });
  });
  afterAll(async () => gh.close());
  const forge = () =>
    createOctokitForge({
      octokit: getOctokit('ghs_reload', { baseUrl: gh.url }),
      owner: 'acme',
      repo: 'calc',
    });
  const carriedFrom = (name: string, payload: object) =>
    received(dispatchOf(carriable(normaliseEvent({ name, payload }))));

  it('the PR: its text, head and state', async () => {
    const intent = await reloadDispatchedIntent(carriedFrom('pull_request', pr()), forge());
    expect(intent).toMatchObject({
      kind: 'review',
      pullRequest: { title: 'Real title', body: 'The real body.', head: { sha: HEAD } },
    });
    gh.updatePull(7, { head: { sha: 'c'.repeat(40) } });
    const moved = await reloadDispatchedIntent(carriedFrom('pull_request', pr()), forge());
    expect(moved).toMatchObject({
      kind: 'ignore',
      reason: expect.stringMatching(/moved from aaaaaaa to ccccccc/),
    });
    gh.updatePull(7, { head: { sha: HEAD }, state: 'closed' });
    const closed = await reloadDispatchedIntent(carriedFrom('pull_request', pr()), forge());
    expect(closed).toMatchObject({ kind: 'ignore', reason: expect.stringMatching(/#7 is closed/) });
    gh.updatePull(7, { state: 'open' });
  });

  it('the comment: its author, its body and where it is', async () => {
    const ok = await reloadDispatchedIntent(carriedFrom('issue_comment', comment()), forge());
    expect(ok).toMatchObject({
      kind: 'command',
      command: { kind: 'review', instructions: 'be strict' },
    });
    // The payload says a command; the comment itself has none now.
    const noCommand = carriedFrom(
      'issue_comment',
      comment('/aethr implement all', 'maintainer', 32),
    );
    expect(await reloadDispatchedIntent(noCommand, forge())).toMatchObject({
      kind: 'ignore',
      reason: expect.stringMatching(/no longer holds an \/aethr command/),
    });
    // The payload names an actor the comment is not by.
    const other = carriedFrom('issue_comment', comment('/aethr review', 'maintainer', 33));
    expect(await reloadDispatchedIntent(other, forge())).toMatchObject({
      kind: 'ignore',
      reason: expect.stringMatching(/by someone-else, not maintainer/),
    });
    const gone = carriedFrom('issue_comment', comment('/aethr review', 'maintainer', 999));
    expect(await reloadDispatchedIntent(gone, forge())).toMatchObject({ kind: 'ignore' });
  });

  it('the label, still on the PR, with the labelled head kept for the implement run', async () => {
    const labeled = pr('labeled', { label: { name: 'aethr:implement' } });
    const intent = await reloadDispatchedIntent(carriedFrom('pull_request', labeled), forge());
    expect(intent).toMatchObject({
      kind: 'label',
      pullRequest: { body: 'The real body.', head: { sha: HEAD } },
    });
    gh.updatePull(7, { labels: [] });
    expect(
      await reloadDispatchedIntent(carriedFrom('pull_request', labeled), forge()),
    ).toMatchObject({
      kind: 'ignore',
      reason: expect.stringMatching(/no longer on #7/),
    });
    expect(gh.violations).toEqual([]);
  });
});
