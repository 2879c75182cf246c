import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { WebhookDefinition } from '@octokit/webhooks-examples';
import {
  issueCommentFixtureFromWebhook,
  parsePullDiff,
  pullFixtureFromWebhook,
  startGitHubStandin,
} from './github-standin.js';
import type { GitHubStandin, GitHubStandinOptions, PullFixture } from './github-standin.js';
import { CACHE_PATH, buildFromInstalledSpec } from './github-standin/openapi-cache-generate.js';

const TOKEN = 'ghs_test_token';
const OWNER = 'acme';
const REPO = 'widgets';
const BASE_SHA = 'b'.repeat(40);
const HEAD_SHA = 'a'.repeat(40);

/** src/app.ts: two hunks (new lines 1-6 and 20-24); README added; a binary; a rename; a deletion. */
const DIFF = `diff --git a/src/app.ts b/src/app.ts
index 1111111..2222222 100644
--- a/src/app.ts
+++ b/src/app.ts
@@ -1,5 +1,6 @@
 import x from 'x';
-const a = 1;
+const a = 2;
+const b = 3;
 
 export function f() {
   return a;
@@ -20,4 +21,4 @@ export function g() {
   const y = 1;
-  return y;
+  return y + 1;
 }
 
diff --git a/README.md b/README.md
new file mode 100644
index 0000000..3333333
--- /dev/null
+++ b/README.md
@@ -0,0 +1,2 @@
+# Widgets
+Hello
diff --git a/logo.png b/logo.png
new file mode 100644
index 0000000..4444444
Binary files /dev/null and b/logo.png differ
diff --git a/old/name.ts b/new/name.ts
similarity index 90%
rename from old/name.ts
rename to new/name.ts
index 5555555..6666666 100644
--- a/old/name.ts
+++ b/new/name.ts
@@ -1 +1 @@
-export const n = 1;
+export const n = 2;
diff --git a/gone.txt b/gone.txt
deleted file mode 100644
index 7777777..0000000
--- a/gone.txt
+++ /dev/null
@@ -1,2 +0,0 @@
-a
-b
`;

const PR: PullFixture = {
  number: 7,
  title: 'Improve widgets',
  body: 'Please review',
  author: 'contributor',
  head: { sha: HEAD_SHA, ref: 'feature' },
  base: { sha: BASE_SHA, ref: 'main' },
  diff: DIFF,
};

const running: GitHubStandin[] = [];

async function start(extra: Partial<GitHubStandinOptions> = {}): Promise<GitHubStandin> {
  const standin = await startGitHubStandin({
    token: TOKEN,
    owner: OWNER,
    repo: REPO,
    pulls: [PR],
    ...extra,
  });
  running.push(standin);
  return standin;
}

afterEach(async () => {
  const stopped = running.splice(0);
  await Promise.all(stopped.map((standin) => standin.close()));
  // The stand-in's own answers must always match GitHub's response schemas.
  for (const standin of stopped) expect(standin.responseViolations).toEqual([]);
});

