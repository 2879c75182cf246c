/**
 * Ticking a box against the GitHub stand-in, with someone else editing the issue at the worst
 * moments: their text and our tick both survive.
 */
import { afterEach, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import { createOctokitForge } from '../../src/github/octokit-forge.js';
import { tickIssueTask } from '../../src/github/tick-issue-task.js';
import { startGitHubStandin, type GitHubStandin } from '../support/github-standin.js';

const TOKEN = 'ghs_ticktoken12345';
let gh: GitHubStandin;
afterEach(async () => gh?.close());

async function setup(body: string) {
  gh = await startGitHubStandin({
    token: TOKEN,
    owner: 'acme',
    repo: 'calc',
    issues: [{ number: 3, title: 'Tasks', body }],
  });
  const forge = createOctokitForge({
    octokit: getOctokit(TOKEN, { baseUrl: gh.url }),
    owner: 'acme',
    repo: 'calc',
  });
  return forge;
}
const body = () => gh.state.issues.get(3)!.body;

it('ticks the box in the body as it is now, keeping an edit made since the run read it', async () => {
  const forge = await setup('- [ ] one\n- [ ] two\n');
  // Someone adds a line just before aethr reads the body for the tick.
  gh.failNext({
    kind: 'edit',
    match: { operationId: 'issues/get' },
    edit: (state) => (state.issues.get(3)!.body = '- [ ] one\n- [ ] two\n\nAlso: mind the docs.\n'),
  });
  expect(await tickIssueTask(forge, 3, { text: 'two', occurrence: 0 })).toEqual({
    ok: true,
    status: 'ticked',
  });
  expect(body()).toBe('- [ ] one\n- [x] two\n\nAlso: mind the docs.\n');
  expect(gh.violations).toEqual([]);
});

it('starts again when a stale editor saves over the tick, so both changes survive', async () => {
  const forge = await setup('- [ ] one\n- [ ] two\n');
  // Right after aethr's write, someone saves the body they opened before it (no tick, new text).
  gh.failNext({
    kind: 'edit',
    after: true,
    match: { operationId: 'issues/update' },
    edit: (state) => (state.issues.get(3)!.body = '- [ ] one\n- [ ] two\n- [ ] three\n'),
  });
  expect(await tickIssueTask(forge, 3, { text: 'two', occurrence: 0 })).toEqual({
    ok: true,
    status: 'ticked',
  });
  expect(body()).toBe('- [ ] one\n- [x] two\n- [ ] three\n');
  expect(gh.calls('issues/update')).toHaveLength(2);
});

it('reports a task that was edited away, and a box someone already ticked', async () => {
  const forge = await setup('- [ ] renamed\n- [x] done\n');
  expect(await tickIssueTask(forge, 3, { text: 'two', occurrence: 0 })).toMatchObject({
    ok: false,
    reason: 'missing',
  });
  expect(await tickIssueTask(forge, 3, { text: 'done', occurrence: 0 })).toEqual({
    ok: true,
    status: 'already',
  });
  expect(gh.calls('issues/update')).toHaveLength(0);
});

it('gives up, saying so, on a body that keeps changing under every write', async () => {
  const forge = await setup('- [ ] two\n');
  gh.failNext({
    kind: 'edit',
    after: true,
    count: 10,
    match: { operationId: 'issues/update' },
    edit: (state) => (state.issues.get(3)!.body = '- [ ] two\n'),
  });
  expect(await tickIssueTask(forge, 3, { text: 'two', occurrence: 0 })).toMatchObject({
    ok: false,
    reason: 'conflict',
    message: expect.stringMatching(/kept changing/),
  });
});
