/** Payloads are GitHub's own examples from `@octokit/webhooks-examples`, adjusted where noted. */
import { describe, expect, it } from '@jest/globals';
import { createRequire } from 'node:module';
import {
  isCommandIntent,
  isDispatchIntent,
  isDocsSyncIntent,
  isIgnoreIntent,
  isLabelIntent,
  isReviewIntent,
  normaliseEvent,
  parsePullRequest,
  type Intent,
} from '../../src/github/event-intent.js';

interface Definition {
  name: string;
  examples: Array<Record<string, unknown>>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- example payloads are edited freely here
type Payload = Record<string, any>;

const definitions = createRequire(import.meta.url)('@octokit/webhooks-examples') as Definition[];

/** A deep copy of the first example of `name` with `action`. */
function example(name: string, action?: string): Payload {
  const found = definitions
    .find((d) => d.name === name)
    ?.examples.find((e) => action === undefined || e['action'] === action);
  if (!found) throw new Error(`no example for ${name}.${action ?? ''}`);
  return structuredClone(found) as Payload;
}

/** GitHub marks an issue that is a pull request with `issue.pull_request`. */
function onPullRequest(payload: Payload): Payload {
  const { owner, name } = { owner: payload.repository.owner.login, name: payload.repository.name };
  payload.issue.pull_request = {
    url: `https://api.github.com/repos/${owner}/${name}/pulls/${payload.issue.number}`,
    html_url: `https://github.com/${owner}/${name}/pull/${payload.issue.number}`,
    diff_url: `https://github.com/${owner}/${name}/pull/${payload.issue.number}.diff`,
    patch_url: `https://github.com/${owner}/${name}/pull/${payload.issue.number}.patch`,
  };
  return payload;
}

function comment(body: string, user?: Record<string, unknown>): Payload {
  const payload = onPullRequest(example('issue_comment', 'created'));
  payload.comment.body = body;
  if (user) payload.comment.user = { ...payload.comment.user, ...user };
  return payload;
}

const reason = (intent: Intent): string =>
  isIgnoreIntent(intent) ? intent.reason : `not ignored: ${intent.kind}`;

describe('pull_request → review', () => {
  it.each(['opened', 'synchronize', 'reopened', 'ready_for_review'])('reviews on %s', (action) => {
    const intent = normaliseEvent({
      name: 'pull_request',
      payload: example('pull_request', action),
    });
    expect(isReviewIntent(intent)).toBe(true);
    if (!isReviewIntent(intent)) return;
    expect(intent.action).toBe(action);
    expect(intent.safeMode).toBe(false);
    expect(intent.workflowFrom).toBe('head');
  });

  it('carries everything downstream needs', () => {
    const payload = example('pull_request', 'opened');
    const intent = normaliseEvent({ name: 'pull_request', payload });
    expect(intent).toEqual({
      kind: 'review',
      event: 'pull_request',
      action: 'opened',
      repository: {
        owner: 'Codertocat',
        repo: 'Hello-World',
        fullName: 'Codertocat/Hello-World',
        defaultBranch: 'master',
        private: false,
      },
      actor: 'Codertocat',
      safeMode: false,
      workflowFrom: 'head',
      pullRequest: {
        number: 2,
        title: 'Update the README with new information.',
        body: 'This is a pretty simple change that we need to pull into master.',
        commits: 1,
        draft: false,
        state: 'open',
        author: 'Codertocat',
        htmlUrl: 'https://github.com/Codertocat/Hello-World/pull/2',
        head: {
          sha: payload.pull_request.head.sha,
          ref: 'changes',
          repoFullName: 'Codertocat/Hello-World',
        },
        base: {
          sha: payload.pull_request.base.sha,
          ref: 'master',
          repoFullName: 'Codertocat/Hello-World',
        },
        isFork: false,
        maintainerCanModify: false,
        labels: [],
      },
    });
  });

  it('flags forks (and deleted forks) and reads the workflow from the base branch', () => {
    const fork = example('pull_request', 'synchronize');
    fork.pull_request.head.repo.full_name = 'someone/Hello-World';
    fork.pull_request.maintainer_can_modify = true;
    const intent = normaliseEvent({ name: 'pull_request', payload: fork });
    expect(isReviewIntent(intent) && intent.pullRequest.isFork).toBe(true);
    expect(isReviewIntent(intent) && intent.pullRequest.maintainerCanModify).toBe(true);
    expect(isReviewIntent(intent) && intent.workflowFrom).toBe('base');

    const deleted = example('pull_request', 'synchronize');
    deleted.pull_request.head.repo = null;
    const gone = normaliseEvent({ name: 'pull_request', payload: deleted });
    expect(isReviewIntent(gone) && gone.pullRequest.isFork).toBe(true);
    expect(isReviewIntent(gone) && gone.pullRequest.head.repoFullName).toBeUndefined();
  });

  it('runs pull_request_target in safe mode', () => {
    const intent = normaliseEvent({
      name: 'pull_request_target',
      payload: example('pull_request', 'opened'),
    });
    expect(isReviewIntent(intent) && intent.safeMode).toBe(true);
    expect(isReviewIntent(intent) && intent.workflowFrom).toBe('base');
  });

  it('skips drafts unless asked not to', () => {
    const draft = example('pull_request', 'opened');
    draft.pull_request.draft = true;
    expect(reason(normaliseEvent({ name: 'pull_request', payload: draft }))).toBe(
      'pull request #2 is a draft (drafts are skipped)',
    );
    expect(
      normaliseEvent({ name: 'pull_request', payload: draft }, { skipDrafts: false }).kind,
    ).toBe('review');
  });

  it.each(['closed', 'assigned', 'converted_to_draft', 'unlabeled'])('ignores %s', (action) => {
    const intent = normaliseEvent({
      name: 'pull_request',
      payload: example('pull_request', action),
    });
    expect(reason(intent)).toContain(`pull_request "${action}" does not start a review`);
  });

  it('never throws on a broken payload', () => {
    const noHead = example('pull_request', 'opened');
    delete noHead.pull_request.head;
    expect(reason(normaliseEvent({ name: 'pull_request', payload: noHead }))).toBe(
      'pull_request.head.sha is missing or invalid',
    );
    const badSha = example('pull_request', 'opened');
    badSha.pull_request.head.sha = '$(rm -rf /)';
    expect(reason(normaliseEvent({ name: 'pull_request', payload: badSha }))).toBe(
      'pull_request.head.sha is missing or invalid',
    );
    for (const payload of [
      null,
      42,
      'x',
      [],
      {},
      { action: 'opened' },
      { action: 'opened', repository: {}, pull_request: 7 },
    ]) {
      expect(isIgnoreIntent(normaliseEvent({ name: 'pull_request', payload }))).toBe(true);
    }
  });
});

describe('issue_comment → command', () => {
  it('reads a command from a new comment on a pull request', () => {
    const payload = comment('/aethr review focus on tests');
    const intent = normaliseEvent({ name: 'issue_comment', payload });
    expect(isCommandIntent(intent)).toBe(true);
    if (!isCommandIntent(intent)) return;
    expect(intent.command).toEqual({ kind: 'review', instructions: 'focus on tests' });
    expect(intent.comment).toEqual({
      id: payload.comment.id,
      body: '/aethr review focus on tests',
      author: 'Codertocat',
      htmlUrl: payload.comment.html_url,
    });
    expect(intent.pullRequestNumber).toBe(payload.issue.number);
    expect(intent.issue.isPullRequest).toBe(true);
    expect(intent.actor).toBe('Codertocat');
    expect(intent.workflowFrom).toBe('base');
    expect(intent.repository.fullName).toBe('Codertocat/Hello-World');
  });

  it('passes unknown commands on so the door can answer with help', () => {
    const intent = normaliseEvent({ name: 'issue_comment', payload: comment('/aethr frobnicate') });
    expect(isCommandIntent(intent) && intent.command.kind).toBe('unknown');
  });

  it('ignores edited and deleted comments', () => {
    for (const action of ['edited', 'deleted']) {
      const payload = onPullRequest(example('issue_comment', action));
      payload.comment.body = '/aethr review';
      expect(reason(normaliseEvent({ name: 'issue_comment', payload }))).toBe(
        `comment ${action}: only newly created comments are read`,
      );
    }
  });

  it('ignores comments on plain issues', () => {
    const payload = example('issue_comment', 'created');
    payload.comment.body = '/aethr review';
    expect(reason(normaliseEvent({ name: 'issue_comment', payload }))).toBe(
      `#${payload.issue.number} is an issue, not a pull request`,
    );
  });

  it('ignores comments by bots, this action included', () => {
    expect(
      reason(
        normaliseEvent({
          name: 'issue_comment',
          payload: comment('/aethr review', { type: 'Bot' }),
        }),
      ),
    ).toContain('bot');
    expect(
      reason(
        normaliseEvent({
          name: 'issue_comment',
          payload: comment('/aethr review', { login: 'renovate[bot]' }),
        }),
      ),
    ).toContain('bot');
    const own = comment('/aethr review', { login: 'ci-user' });
    expect(
      reason(normaliseEvent({ name: 'issue_comment', payload: own }, { botLogin: 'CI-User' })),
    ).toBe('comment by a bot (ci-user)');
    expect(normaliseEvent({ name: 'issue_comment', payload: own }).kind).toBe('command');
  });

  it('ignores comments without a command, or with one only in a quote or code', () => {
    expect(
      reason(
        normaliseEvent({ name: 'issue_comment', payload: example('issue_comment', 'created') }),
      ),
    ).toContain('issue');
    for (const body of [
      'LGTM',
      '> /aethr review',
      '```\n/aethr review\n```',
      'run `/aethr review`',
    ]) {
      expect(reason(normaliseEvent({ name: 'issue_comment', payload: comment(body) }))).toBe(
        'the comment has no /aethr command',
      );
    }
  });

  it('ignores a comment without an author or body instead of crashing', () => {
    const payload = comment('/aethr review');
    payload.comment.user = null;
    expect(reason(normaliseEvent({ name: 'issue_comment', payload }))).toBe(
      'the comment lacks an id, a body or an author',
    );
  });
});

describe('labeled → label', () => {
  it('starts on the trigger label on a pull request', () => {
    const payload = example('pull_request', 'labeled');
    payload.label.name = 'aethr:implement';
    const intent = normaliseEvent({ name: 'pull_request', payload });
    expect(isLabelIntent(intent)).toBe(true);
    if (!isLabelIntent(intent)) return;
    expect(intent.target).toBe('pull_request');
    expect(intent.pullRequest?.number).toBe(payload.pull_request.number);
    expect(intent.issue.number).toBe(payload.pull_request.number);
    expect(intent.actor).toBe('Codertocat');
  });

  it('starts on the trigger label on an issue, with a configurable label', () => {
    const payload = example('issues', 'labeled');
    const intent = normaliseEvent({ name: 'issues', payload }, { triggerLabel: 'bug' });
    expect(isLabelIntent(intent) && intent.target).toBe('issue');
    expect(isLabelIntent(intent) && intent.pullRequest).toBeUndefined();
    expect(isLabelIntent(intent) && intent.issue.title).toBe(payload.issue.title);
  });

  it('ignores other labels and other issue actions', () => {
    expect(reason(normaliseEvent({ name: 'issues', payload: example('issues', 'labeled') }))).toBe(
      'label "bug" is not the trigger label "aethr:implement"',
    );
    expect(
      reason(normaliseEvent({ name: 'pull_request', payload: example('pull_request', 'labeled') })),
    ).toContain('not the trigger label');
    expect(reason(normaliseEvent({ name: 'issues', payload: example('issues', 'opened') }))).toBe(
      'issues "opened" does not start a run',
    );
  });
});

describe('schedule and workflow_dispatch', () => {
  it('turns a schedule into docs_sync, with the repository from the options', () => {
    const intent = normaliseEvent(
      { name: 'schedule', payload: { schedule: '0 3 * * 1' } },
      { repository: 'octo-org/octo-repo' },
    );
    expect(intent).toEqual({
      kind: 'docs_sync',
      event: 'schedule',
      repository: { owner: 'octo-org', repo: 'octo-repo', fullName: 'octo-org/octo-repo' },
      trigger: 'schedule',
      schedule: '0 3 * * 1',
      inputs: {},
    });
    expect(reason(normaliseEvent({ name: 'schedule', payload: { schedule: '0 3 * * 1' } }))).toBe(
      'the payload names no repository',
    );
  });

  it('turns workflow_dispatch with intent docs-sync into docs_sync', () => {
    const payload = example('workflow_dispatch');
    payload.inputs = { intent: 'docs-sync' };
    const intent = normaliseEvent({ name: 'workflow_dispatch', payload });
    expect(isDocsSyncIntent(intent) && intent.trigger).toBe('workflow_dispatch');
    expect(isDocsSyncIntent(intent) && intent.ref).toBe(payload.ref);
  });

  it('turns workflow_dispatch with a task into dispatch', () => {
    const payload = example('workflow_dispatch');
    payload.inputs = { task: '  add a CHANGELOG entry ', dry: true };
    const intent = normaliseEvent({ name: 'workflow_dispatch', payload });
    expect(isDispatchIntent(intent)).toBe(true);
    if (!isDispatchIntent(intent)) return;
    expect(intent.task).toBe('add a CHANGELOG entry');
    expect(intent.inputs).toEqual({ task: '  add a CHANGELOG entry ', dry: 'true' });
    expect(intent.repository.fullName).toBe('octo-org/octo-repo');
  });

  it('ignores workflow_dispatch without a task', () => {
    expect(
      reason(normaliseEvent({ name: 'workflow_dispatch', payload: example('workflow_dispatch') })),
    ).toContain('without a "task" input');
  });
});

describe('other events', () => {
  it('ignores them with a reason', () => {
    const intent = normaliseEvent({ name: 'push', payload: example('push') });
    expect(intent).toMatchObject({
      kind: 'ignore',
      event: 'push',
      reason: 'event "push" does not trigger aethr',
    });
  });
});

describe('parsePullRequest', () => {
  it('reads the same shape from an API response', () => {
    const pr = example('pull_request', 'opened').pull_request;
    const parsed = parsePullRequest(pr);
    expect(parsed.ok && parsed.value.number).toBe(2);
    expect(parsePullRequest({ number: 1 })).toEqual({
      ok: false,
      reason: 'pull_request.head.sha is missing or invalid',
    });
  });
});

describe('own pushes', () => {
  it('ignores a synchronize pushed by the bot identity', async () => {
    const { webhookExample } = await import('../support/webhook-examples.js');
    const { normaliseEvent } = await import('../../src/github/event-intent.js');
    const payload = webhookExample('pull_request', 'synchronize') as Record<string, unknown>;
    (payload.pull_request as Record<string, unknown>).draft = false;
    payload.sender = { login: 'aethr-bot', type: 'User' };
    const intent = normaliseEvent({ name: 'pull_request', payload }, { botLogin: 'aethr-bot' });
    expect(intent.kind).toBe('ignore');
    if (intent.kind === 'ignore') expect(intent.reason).toMatch(/this action's own identity/);
  });
});
