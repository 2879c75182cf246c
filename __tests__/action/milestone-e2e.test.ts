/**
 * Task-list issues as milestones, end to end: the bundled action, a real bare `origin`, the
 * GitHub REST stand-in and a scripted model. The label on an issue with a task list works through
 * the unticked tasks — one commit per task, one pull request, one ticked box per landed commit —
 * and a task whose review never passes stops the milestone with its blocker on the PR and the
 * issue; `/aethr implement` on the PR continues from the first unticked task.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startGitHubStandin, type GitHubStandin } from '../support/github-standin.js';
import { startOpenAIStub, type OpenAIStub, type StubRequest } from '../support/openai-stub.js';
import { createPrRepo, git, type PrRepo } from '../support/pr-repo.js';
import { runAction } from '../support/run-action.js';
import { prCommentPayload } from '../support/webhook-examples.js';

const OWNER = 'acme';
const REPO = 'calc';
const TOKEN = 'ghs_milestonetoken123';
const ISSUE = 40;
const BRANCH = `aethr/issue-${ISSUE}`;

const ISSUE_BODY = [
  'Three steps, one commit each.',
  '',
  '- [ ] Add the notes file',
  '  Acceptance: notes.txt says hello',
  '- [ ] Add the todo file',
  '- [ ] Add the changelog',
  '',
  'Thanks!',
].join('\r\n');

let stub: OpenAIStub;
let repo: PrRepo;
let gh: GitHubStandin;

beforeAll(async () => {
  stub = await startOpenAIStub();
});
afterAll(async () => stub.close());
afterEach(async () => {
  await gh?.close();
  repo?.cleanup();
});

const system = (r: StubRequest): string => String(r.body?.messages?.[0]?.content ?? '');
const user = (r: StubRequest): string => String(r.body?.messages?.[1]?.content ?? '');
const taskOf = (r: StubRequest): number => Number(/Task (\d)\/3:/.exec(user(r))?.[1] ?? 0);

/**
 * Each implement call adds a new file; the reviewer fails `blocked` tasks (same finding every
 * time) and passes the others. Returns the tasks each implement call was for.
 */
function script(blocked: Set<number>): number[] {
  const implemented: number[] = [];
  stub.setReply((req) => {
    const s = system(req);
    if (/You are the implementer/.test(s)) {
      const task = taskOf(req);
      implemented.push(task);
      const n = implemented.length;
      return {
        text: `Work for task ${task}.\n\n\`\`\`diff\ndiff --git a/task-${task}-${n}.txt b/task-${task}-${n}.txt\nnew file mode 100644\n--- /dev/null\n+++ b/task-${task}-${n}.txt\n@@ -0,0 +1 @@\n+task ${task}\n\`\`\`\n`,
      };
    }
    if (/You are the reviewer/.test(s)) {
      if (blocked.has(taskOf(req)))
        return {
          text: '```json\n{"status":"revise","findings":[{"path":"calc.py","line":1,"severity":"high","title":"todo file is missing its header","body":"b"}]}\n```\nReview status: revise\n',
        };
      return { text: 'Looks right.\nReview status: pass\n' };
    }
    return { text: 'Plan: add the file.' };
  });
  return implemented;
}

async function setup(o: { allowPRs?: boolean } = {}) {
  repo = createPrRepo({
    base: { 'calc.py': 'def add(a, b):\n    return a + b\n' },
    head: { 'calc.py': 'def add(a, b):\n    return a - b\n' },
  });
  gh = await startGitHubStandin({
    token: TOKEN,
    owner: OWNER,
    repo: REPO,
    gitDir: repo.origin,
    allowActionsToCreatePRs: o.allowPRs ?? true,
    permissions: { maintainer: 'write' },
    issues: [
      {
        number: ISSUE,
        title: 'Notes, todo and changelog',
        body: ISSUE_BODY,
        labels: ['aethr:implement'],
      },
    ],
  });
}

