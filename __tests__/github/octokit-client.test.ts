/**
 * The Octokit client's retries belong to each request: one request using up its retries takes
 * nothing from the next (rate limits and server errors alike).
 */
import { afterEach, expect, it } from '@jest/globals';
import { createOctokitForge } from '../../src/github/octokit-forge.js';
import { startGitHubStandin, type GitHubStandin } from '../support/github-standin.js';

let gh: GitHubStandin | undefined;
afterEach(async () => gh?.close());

async function forgeOnStandin() {
  gh = await startGitHubStandin({
    token: 'ghs_clienttest123456',
    owner: 'acme',
    repo: 'calc',
    pulls: [
      {
        number: 7,
        head: { sha: 'a'.repeat(40), ref: 'feature' },
        base: { sha: 'b'.repeat(40), ref: 'main' },
        diff: '',
      },
    ],
  });
  const lines: string[] = [];
  const forge = createOctokitForge({
    token: 'ghs_clienttest123456',
    owner: 'acme',
    repo: 'calc',
    apiUrl: gh.url,
    retryBaseMs: 1,
    log: (m) => lines.push(m),
  });
  return { gh, forge, lines };
}

it('a rate-limited request is retried even after another one used up its retries', async () => {
  const { gh, forge, lines } = await forgeOnStandin();
  gh.failNext({ kind: 'rate-limit', count: 2, match: { operationId: 'pulls/get' } });
  gh.failNext({ kind: 'secondary-rate-limit', match: { operationId: 'issues/list-comments' } });
  await expect(forge.getPull(7)).resolves.toMatchObject({ number: 7 });
  await expect(forge.listIssueComments(7)).resolves.toEqual([]);
  expect(lines.filter((l) => /rate limit/.test(l))).toHaveLength(3);
  expect(gh.violations).toEqual([]);
});

it('server errors get the same retries on every request', async () => {
  const { gh, forge } = await forgeOnStandin();
  for (const operationId of ['pulls/get', 'issues/list-comments', 'pulls/list-review-comments'])
    gh.failNext({ status: 502, count: 2, match: { operationId } });
  await expect(forge.getPull(7)).resolves.toMatchObject({ number: 7 });
  await expect(forge.listIssueComments(7)).resolves.toEqual([]);
  await expect(forge.listReviewComments(7)).resolves.toEqual([]);
  expect(gh.requests.filter((r) => r.status === 502)).toHaveLength(6);
});
