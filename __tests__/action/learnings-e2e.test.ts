/**
 * The learnings loop end to end through the bundle: an implementer's `learnings` block lands in
 * the same commit as its change (capped, deduplicated), the next task's prompt and the next run's
 * prompt contain it, and a reviewer's block is never written.
 */
import { afterAll, afterEach, beforeAll, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startGitHubStandin, type GitHubStandin } from '../support/github-standin.js';
import { startOpenAIStub, type OpenAIStub, type StubRequest } from '../support/openai-stub.js';
import { createPrRepo, git, type PrRepo } from '../support/pr-repo.js';
import { runAction } from '../support/run-action.js';

const OWNER = 'acme';
const REPO = 'calc';
const TOKEN = 'ghs_learningstoken123';

const WORKFLOW = `workflow: learn
roles:
  implementer: Implement the task.
  reviewer: Review the latest change.
models:
  default: openai:gpt-4o-mini
learnings: .aethr/learnings.md
steps:
  - id: implement
    role: implementer
    backend: patch
    context: [learnings]
  - id: review
    role: reviewer
    context: [latest_diff]
    repeat: { back_to: implement, until_review_pass: true, max_iterations: 2 }
`;

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

function issuePayload(number: number, title: string, body: string) {
  return {
    action: 'labeled',
    label: { name: 'aethr:implement' },
    issue: {
      number,
      title,
      body,
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
  };
}

function label(number: number, title: string, body: string) {
  const workspace = join(repo.dir, `checkout-${number}`);
  execFileSync('git', ['clone', '-q', '--depth=1', '--branch', 'main', repo.originUrl, workspace]);
  return runAction({
    eventName: 'issues',
    payload: issuePayload(number, title, body),
    workspace,
    inputs: { 'github-token': TOKEN, 'openai-api-key': 'sk-learn-123456', 'base-url': stub.url },
    env: { GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: `${OWNER}/${REPO}` },
  });
}

it('lands an implementer learning in the same commit as the change, and later prompts contain it', async () => {
  repo = createPrRepo({
    base: { '.aethr.yaml': WORKFLOW, 'calc.py': 'x = 1\n' },
    head: { 'calc.py': 'x = 2\n' },
  });
  const tasks = '- [ ] Add the notes file\n- [ ] Add the todo file\n';
  gh = await startGitHubStandin({
    token: TOKEN,
    owner: OWNER,
    repo: REPO,
    gitDir: repo.origin,
    allowActionsToCreatePRs: true,
    permissions: { maintainer: 'write' },
    issues: [
      { number: 40, title: 'Two files', body: tasks, labels: ['aethr:implement'] },
      { number: 41, title: 'A third file', body: 'Please add it.', labels: ['aethr:implement'] },
    ],
  });
  const implementPrompts: string[] = [];
  const implementSystems: string[] = [];
  let n = 0;
  stub.setReply((req) => {
    if (/You are the implementer/.test(system(req))) {
      implementSystems.push(system(req));
      implementPrompts.push(user(req));
      n++;
      const learned =
        n === 1
          ? '\n```learnings\n- Task files go at the repository root.\n- task files go at the repository root\n- ' +
            'x'.repeat(500) +
            '\n```\n'
          : '';
      return {
        text: `Adding file ${n}.\n\n\`\`\`diff\n--- /dev/null\n+++ b/file-${n}.txt\n@@ -0,0 +1 @@\n+file ${n}\n\`\`\`\n${learned}`,
      };
    }
    // Reviewers never write the file, whatever they reply.
    return { text: 'Fine.\n```learnings\n- REVIEWER NOTE\n```\nReview status: pass\n' };
  });

  const first = await label(40, 'Two files', tasks);
  if (first.code !== 0) console.log(first.stdout);
  expect(first.code).toBe(0);
  expect(gh.violations).toEqual([]);
  const branch = 'refs/heads/aethr/issue-40';
  // Task 1's commit holds its change and the learnings, together.
  const files = git(repo.origin, 'show', '--name-only', '--format=', `${branch}~1`).split('\n');
  expect(files.sort()).toEqual(['.aethr/learnings.md', 'file-1.txt']);
  const learnings = git(repo.origin, 'show', `${branch}:.aethr/learnings.md`);
  expect(learnings).toMatch(/^# Learnings/);
  // Deduplicated, each line capped.
  expect(learnings.match(/task files go at the repository root/gi)).toHaveLength(1);
  expect(learnings).toMatch(/^- x{150,199}…$/m);
  expect(learnings).not.toContain('REVIEWER NOTE');
  expect(git(repo.origin, 'show', '--name-only', '--format=', branch)).toBe('file-2.txt');
  for (const s of implementSystems) expect(s).toMatch(/## Learnings for later runs/);
  // The first prompt saw a placeholder, the second task's prompt the learning.
  expect(implementPrompts[0]).toMatch(/No learnings yet: \.aethr\/learnings\.md does not exist/);
  expect(implementPrompts[1]).toContain('Task files go at the repository root.');

  // Once the milestone is merged, the next run on the default branch reads it too.
  git(repo.origin, 'update-ref', 'refs/heads/main', branch);
  const before = implementPrompts.length;
  const next = await label(41, 'A third file', 'Please add it.');
  expect(next.code).toBe(0);
  expect(implementPrompts[before]).toContain('Task files go at the repository root.');
});