function checkout(): string {
  const dir = join(repo.dir, `main-checkout-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  execFileSync('git', ['clone', '-q', '--depth=1', '--branch', 'main', repo.originUrl, dir]);
  return dir;
}

const inputs = () => ({
  'github-token': TOKEN,
  'openai-api-key': 'sk-milestone-123456',
  'base-url': stub.url,
  'max-iterations': '2',
});
const env = () => ({ GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: `${OWNER}/${REPO}` });

function labelIssue() {
  return runAction({
    eventName: 'issues',
    payload: {
      action: 'labeled',
      label: { name: 'aethr:implement' },
      issue: {
        number: ISSUE,
        title: 'Notes, todo and changelog',
        body: ISSUE_BODY,
        state: 'open',
        user: { login: 'reporter', type: 'User' },
        labels: [{ name: 'aethr:implement' }],
      },
      repository: {
        name: REPO,
        full_name: `${OWNER}/${REPO}`,
        owner: { login: OWNER },
        default_branch: 'main',
      },
      sender: { login: 'maintainer', type: 'User' },
    },
    workspace: checkout(),
    inputs: inputs(),
    env: env(),
  });
}

/** Task commit subjects on the branch in origin, oldest first. */
function taskCommits(): string[] {
  return git(repo.origin, 'log', '--reverse', '--format=%s', `main..refs/heads/${BRANCH}`)
    .split('\n')
    .filter(Boolean);
}

const issueBody = (): string => gh.state.issues.get(ISSUE)!.body ?? '';
const ticked = (): number => (issueBody().match(/\[x\]/g) ?? []).length;
const milestonePulls = () => gh.state.pulls.filter((p) => p.pull.head.ref === BRANCH);
const issueNotes = () => gh.state.issueComments.filter((c) => c.issue_number === ISSUE);

describe('an issue with a task list, labelled for implementation', () => {
  it('yields one commit per task in order on one branch, one pull request and three ticked boxes', async () => {
    await setup();
    const implemented = script(new Set());
    const out = await labelIssue();
    if (out.code !== 0) console.log(out.stdout);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(gh.violations).toEqual([]);
    expect(implemented).toEqual([1, 2, 3]);
    expect(taskCommits()).toEqual([
      'aethr(task 1/3): Add the notes file',
      'aethr(task 2/3): Add the todo file',
      'aethr(task 3/3): Add the changelog',
    ]);
    // Each task is exactly its own change: one file per commit.
    for (const [k, ref] of [`${BRANCH}~2`, `${BRANCH}~1`, BRANCH].entries()) {
      const files = git(repo.origin, 'show', '--name-only', '--format=', ref).split('\n');
      expect(files).toEqual([`task-${k + 1}-${k + 1}.txt`]);
    }
    expect(git(repo.origin, 'log', '-1', '--format=%b', `${BRANCH}~2`)).toMatch(
      /Acceptance: notes\.txt says hello/,
    );
    expect(milestonePulls()).toHaveLength(1);
    const pr = milestonePulls()[0]!;
    expect(pr.body).toMatch(/Closes #40/);
    for (const sha of git(repo.origin, 'rev-list', `main..refs/heads/${BRANCH}`).split('\n'))
      expect(pr.body).toContain(sha.slice(0, 7));
    // The body keeps its text and line endings; only the boxes changed.
    expect(issueBody()).toBe(ISSUE_BODY.replace(/\[ \]/g, '[x]'));
    expect(gh.calls('pulls/create')).toHaveLength(1);
    expect(issueNotes().some((c) => /finished the task list: 3\/3/.test(c.body))).toBe(true);
  });

  it('stops at a task whose review never passes, names the blocker, and /aethr implement continues from it', async () => {
    await setup();
    const first = script(new Set([2]));
    const out = await labelIssue();
    if (out.code !== 0) console.log(out.stdout);
    expect(out.code).toBe(0);
    expect(gh.violations).toEqual([]);
    expect(first).toEqual([1, 2, 2]);
    expect(taskCommits()).toEqual(['aethr(task 1/3): Add the notes file']);
    expect(ticked()).toBe(1);
    expect(milestonePulls()).toHaveLength(1);
    const pr = milestonePulls()[0]!;
    // The blocker on the PR (its summary and its body) and on the issue, with how to resume.
    const summary = gh.state.issueComments.find(
      (c) => c.issue_number === pr.number && c.body.includes('aethr:summary'),
    )!.body;
    for (const text of [summary, pr.body ?? '']) {
      expect(text).toMatch(/Blocked at task 2\/3/);
      expect(text).toMatch(/todo file is missing its header/);
      expect(text).toContain(`comment \`/aethr implement\` on #${pr.number}`);
    }
    const note = issueNotes().find((c) => /stopped the task list at task 2\/3/.test(c.body));
    expect(note?.body).toMatch(/still asked for changes after 2\/2 iterations/);
    expect(note?.body).toMatch(/todo file is missing its header/);
    expect(note?.body).toContain(`/aethr implement\` on #${pr.number}`);

    // GitHub moves the PR's head with the push; then the reviewer relents.
    const head = git(repo.origin, 'rev-parse', `refs/heads/${BRANCH}`);
    gh.updatePull(pr.number, { head: { sha: head } });
    const commentId = 9901;
    gh.state.issueComments.push({
      id: commentId,
      issue_number: pr.number,
      body: '/aethr implement',
      user: 'maintainer',
      created_at: '2026-01-02T00:00:00Z',
      updated_at: '2026-01-02T00:00:00Z',
    });
    const second = script(new Set());
    const resumed = await runAction({
      eventName: 'issue_comment',
      payload: prCommentPayload({
        owner: OWNER,
        repo: REPO,
        number: pr.number,
        body: '/aethr implement',
        author: 'maintainer',
        commentId,
      }),
      workspace: checkout(),
      inputs: inputs(),
      env: env(),
    });
    if (resumed.code !== 0) console.log(resumed.stdout);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(gh.violations).toEqual([]);
    expect(second).toEqual([2, 3]);
    expect(taskCommits()).toEqual([
      'aethr(task 1/3): Add the notes file',
      'aethr(task 2/3): Add the todo file',
      'aethr(task 3/3): Add the changelog',
    ]);
    expect(ticked()).toBe(3);
    expect(milestonePulls()).toHaveLength(1);
    expect(milestonePulls()[0]!.body).not.toMatch(/Blocked at/);
  });

  it('names a disabled "allow Actions to create PRs" setting as the blocker, after pushing the first task', async () => {
    await setup({ allowPRs: false });
    script(new Set());
    const out = await labelIssue();
    expect(out.code).toBe(1);
    expect(gh.violations).toEqual([]);
    expect(taskCommits()).toEqual(['aethr(task 1/3): Add the notes file']);
    expect(ticked()).toBe(1);
    expect(milestonePulls()).toHaveLength(0);
    const note = issueNotes().find((c) => /stopped the task list at task 1\/3/.test(c.body))!;
    expect(note.body).toMatch(/Allow GitHub Actions to create and approve pull requests/);
    expect(note.body).toMatch(
      /put the label on #40 again: aethr continues on `aethr\/issue-40` from task 2\/3/,
    );
  });
});
