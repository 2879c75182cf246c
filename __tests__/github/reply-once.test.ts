/**
 * A reply whose answer is lost after GitHub made it is found again and not posted twice — also
 * when the outbound filter rewrote its text on the way (a redacted secret), so the posted body is
 * not the one the caller wrote.
 */
import { afterEach, expect, it } from '@jest/globals';
import { createOctokitForge } from '../../src/github/octokit-forge.js';
import { replyOnce } from '../../src/github/reply-once.js';
import { filteredForge } from '../../src/security/filtered-forge.js';
import { startGitHubStandin, type GitHubStandin } from '../support/github-standin.js';

const TOKEN = 'ghs_replyoncetest123456';
const SECRET = 'sk-replyonce-secret-abcdef123456';
let gh: GitHubStandin | undefined;
afterEach(async () => gh?.close());

it.each([
  ['a 502 page', 502],
  ['a dropped connection', undefined],
] as const)(
  'posts one reply when its answer is lost (%s), its text filtered',
  async (_, status) => {
    gh = await startGitHubStandin({
      token: TOKEN,
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
    const forge = filteredForge(
      createOctokitForge({ token: TOKEN, owner: 'acme', repo: 'calc', apiUrl: gh.url }),
      { secrets: [SECRET], onSecret: 'redact' },
    );
    gh.failNext({
      kind: 'lost',
      status,
      match: { method: 'POST', operationId: 'issues/create-comment' },
    });
    await replyOnce(
      { forge, botLogin: 'github-actions[bot]', retryDelayMs: 1 },
      7,
      `aethr could not finish: the key ${SECRET} was refused`,
    );
    expect(gh.violations).toEqual([]);
    expect(gh.state.issueComments).toHaveLength(1);
    expect(gh.state.issueComments[0]!.body).not.toContain(SECRET);
    expect(gh.state.issueComments[0]!.body).toMatch(/<!-- aethr:reply [0-9a-f-]{36} -->$/);
  },
);
