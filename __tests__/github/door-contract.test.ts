/**
 * The door contract: a second GitHub door needs no handler changes. `dispatchIntent` runs with a
 * temp-clone Workspace, an Octokit the door made itself and the GitHub publishers, against the
 * GitHub stand-in, and posts the same summary, review and check run as the bundled Action does
 * for the same pull request.
 */
import { afterAll, afterEach, beforeAll, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import { existsSync } from 'node:fs';
import { createCloneWorkspace } from '../../src/git/workspace.js';
import { dispatchIntent } from '../../src/github/dispatch-intent.js';
import { normaliseEvent } from '../../src/github/event-intent.js';
import { githubPublishers } from '../../src/github/github-publishers.js';
import { createOctokitForge } from '../../src/github/octokit-forge.js';
import { SILENT_LOG } from '../../src/github/run-log.js';
import type { DoorSettings } from '../../src/github/settings.js';
import {
  KEY,
  TOKEN,
  reviewReply,
  startActionFixture,
  type ActionFixture,
} from '../support/action-fixture.js';
import { startOpenAIStub, type OpenAIStub } from '../support/openai-stub.js';

let stub: OpenAIStub;
const fixtures: ActionFixture[] = [];

beforeAll(async () => {
  stub = await startOpenAIStub({
    reply: () => ({
      text: reviewReply(
        [
          { path: 'a.py', line: 1, severity: 'high', title: 'x changed', body: 'Keep x = 1.' },
          { path: 'README.md', line: 1, severity: 'low', title: 'no docs', body: 'Say why.' },
        ],
        'revise',
      ),
    }),
  });
});
afterAll(async () => stub.close());
afterEach(async () => {
  for (const fx of fixtures.splice(0)) await fx.close();
});

function settings(): DoorSettings {
  return {
    workflowSpec: '.aethr.yaml',
    mock: false,
    failOn: 'none',
    minimumPermission: 'write',
    allowedActors: [],
    untrustedReviews: 'off',
    botLogin: 'github-actions[bot]',
    maxBotCommits: 10,
    checkRun: 'auto',
    modelEnv: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: stub.url },
    secrets: [TOKEN, KEY],
    links: {
      serverUrl: 'https://github.com',
      repositoryUrl: `https://github.com/acme/calc`,
      runUrl: `https://github.com/acme/calc/actions/runs/4242`,
      runId: '4242',
    },
  };
}

it('runs the same handlers in a temp clone with an injected Octokit and posts what the Action posts', async () => {
  if (!existsSync('dist/index.js')) throw new Error('dist/index.js is missing: run npm run build');
  // The Action, on its own stand-in.
  const action = await startActionFixture({ stub });
  fixtures.push(action);
  expect((await action.run()).code).toBe(0);

  // Another door on an identical PR: its own Octokit, a fresh clone, the GitHub publishers.
  const door = await startActionFixture({ stub });
  fixtures.push(door);
  const octokit = getOctokit(TOKEN, { baseUrl: door.gh.url });
  const forge = createOctokitForge({ octokit, owner: 'acme', repo: 'calc' });
  const workspace = await createCloneWorkspace({
    cloneUrl: door.repo.originUrl,
    auth: { token: TOKEN, serverUrl: 'https://github.com' },
  });
  const intent = normaliseEvent({ name: 'pull_request', payload: door.prEvent() });
  const outcome = await dispatchIntent(intent, settings(), {
    forge,
    workspace,
    log: SILENT_LOG,
    publishers: (filtered) => githubPublishers(filtered.forge, filtered.log, settings()),
  });
  await workspace.dispose();
  expect(existsSync(workspace.root)).toBe(false);
  expect(outcome.kind).toBe('finished');
  expect(door.gh.violations).toEqual([]);

  const sticky = (fx: ActionFixture) =>
    fx.gh.state.issueComments
      .filter((c) => c.body.includes('aethr:summary'))
      .map((c) => c.body.replace(/issuecomment-\d+/g, 'issuecomment-N'));
  expect(sticky(door)).toHaveLength(1);
  expect(sticky(door)).toEqual(sticky(action));
  const inline = (fx: ActionFixture) =>
    fx.gh.state.reviewComments.map((c) => [c.path, c.line, c.body]);
  expect(inline(door)).toEqual(inline(action));
  const checks = (fx: ActionFixture) =>
    fx.gh.state.checkRuns.map((c) => [c.name, c.conclusion, c.annotations.length]);
  expect(checks(door)).toEqual([['aethr / review-existing-diff', 'failure', 1]]);
  expect(checks(door)).toEqual(checks(action));
});