/** Parsed JSON of a response; tests read deep fields, so it is deliberately untyped. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

interface CallOptions {
  body?: unknown;
  token?: string | null;
  accept?: string;
  scheme?: string;
}

async function call(
  standin: GitHubStandin,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<{ status: number; headers: Headers; json: Json; text: string }> {
  const headers: Record<string, string> = {
    'user-agent': 'standin-test',
    accept: options.accept ?? 'application/vnd.github+json',
  };
  if (options.token !== null)
    headers.authorization = `${options.scheme ?? 'token'} ${options.token ?? TOKEN}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path.startsWith('http') ? path : standin.url + path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  let json: Json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

const repoPath = `/repos/${OWNER}/${REPO}`;

describe('OpenAPI description', () => {
  it('the committed cache matches a fresh build from @octokit/openapi', () => {
    const started = performance.now();
    const fresh = buildFromInstalledSpec();
    const buildMs = Math.round(performance.now() - started);
    const committed = JSON.parse(readFileSync(CACHE_PATH, 'utf8'));
    // If this fails: node __tests__/support/github-standin/openapi-cache-generate.ts
    expect(committed).toEqual(JSON.parse(JSON.stringify(fresh)));
    expect(buildMs).toBeGreaterThan(0);
  });

  it('loads from the compact cache quickly', async () => {
    const standin = await start();
    expect(standin.openapi.source).toBe('cache');
    expect(standin.openapi.cacheBytes).toBeLessThan(400_000);
    expect(standin.openapi.loadMs).toBeLessThan(500);
  });
});

describe('diff parsing', () => {
  it('splits plain unified diffs, ignores hunk lines that look like headers, and skips "no newline" markers', () => {
    const plain = [
      '--- a/x.md',
      '+++ b/x.md',
      '@@ -1,2 +1,3 @@',
      ' keep',
      '--- not a header, a removed line',
      '+++ not a header, an added line',
      '+diff --git a/y b/y',
      '\\ No newline at end of file',
      '--- a/z.md',
      '+++ b/z.md',
      '@@ -1 +1 @@',
      '-a',
      '+b',
      '',
    ].join('\n');
    const files = parsePullDiff(plain);
    expect(files.map((f) => [f.filename, f.additions, f.deletions])).toEqual([
      ['x.md', 2, 1],
      ['z.md', 1, 1],
    ]);
    const x = files[0]!;
    expect([...x.hunks[0]!.right]).toEqual([1, 2, 3]);
    expect([...x.hunks[0]!.left]).toEqual([1, 2]);
    expect(x.positions.filter(Boolean)).toHaveLength(4);
  });
});

describe('authentication and unknown routes', () => {
  it('answers 401 Bad credentials for a wrong token and records it', async () => {
    const standin = await start();
    const bad = await call(standin, 'GET', repoPath, { token: 'nope' });
    expect(bad.status).toBe(401);
    expect(bad.json.message).toBe('Bad credentials');
    const none = await call(standin, 'GET', repoPath, { token: null });
    expect(none.status).toBe(401);
    const bearer = await call(standin, 'GET', repoPath, { scheme: 'Bearer' });
    expect(bearer.status).toBe(200);
    expect(standin.violations).toHaveLength(2);
  });

  it('records an unknown route and an unimplemented GitHub operation as violations', async () => {
    const standin = await start();
    const unknown = await call(standin, 'GET', `${repoPath}/no-such-thing`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('x-github-request-id')).toMatch(/^[0-9A-F:]+$/);
    const unimplemented = await call(standin, 'GET', `${repoPath}/releases`);
    expect(unimplemented.status).toBe(404);
    const wrongType = await call(standin, 'GET', `${repoPath}/pulls/abc`);
    expect(wrongType.status).toBe(404);
    expect(standin.violations).toEqual([
      expect.stringContaining('no such operation'),
      expect.stringContaining('repos/list-releases'),
      expect.stringContaining("path parameter 'pull_number'"),
    ]);
  });

  it('sends GitHub headers on every response', async () => {
    const standin = await start({ rateLimit: { limit: 1000 } });
    const res = await call(standin, 'GET', repoPath);
    expect(res.headers.get('x-ratelimit-limit')).toBe('1000');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('999');
    expect(res.headers.get('x-ratelimit-used')).toBe('1');
    expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect(res.headers.get('x-github-api-version-selected')).toBe('2022-11-28');
    expect(res.json).toMatchObject({
      full_name: `${OWNER}/${REPO}`,
      default_branch: 'main',
      fork: false,
    });
    expect(res.json.permissions).toMatchObject({ push: true, admin: false });
  });
});

describe('issue comments and reactions', () => {
  it('creates, updates, gets and lists comments with GitHub pagination', async () => {
    const standin = await start();
    for (let i = 1; i <= 35; i++) {
      const res = await call(standin, 'POST', `${repoPath}/issues/7/comments`, {
        body: { body: `comment ${i}` },
      });
      expect(res.status).toBe(201);
      expect(res.headers.get('location')).toBe(res.json.url);
      expect(res.json.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot' });
    }
    const first = await call(standin, 'GET', `${repoPath}/issues/7/comments?per_page=10`);
    expect(first.json.map((c: { body: string }) => c.body)).toEqual(
      Array.from({ length: 10 }, (_, i) => `comment ${i + 1}`),
    );
    const repoId = standin.state.repo(`${OWNER}/${REPO}`)?.id;
    const base = `${standin.url}/repositories/${repoId}/issues/7/comments?per_page=10`;
    expect(first.headers.get('link')).toBe(
      `<${base}&page=2>; rel="next", <${base}&page=4>; rel="last"`,
    );
    const second = await call(standin, 'GET', `${base}&page=2`);
    expect(second.headers.get('link')).toBe(
      `<${base}&page=1>; rel="prev", <${base}&page=3>; rel="next", <${base}&page=4>; rel="last", <${base}&page=1>; rel="first"`,
    );
    const last = await call(standin, 'GET', `${base}&page=4`);
    expect(last.json).toHaveLength(5);
    expect(last.headers.get('link')).toBe(
      `<${base}&page=3>; rel="prev", <${base}&page=1>; rel="first"`,
    );

    const id = first.json[0].id as number;
    const updated = await call(standin, 'PATCH', `${repoPath}/issues/comments/${id}`, {
      body: { body: 'edited' },
    });
    expect(updated.status).toBe(200);
    const got = await call(standin, 'GET', `${repoPath}/issues/comments/${id}`);
    expect(got.json.body).toBe('edited');
    expect(got.json.html_url).toBe(`https://github.com/${OWNER}/${REPO}/pull/7#issuecomment-${id}`);
    expect(standin.state.issueComments).toHaveLength(35);
    expect(standin.violations).toEqual([]);
  });

  it('paginates with Octokit, and keeps fixture comment ids', async () => {
    const standin = await start({
      issueComments: [{ id: 4242, issue_number: 7, body: '/aethr review', author: 'maintainer' }],
    });
    const octokit = new (Octokit.plugin(paginateRest))({ auth: TOKEN, baseUrl: standin.url });
    for (let i = 0; i < 4; i++) {
      await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: OWNER,
        repo: REPO,
        issue_number: 7,
        body: `n${i}`,
      });
    }
    const all = await octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: OWNER,
      repo: REPO,
      issue_number: 7,
      per_page: 2,
    });
    expect(all.map((c) => c.body)).toEqual(['/aethr review', 'n0', 'n1', 'n2', 'n3']);
    expect(all[0]?.id).toBe(4242);
    expect(all[1]?.id).toBeGreaterThan(4242);
    expect(standin.violations).toEqual([]);
  });

  it('adds and lists reactions; a repeated reaction answers 200', async () => {
    const standin = await start({
      issueComments: [{ id: 99, issue_number: 7, body: '/aethr review', author: 'maintainer' }],
    });
    const url = `${repoPath}/issues/comments/99/reactions`;
    expect((await call(standin, 'POST', url, { body: { content: 'eyes' } })).status).toBe(201);
    expect((await call(standin, 'POST', url, { body: { content: 'eyes' } })).status).toBe(200);
    expect((await call(standin, 'POST', url, { body: { content: '+1' } })).status).toBe(201);
    const list = await call(standin, 'GET', url);
    expect(list.json.map((r: { content: string }) => r.content)).toEqual(['eyes', '+1']);
    const eyes = await call(standin, 'GET', `${url}?content=eyes`);
    expect(eyes.json).toHaveLength(1);
    const comment = await call(standin, 'GET', `${repoPath}/issues/comments/99`);
    expect(comment.json.reactions).toMatchObject({ total_count: 2, eyes: 1, '+1': 1 });
    expect(standin.violations).toEqual([]);

    const bad = await call(standin, 'POST', url, { body: { content: 'thumbs' } });
    expect(bad.status).toBe(422);
    expect(standin.violations).toEqual([
      expect.stringContaining('must be equal to one of the allowed values'),
    ]);
  });

  it('rejects a comment body over 65536 characters', async () => {
    const standin = await start();
    const res = await call(standin, 'POST', `${repoPath}/issues/7/comments`, {
      body: { body: 'x'.repeat(65537) },
    });
    expect(res.status).toBe(422);
    expect(res.json.errors[0].message).toBe('Body is too long (maximum is 65536 characters)');
    const ok = await call(standin, 'POST', `${repoPath}/issues/7/comments`, {
      body: { body: '😀'.repeat(65536) },
    });
    expect(ok.status).toBe(201);
  });

  it('gets issues and removes labels', async () => {
    const standin = await start({
      pulls: [{ ...PR, labels: ['aethr:implement', 'bug'] }],
      issues: [{ number: 8, title: 'Add docs', labels: ['aethr:implement'] }],
    });
    const issue = await call(standin, 'GET', `${repoPath}/issues/8`);
    expect(issue.json).toMatchObject({ number: 8, title: 'Add docs', state: 'open' });
    expect(issue.json.pull_request).toBeUndefined();
    const prIssue = await call(standin, 'GET', `${repoPath}/issues/7`);
    expect(prIssue.json.pull_request.url).toBe(`${standin.url}${repoPath}/pulls/7`);
    const removed = await call(
      standin,
      'DELETE',
      `${repoPath}/issues/7/labels/${encodeURIComponent('aethr:implement')}`,
    );
    expect(removed.status).toBe(200);
    expect(removed.json.map((l: { name: string }) => l.name)).toEqual(['bug']);
    const again = await call(
      standin,
      'DELETE',
      `${repoPath}/issues/7/labels/${encodeURIComponent('aethr:implement')}`,
    );
    expect(again.status).toBe(404);
    expect(standin.state.removedLabels).toEqual([{ issue_number: 7, name: 'aethr:implement' }]);
    expect(standin.violations).toEqual([]);
  });
});

describe('pull requests', () => {
  it('serves the PR with head/base, fork information and the diff', async () => {
    const standin = await start({
      pulls: [
        {
          ...PR,
          head: { ...PR.head, repo: 'forker/widgets' },
          maintainer_can_modify: true,
          draft: true,
        },
      ],
    });
    const pr = await call(standin, 'GET', `${repoPath}/pulls/7`);
    expect(pr.json).toMatchObject({
      number: 7,
      title: 'Improve widgets',
      body: 'Please review',
      draft: true,
      maintainer_can_modify: true,
      user: { login: 'contributor', type: 'User' },
      head: {
        sha: HEAD_SHA,
        ref: 'feature',
        label: 'forker:feature',
        repo: { full_name: 'forker/widgets', fork: true },
      },
      base: { sha: BASE_SHA, ref: 'main', repo: { full_name: `${OWNER}/${REPO}` } },
      changed_files: 5,
      additions: 6,
      deletions: 5,
    });
    expect(pr.json.head.repo.clone_url).toBe('https://github.com/forker/widgets.git');
    const fork = await call(standin, 'GET', '/repos/forker/widgets');
    expect(fork.json).toMatchObject({ fork: true, parent: { full_name: `${OWNER}/${REPO}` } });

    const diff = await call(standin, 'GET', `${repoPath}/pulls/7`, {
      accept: 'application/vnd.github.diff',
    });
    expect(diff.text).toBe(DIFF);
    expect(diff.headers.get('content-type')).toContain('application/vnd.github.diff');
    expect(standin.violations).toEqual([]);
  });

  it('lists files like GitHub: statuses, renames, binary files without patch', async () => {
    const standin = await start({ pulls: [{ ...PR, omitPatchFor: ['gone.txt'] }] });
    const res = await call(standin, 'GET', `${repoPath}/pulls/7/files`);
    const byName = Object.fromEntries(res.json.map((f: { filename: string }) => [f.filename, f]));
    expect(Object.keys(byName)).toEqual([
      'src/app.ts',
      'README.md',
      'logo.png',
      'new/name.ts',
      'gone.txt',
    ]);
    expect(byName['src/app.ts']).toMatchObject({
      status: 'modified',
      additions: 3,
      deletions: 2,
      changes: 5,
    });
    expect(byName['src/app.ts'].patch).toBe(DIFF.split('\n').slice(4, 18).join('\n'));
    expect(byName['README.md']).toMatchObject({
      status: 'added',
      patch: '@@ -0,0 +1,2 @@\n+# Widgets\n+Hello',
    });
    expect(byName['logo.png']).toMatchObject({ status: 'added', changes: 0 });
    expect(byName['logo.png'].patch).toBeUndefined();
    expect(byName['new/name.ts']).toMatchObject({
      status: 'renamed',
      previous_filename: 'old/name.ts',
    });
    expect(byName['gone.txt']).toMatchObject({ status: 'removed', deletions: 2 });
    expect(byName['gone.txt'].patch).toBeUndefined();
  });

  it('paginates a large PR up to 100 per page and answers 406 for its diff', async () => {
    const big = Array.from(
      { length: 320 },
      (_, i) =>
        `diff --git a/f${i}.txt b/f${i}.txt\n--- a/f${i}.txt\n+++ b/f${i}.txt\n@@ -1 +1 @@\n-old\n+new ${i}\n`,
    ).join('');
    const standin = await start({ pulls: [{ ...PR, diff: big }] });
    const octokit = new (Octokit.plugin(paginateRest))({ auth: TOKEN, baseUrl: standin.url });
    const files = await octokit.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
      owner: OWNER,
      repo: REPO,
      pull_number: 7,
      per_page: 100,
    });
    expect(files).toHaveLength(320);
    expect(files[319]).toMatchObject({
      filename: 'f319.txt',
      patch: '@@ -1 +1 @@\n-old\n+new 319',
    });
    expect(standin.calls('pulls/list-files')).toHaveLength(4);
    const clamp = await call(standin, 'GET', `${repoPath}/pulls/7/files?per_page=500`);
    expect(clamp.json).toHaveLength(100);
    const diff = await call(standin, 'GET', `${repoPath}/pulls/7`, {
      accept: 'application/vnd.github.v3.diff',
    });
    expect(diff.status).toBe(406);
    expect(diff.json.errors).toEqual([
      { resource: 'PullRequest', field: 'diff', code: 'too_large' },
    ]);
    expect(standin.violations).toEqual([]);
  });

  it('lists PRs with head/base/state filters, updates them, and creates them only when allowed', async () => {
    const forbidden = await start();
    const denied = await call(forbidden, 'POST', `${repoPath}/pulls`, {
      body: { title: 'Docs', head: 'aethr/docs-sync', base: 'main' },
    });
    expect(denied.status).toBe(403);
    expect(denied.json.message).toBe(
      'GitHub Actions is not permitted to create or approve pull requests.',
    );

    const standin = await start({
      allowActionsToCreatePRs: true,
      branches: { 'aethr/docs-sync': 'c'.repeat(40) },
    });
    const created = await call(standin, 'POST', `${repoPath}/pulls`, {
      body: { title: 'Docs', head: 'aethr/docs-sync', base: 'main', body: 'sync' },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      number: 8,
      head: { ref: 'aethr/docs-sync', sha: 'c'.repeat(40) },
    });
    const duplicate = await call(standin, 'POST', `${repoPath}/pulls`, {
      body: { title: 'Docs', head: `${OWNER}:aethr/docs-sync`, base: 'main' },
    });
    expect(duplicate.status).toBe(422);
    expect(duplicate.json.errors[0].message).toBe(
      `A pull request already exists for ${OWNER}:aethr/docs-sync.`,
    );
    const missing = await call(standin, 'POST', `${repoPath}/pulls`, {
      body: { title: 'x', head: 'nope', base: 'main' },
    });
    expect(missing.status).toBe(422);

    const filtered = await call(
      standin,
      'GET',
      `${repoPath}/pulls?head=${OWNER}:aethr/docs-sync&state=open`,
    );
    expect(filtered.json.map((p: { number: number }) => p.number)).toEqual([8]);
    const all = await call(standin, 'GET', `${repoPath}/pulls?base=main`);
    expect(all.json.map((p: { number: number }) => p.number)).toEqual([8, 7]);
    const patched = await call(standin, 'PATCH', `${repoPath}/pulls/8`, {
      body: { body: 'updated', state: 'closed' },
    });
    expect(patched.json).toMatchObject({ body: 'updated', state: 'closed' });
    const open = await call(standin, 'GET', `${repoPath}/pulls`);
    expect(open.json.map((p: { number: number }) => p.number)).toEqual([7]);
    const badState = await call(standin, 'GET', `${repoPath}/pulls?state=merged`);
    expect(badState.status).toBe(422);
    expect(standin.violations).toEqual([expect.stringContaining("query parameter 'state'")]);
  });

  it('takes branches from a bare origin repository: refs, and PRs with their git diff', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'standin-git-'));
    try {
      const git = (cwd: string, ...args: string[]) =>
        execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
          cwd,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        }).trim();
      const origin = join(dir, 'origin.git');
      const work = join(dir, 'work');
      git(dir, 'init', '--bare', '-b', 'main', origin);
      git(dir, 'init', '-b', 'main', work);
      writeFileSync(join(work, 'a.txt'), 'one\n');
      git(work, 'add', '.');
      git(work, 'commit', '-m', 'init');
      git(work, 'checkout', '-b', 'aethr/issue-8');
      writeFileSync(join(work, 'a.txt'), 'one\ntwo\n');
      git(work, 'commit', '-am', 'two');
      git(work, 'push', origin, 'main', 'aethr/issue-8');
      const head = git(work, 'rev-parse', 'HEAD');

      const standin = await start({ gitDir: origin, allowActionsToCreatePRs: true, pulls: [] });
      const ref = await call(standin, 'GET', `${repoPath}/git/ref/heads/aethr/issue-8`);
      expect(ref.json.object.sha).toBe(head);
      const created = await call(standin, 'POST', `${repoPath}/pulls`, {
        body: { title: 'Fix #8', head: 'aethr/issue-8', base: 'main', body: 'Closes #8' },
      });
      expect(created.status).toBe(201);
      expect(created.json).toMatchObject({
        number: 1,
        head: { sha: head },
        changed_files: 1,
        additions: 1,
      });
      const files = await call(standin, 'GET', `${repoPath}/pulls/1/files`);
      expect(files.json[0]).toMatchObject({
        filename: 'a.txt',
        status: 'modified',
        patch: '@@ -1 +1,2 @@\n one\n+two',
      });
      expect(standin.violations).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('follows a push made with updatePull, keeping the earlier head reviewable', async () => {
    const standin = await start();
    standin.updatePull(7, {
      head: { sha: 'd'.repeat(40) },
      diff: DIFF.replace('const b = 3;', 'const b = 4;'),
    });
    const pr = await call(standin, 'GET', `${repoPath}/pulls/7`);
    expect(pr.json.head.sha).toBe('d'.repeat(40));
    const old = await call(standin, 'POST', `${repoPath}/pulls/7/reviews`, {
      body: {
        commit_id: HEAD_SHA,
        event: 'COMMENT',
        comments: [{ path: 'src/app.ts', line: 3, body: 'b' }],
      },
    });
    expect(old.status).toBe(200);
    expect(old.json.commit_id).toBe(HEAD_SHA);
  });
});

describe('reviews', () => {
  it('accepts a review with valid single- and multi-line comments and lists them', async () => {
    const standin = await start();
    const res = await call(standin, 'POST', `${repoPath}/pulls/7/reviews`, {
      body: {
        event: 'COMMENT',
        body: 'Summary',
        commit_id: HEAD_SHA,
        comments: [
          { path: 'src/app.ts', line: 3, side: 'RIGHT', body: 'Why 3?' },
          {
            path: 'src/app.ts',
            start_line: 1,
            start_side: 'RIGHT',
            line: 3,
            side: 'RIGHT',
            body: '```suggestion\nx\n```',
          },
          { path: 'src/app.ts', line: 2, side: 'LEFT', body: 'old line' },
          { path: 'README.md', position: 2, body: 'by position' },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ state: 'COMMENTED', body: 'Summary', commit_id: HEAD_SHA });
    const comments = await call(standin, 'GET', `${repoPath}/pulls/7/comments`);
    expect(comments.json).toHaveLength(4);
    expect(comments.json[0]).toMatchObject({
      path: 'src/app.ts',
      line: 3,
      side: 'RIGHT',
      start_line: null,
      pull_request_review_id: res.json.id,
      diff_hunk:
        "@@ -1,5 +1,6 @@\n import x from 'x';\n-const a = 1;\n+const a = 2;\n+const b = 3;",
      position: 4,
    });
    expect(comments.json[1]).toMatchObject({ start_line: 1, line: 3, start_side: 'RIGHT' });
    expect(comments.json[3]).toMatchObject({ path: 'README.md', line: 2, side: 'RIGHT' });
    const reviews = await call(standin, 'GET', `${repoPath}/pulls/7/reviews`);
    expect(reviews.json).toHaveLength(1);
    expect(standin.violations).toEqual([]);
  });

  it('rejects a comment on a line outside the diff with 422 like GitHub', async () => {
    const standin = await start();
    const res = await call(standin, 'POST', `${repoPath}/pulls/7/reviews`, {
      body: {
        event: 'COMMENT',
        body: 'x',
        comments: [{ path: 'src/app.ts', line: 12, side: 'RIGHT', body: 'no' }],
      },
    });
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({
      message: 'Unprocessable Entity',
      errors: [
        "Pull request review thread line must be part of the diff and Pull request review thread diff hunk can't be blank",
      ],
      status: '422',
    });
    expect(standin.state.reviews).toHaveLength(0);
    expect(standin.state.rejectedReviews).toHaveLength(1);
    expect(standin.violations).toEqual([expect.stringContaining('line must be part of the diff')]);

    const deleted = await call(standin, 'POST', `${repoPath}/pulls/7/reviews`, {
      body: {
        event: 'COMMENT',
        comments: [
          { path: 'src/app.ts', line: 2, side: 'RIGHT', body: 'deleted line is LEFT only' },
        ],
      },
    });
    expect(deleted.status).toBe(200); // new line 2 exists on the RIGHT (const a = 2)
    const leftOnly = await call(standin, 'POST', `${repoPath}/pulls/7/reviews`, {
      body: { event: 'COMMENT', comments: [{ path: 'gone.txt', line: 1, body: 'removed file' }] },
    });
    expect(leftOnly.status).toBe(422);
    const unknownPath = await call(standin, 'POST', `${repoPath}/pulls/7/reviews`, {
      body: { event: 'COMMENT', comments: [{ path: 'nope.ts', line: 1, body: 'x' }] },
    });
    expect(unknownPath.json.errors).toEqual([
      "Pull request review thread path is invalid and Pull request review thread diff hunk can't be blank",
    ]);
    const binary = await call(standin, 'POST', `${repoPath}/pulls/7/reviews`, {
      body: { event: 'COMMENT', comments: [{ path: 'logo.png', line: 1, body: 'x' }] },
    });
    expect(binary.status).toBe(422);
  });

  it('rejects a multi-line comment spanning two hunks, or a reversed range', async () => {
    const standin = await start();
    const spans = await call(standin, 'POST', `${repoPath}/pulls/7/reviews`, {
      body: {
        event: 'COMMENT',
        comments: [{ path: 'src/app.ts', start_line: 3, line: 22, body: 'too wide' }],
      },
    });
    expect(spans.status).toBe(422);
    expect(spans.json.errors).toEqual([
      'Pull request review thread start line must be part of the same hunk as the line.',
    ]);
    const reversed = await call(standin, 'POST', `${repoPath}/pulls/7/reviews`, {
      body: {
        event: 'COMMENT',
        comments: [{ path: 'src/app.ts', start_line: 3, line: 3, body: 'same' }],
      },
    });
    expect(reversed.json.errors).toEqual([
      'Pull request review thread start line must precede the end line.',
    ]);
    const single = await call(standin, 'POST', `${repoPath}/pulls/7/comments`, {
      body: {
        commit_id: HEAD_SHA,
        path: 'src/app.ts',
        start_line: 3,
        line: 22,
        side: 'RIGHT',
        body: 'x',
      },
    });
    expect(single.status).toBe(422);
    expect(single.json).toMatchObject({
      message: 'Validation Failed',
      errors: [
        {
          resource: 'PullRequestReviewComment',
          code: 'custom',
          field: 'pull_request_review_thread.start_line',
          message:
            'pull_request_review_thread.start_line must be part of the same hunk as the line.',
        },
      ],
    });
    expect(standin.violations).toHaveLength(3);
  });

  it('records a request body that breaks the schema (event FOO)', async () => {
    const standin = await start();
    const res = await call(standin, 'POST', `${repoPath}/pulls/7/reviews`, {
      body: { event: 'FOO', body: 'x' },
    });
    expect(res.status).toBe(422);
    expect(res.json.message).toContain('Invalid request');
    expect(standin.violations).toEqual([
      expect.stringMatching(
        /pulls\/create-review: body\/event must be equal to one of the allowed values/,
      ),
    ]);
    const missing = await call(standin, 'POST', `${repoPath}/issues/7/comments`, {
      body: { text: 'x' },
    });
    expect(missing.status).toBe(422);
    expect(standin.violations[1]).toContain("must have required property 'body'");
  });

  it('refuses an approval from the Actions token unless the repository allows it', async () => {
    const standin = await start();
    const res = await call(standin, 'POST', `${repoPath}/pulls/7/reviews`, {
      body: { event: 'APPROVE' },
    });
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual(['GitHub Actions is not permitted to approve pull requests.']);
  });
});

describe('repository', () => {
  it('answers collaborator permissions from the map, with 404 and 500 options', async () => {
    const standin = await start({
      permissions: { writer: 'write', reader: 'read', maint: 'maintain', ghost: 404, flaky: 500 },
    });
    const perm = async (login: string) =>
      call(standin, 'GET', `${repoPath}/collaborators/${login}/permission`);
    expect((await perm('writer')).json).toMatchObject({
      permission: 'write',
      role_name: 'write',
      user: { login: 'writer' },
    });
    expect((await perm('maint')).json).toMatchObject({
      permission: 'write',
      role_name: 'maintain',
    });
    expect((await perm('reader')).json.permission).toBe('read');
    expect((await perm('stranger')).json.permission).toBe('read');
    expect((await perm(OWNER)).json.permission).toBe('admin');
    expect((await perm('ghost')).status).toBe(404);
    expect((await perm('flaky')).status).toBe(500);
    standin.setPermission('reader', 'admin');
    expect((await perm('reader')).json.permission).toBe('admin');
    expect(standin.violations).toEqual([]);
  });

  it('serves contents by branch name or SHA, base64 or raw, and directories', async () => {
    const standin = await start({
      contents: { main: { '.aethr.yaml': 'workflow: review\n', 'docs/a.md': '# A' } },
    });
    const byBranch = await call(standin, 'GET', `${repoPath}/contents/.aethr.yaml?ref=main`);
    expect(byBranch.json).toMatchObject({
      type: 'file',
      encoding: 'base64',
      path: '.aethr.yaml',
      name: '.aethr.yaml',
    });
    expect(Buffer.from(byBranch.json.content, 'base64').toString()).toBe('workflow: review\n');
    const bySha = await call(standin, 'GET', `${repoPath}/contents/.aethr.yaml?ref=${BASE_SHA}`);
    expect(bySha.status).toBe(200);
    const byDefault = await call(standin, 'GET', `${repoPath}/contents/docs/a.md`);
    expect(byDefault.json.path).toBe('docs/a.md');
    const raw = await call(standin, 'GET', `${repoPath}/contents/docs/a.md`, {
      accept: 'application/vnd.github.raw',
    });
    expect(raw.text).toBe('# A');
    const dir = await call(standin, 'GET', `${repoPath}/contents/docs`);
    expect(dir.json.map((e: { path: string }) => e.path)).toEqual(['docs/a.md']);
    const missing = await call(standin, 'GET', `${repoPath}/contents/.aethr.yaml?ref=feature`);
    expect(missing.status).toBe(404);
    expect(standin.violations).toEqual([]);
  });

  it('works with Octokit path encoding and under a GHES-style /api/v3 prefix', async () => {
    const standin = await start({ contents: { main: { 'docs/guide/a b.md': 'text' } } });
    const octokit = new Octokit({ auth: TOKEN, baseUrl: `${standin.url}/api/v3` });
    const file = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
      owner: OWNER,
      repo: REPO,
      path: 'docs/guide/a b.md',
      ref: 'main',
    });
    expect(file.data).toMatchObject({ path: 'docs/guide/a b.md', type: 'file' });
    const comment = await octokit.request(
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      {
        owner: OWNER,
        repo: REPO,
        issue_number: 7,
        body: 'hi',
      },
    );
    expect(comment.data.url).toBe(
      `${standin.url}/api/v3${repoPath}/issues/comments/${comment.data.id}`,
    );
    expect(standin.violations).toEqual([]);
  });

  it('creates and updates check runs and resolves branch refs', async () => {
    const standin = await start();
    const created = await call(standin, 'POST', `${repoPath}/check-runs`, {
      body: { name: 'aethr', head_sha: HEAD_SHA, status: 'in_progress' },
    });
    expect(created.status).toBe(201);
    const done = await call(standin, 'PATCH', `${repoPath}/check-runs/${created.json.id}`, {
      body: { conclusion: 'success', output: { title: 'ok', summary: 'all good' } },
    });
    expect(done.json).toMatchObject({
      status: 'completed',
      conclusion: 'success',
      output: { summary: 'all good' },
    });
    expect(done.json.pull_requests[0].number).toBe(7);
    const ref = await call(standin, 'GET', `${repoPath}/git/ref/heads/feature`);
    expect(ref.json).toMatchObject({
      ref: 'refs/heads/feature',
      object: { sha: HEAD_SHA, type: 'commit' },
    });
    expect((await call(standin, 'GET', `${repoPath}/git/ref/heads/nope`)).status).toBe(404);
    expect(standin.violations).toEqual([]);
  });
});

describe('webhook payloads', () => {
  it('builds fixtures from @octokit/webhooks-examples so payload ids resolve', async () => {
    const examples = createRequire(import.meta.url)(
      '@octokit/webhooks-examples',
    ) as WebhookDefinition[];
    const example = <T>(name: string, action: string): T =>
      examples
        .find((d) => d.name === name)
        ?.examples.find((e) => (e as { action?: string }).action === action) as T;
    const opened = example<{
      pull_request: Parameters<typeof pullFixtureFromWebhook>[0];
      repository: { id: number; name: string; owner: { login: string } };
    }>('pull_request', 'opened');
    const created = example<Parameters<typeof issueCommentFixtureFromWebhook>[0]>(
      'issue_comment',
      'created',
    );
    const { repository } = opened;
    const standin = await startGitHubStandin({
      token: TOKEN,
      owner: repository.owner.login,
      repo: repository.name,
      repoId: repository.id,
      pulls: [pullFixtureFromWebhook(opened.pull_request, DIFF)],
      issues: [{ number: created.issue.number, title: 'An issue' }],
      issueComments: [issueCommentFixtureFromWebhook(created)],
    });
    running.push(standin);
    const path = `/repos/${repository.owner.login}/${repository.name}`;
    const pr = await call(standin, 'GET', `${path}/pulls/${opened.pull_request.number}`);
    expect(pr.json.head.sha).toBe(opened.pull_request.head.sha);
    expect(pr.json.base.repo.id).toBe(repository.id);
    const reaction = await call(
      standin,
      'POST',
      `${path}/issues/comments/${created.comment.id}/reactions`,
      {
        body: { content: 'eyes' },
      },
    );
    expect(reaction.status).toBe(201);
    expect(standin.violations).toEqual([]);
  });
});

describe('rate limits and failures', () => {
  it('answers 403 with x-ratelimit-remaining 0, then recovers', async () => {
    const standin = await start();
    standin.failNext({ kind: 'rate-limit', count: 2, resetIn: 5 });
    const limited = await call(standin, 'GET', `${repoPath}/pulls/7`);
    expect(limited.status).toBe(403);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(limited.headers.get('x-ratelimit-reset'))).toBeGreaterThanOrEqual(
      Math.floor(Date.now() / 1000) + 4,
    );
    expect(limited.json.message).toMatch(/API rate limit exceeded/);
    expect((await call(standin, 'GET', `${repoPath}/pulls/7`)).status).toBe(403);
    expect((await call(standin, 'GET', `${repoPath}/pulls/7`)).status).toBe(200);
  });

  it("lets Octokit's throttling and retry plugins recover from 403, 429 and 500", async () => {
    const standin = await start();
    const seen: string[] = [];
    const MyOctokit = Octokit.plugin(throttling, retry);
    const octokit = new MyOctokit({
      auth: TOKEN,
      baseUrl: standin.url,
      throttle: {
        retryAfterBaseValue: 10, // milliseconds per announced second, to keep the test fast
        onRateLimit: (after: number) => {
          seen.push(`primary ${after}`);
          return true;
        },
        onSecondaryRateLimit: (after: number) => {
          seen.push(`secondary ${after}`);
          return true;
        },
      },
      retry: { retryAfterBaseValue: 10 },
    });
    const get = () =>
      octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
        owner: OWNER,
        repo: REPO,
        pull_number: 7,
      });
    standin.failNext({ kind: 'rate-limit', resetIn: 1 });
    expect((await get()).data.number).toBe(7);
    standin.failNext({
      kind: 'secondary-rate-limit',
      status: 429,
      retryAfter: 3,
      match: { operationId: 'pulls/get' },
    });
    expect((await get()).data.number).toBe(7);
    standin.failNext({ kind: 'status', status: 502 });
    expect((await get()).data.number).toBe(7);
    expect(seen).toEqual([expect.stringMatching(/^primary [12]$/), 'secondary 3']);
    expect(standin.calls('pulls/get').map((r) => r.status)).toEqual([403, 200, 429, 200, 502, 200]);
    expect(standin.violations).toEqual([]);
  });
});
