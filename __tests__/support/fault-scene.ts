/**
 * One fault run's world: a real pull request in real git repositories, the GitHub stand-in
 * serving it with the plan's failures queued, the model stub scripted with the plan's faults, and
 * the event the run serves. `runInProcess` goes through the Action's own run of an intent
 * (src/action/run-intent.ts: the Octokit forge over HTTP, the checkout workspace, the OpenAI
 * client) with GitHub's retry waits shortened; `runBundled` runs dist/index.js like the runner.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { doorSettings, parseInputs } from '../../src/action/inputs.js';
import { runIntent } from '../../src/action/run-intent.js';
import { toError } from '../../src/errors.js';
import { normaliseEvent } from '../../src/github/event-intent.js';
import type { JobReport } from '../../src/github/publish-job-report.js';
import type { RunLog } from '../../src/github/run-log.js';
import { RETRY_BASE_ENV } from '../../src/models/openai-retry.js';
import { redactSecrets } from '../../src/models/redact.js';
import { KEY, OWNER, REPO, TOKEN, reviewReply } from './action-fixture.js';
import { describePlan, failureOf, type FaultPlan } from './faults.js';
import { startGitHubStandin, type GitHubStandin } from './github-standin.js';
import type { OpenAIStub, StubReply, StubRequest } from './openai-stub.js';
import { copyPrRepo, createPrRepo, type PrRepo } from './pr-repo.js';
import { runAction } from './run-action.js';
import { prCommentPayload, pullRequestPayload } from './webhook-examples.js';

export const COMMENT_ID = 9001;
const LABEL = 'aethr:implement';
export const ISSUE = 40;
/** Base of the retry waits in the in-process runs (GitHub's 1 s, a cut stream's 0.5 s). */
export const FAST_RETRY_MS = 5;

/** What a run left for the invariant checker, from either way of running it. */
export interface RunView {
  code: number;
  /** The job log. */
  log: string;
  /** What failed the step (empty when it passed). */
  failure: string;
  outputs: Record<string, string>;
  jobSummary: string;
}

export interface Scene {
  plan: FaultPlan;
  repo: PrRepo;
  gh: GitHubStandin;
  /** Heads the PR branch had before and while the run worked (ours excluded). */
  foreignHeads: string[];
  /** The branch the run pushes to: the PR's, or aethr/issue-N for an issue. */
  branch: string;
  runInProcess(): Promise<RunView>;
  runBundled(): Promise<RunView>;
  close(): Promise<void>;
}

const IMPLEMENT_WORKFLOW = `workflow: implement-faults
roles:
  planner: Plan the change.
  implementer: Implement the task.
  reviewer: Review the latest implementation.
models:
  planner: openai:gpt-4o-mini
  implementer: openai:gpt-4o-mini
  reviewer: openai:gpt-4o-mini
steps:
  - id: plan
    role: planner
  - id: implement
    role: implementer
    backend: patch
  - id: review
    role: reviewer
    context: [latest_diff]
    repeat: { back_to: implement, until_review_pass: true, max_iterations: 2 }
`;

/** Every run's pull request starts as a copy of this one. */
let template: PrRepo | undefined;

/** Removes the template the scenes were copied from. */
export function disposeScenes(): void {
  template?.cleanup();
  template = undefined;
}

export async function createScene(plan: FaultPlan, stub: OpenAIStub): Promise<Scene> {
  const implement = plan.event.startsWith('implement') || plan.event === 'issue-label';
  template ??= createPrRepo({ base: { 'a.py': 'x = 1\n' }, head: { 'a.py': 'x = 2\n' } });
  const repo = copyPrRepo(template);
  const gh = await startGitHubStandin({
    token: TOKEN,
    owner: OWNER,
    repo: REPO,
    gitDir: repo.origin,
    permissions: { maintainer: 'write' },
    issueComments: plan.event.endsWith('command')
      ? [{ id: COMMENT_ID, issue_number: repo.number, body: commandOf(plan), author: 'maintainer' }]
      : [],
    ...(implement ? { contents: { main: { '.aethr.yaml': IMPLEMENT_WORKFLOW } } } : {}),
    allowActionsToCreatePRs: true,
    issues: [
      { number: ISSUE, title: 'Add a notes file', body: 'Please add notes.', labels: [LABEL] },
    ],
    pulls: [
      {
        number: repo.number,
        title: 'Change the code',
        body: 'Add a notes file.',
        author: 'author',
        head: { sha: repo.headSha, ref: repo.headRef },
        base: { sha: repo.baseSha, ref: repo.baseRef },
        diff: repo.diff,
        maintainer_can_modify: true,
        labels: plan.event === 'implement-label' ? [LABEL] : [],
      },
    ],
  });
  const foreignHeads = [repo.headSha];
  const event = eventOf(plan, repo);
  const moveHead = (): void => {
    const moved = repo.pushOnTop({ 'other.txt': `pushed by someone else (seed ${plan.seed})\n` });
    foreignHeads.push(moved.headSha);
    gh.updatePull(repo.number, { head: { sha: moved.headSha }, diff: moved.diff });
  };
  if (plan.headMove === 'before') moveHead();
  for (const fault of plan.github) gh.failNext(failureOf(fault));
  stub.setReply(scriptModel(plan, stub.chatRequests().length, moveHead));
  const workspace = event.name === 'pull_request' ? repo.workspace : defaultBranchCheckout(repo);
  const inputs = { 'github-token': TOKEN, 'base-url': stub.url, 'max-iterations': '2' };
  const env = {
    GITHUB_API_URL: gh.url,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    OPENAI_API_KEY: KEY,
  };
  return {
    plan,
    repo,
    gh,
    foreignHeads,
    branch: plan.event === 'issue-label' ? `aethr/issue-${ISSUE}` : repo.headRef,
    runInProcess: () => runInProcess(event, workspace, inputs, env),
    async runBundled() {
      const out = await runAction({
        eventName: event.name,
        payload: event.payload,
        workspace,
        inputs: { ...inputs, 'openai-api-key': KEY },
        env: { GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: `${OWNER}/${REPO}` },
      });
      const errors = out.stdout
        .split('\n')
        .filter((l) => l.startsWith('::error::'))
        .map((l) => l.slice('::error::'.length).replace(/%0A/g, '\n'));
      return {
        code: out.code,
        log: `${out.stdout}\n${out.stderr}`,
        failure: errors.join('\n'),
        outputs: out.outputs,
        jobSummary: out.summary,
      };
    },
    async close() {
      await gh.close();
      repo.cleanup();
    },
  };
}

function commandOf(plan: FaultPlan): string {
  if (plan.event === 'help-command') return '/aethr help';
  return plan.event === 'review-command' ? '/aethr review' : '/aethr implement add a notes file';
}

function eventOf(plan: FaultPlan, repo: PrRepo): { name: string; payload: unknown } {
  const pr = (action: string) =>
    pullRequestPayload(action, {
      owner: OWNER,
      repo: REPO,
      number: repo.number,
      headSha: repo.headSha,
      baseSha: repo.baseSha,
      headRef: repo.headRef,
      baseRef: repo.baseRef,
      sender: 'maintainer',
      body: 'Add a notes file.',
    });
  if (plan.event === 'review') return { name: 'pull_request', payload: pr('opened') };
  if (plan.event === 'implement-label')
    return { name: 'pull_request', payload: { ...pr('labeled'), label: { name: LABEL } } };
  if (plan.event === 'issue-label') {
    const base = pr('labeled');
    const payload = {
      action: 'labeled',
      label: { name: LABEL },
      issue: {
        number: ISSUE,
        title: 'Add a notes file',
        body: 'Please add notes.',
        state: 'open',
        user: { login: 'reporter', type: 'User' },
        labels: [{ name: LABEL }],
      },
      repository: base.repository,
      sender: base.sender,
    };
    return { name: 'issues', payload };
  }
  const payload = prCommentPayload({
    owner: OWNER,
    repo: REPO,
    number: repo.number,
    body: commandOf(plan),
    author: 'maintainer',
    commentId: COMMENT_ID,
  });
  return { name: 'issue_comment', payload };
}

/** A workspace like actions/checkout leaves for issue_comment: the default branch at depth 1. */
function defaultBranchCheckout(repo: PrRepo): string {
  const dir = join(repo.dir, 'main-checkout');
  execFileSync('git', ['clone', '-q', '--depth=1', '--branch', 'main', repo.originUrl, dir]);
  return dir;
}

/**
 * The model's side of the plan: request `start + at` meets the planned fault; otherwise each
 * role answers as a working model would (one inline-worthy finding in every review).
 */
function scriptModel(plan: FaultPlan, start: number, moveHead: () => void) {
  let implemented = 0;
  let reviews = 0;
  let moved = false;
  return (req: StubRequest, index: number): StubReply => {
    const fault = plan.model.find((f) => f.at === index - start);
    const system = String(req.body?.messages?.[0]?.content ?? '');
    if (plan.headMove === 'mid' && !moved && index - start >= plan.moveAtCall) {
      moved = true;
      moveHead();
    }
    if (fault?.kind === 'status')
      return {
        status: fault.status!,
        headers: { 'retry-after-ms': '5' },
        error: { message: fault.status === 429 ? 'Rate limit reached' : 'The server had an error' },
      };
    const reply = answer(system);
    if (fault?.kind === 'cut') return { ...reply, chunks: 4, cutAfterChunks: fault.afterChunks };
    if (fault?.kind === 'delay') return { ...reply, delayMs: fault.delayMs };
    return reply;

    function answer(s: string): { text: string } {
      if (/You are the implementer/.test(s)) {
        const k = ++implemented;
        return {
          text: `Add notes ${k}.\n\n\`\`\`diff\ndiff --git a/notes-${k}.txt b/notes-${k}.txt\nnew file mode 100644\n--- /dev/null\n+++ b/notes-${k}.txt\n@@ -0,0 +1 @@\n+notes ${k}\n\`\`\`\n`,
        };
      }
      if (/You are the reviewer/.test(s)) {
        const status = reviews++ === 0 ? plan.verdict : 'pass';
        const severity = status === 'pass' ? 'low' : 'high';
        return {
          text: reviewReply(
            [{ path: 'a.py', line: 1, severity, title: 'x changed', body: 'Keep x = 1.' }],
            status,
          ),
        };
      }
      return { text: 'Plan: add the notes file.' };
    }
  };
}

/**
 * The Action door in-process: the event normalised as main.ts does, then the Action's own run of
 * the intent with a job report and log that record what the runner would show.
 */
async function runInProcess(
  event: { name: string; payload: unknown },
  workspace: string,
  inputValues: Record<string, string>,
  extraEnv: Record<string, string>,
): Promise<RunView> {
  const lines: string[] = [];
  const failures: string[] = [];
  const outputs: Record<string, string> = {};
  let jobSummary = '';
  const log: RunLog = {
    info: (m) => lines.push(m),
    notice: (m) => lines.push(`notice: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`),
    group: (name, fn) => (lines.push(`## ${name}`), fn()),
  };
  const report: JobReport = {
    notice: (m) => lines.push(`notice: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`),
    setOutput: (name, value) => (outputs[name] = value),
    setFailed: (m) => (failures.push(m), lines.push(`error: ${m}`)),
    jobSummary: async (markdown) => void (jobSummary += markdown),
  };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: event.name,
    GITHUB_WORKSPACE: workspace,
    GITHUB_RUN_ID: '4242',
    GITHUB_SERVER_URL: 'https://github.com',
    RUNNER_TEMP: mkdtempSync(join(workspace, '..', 'runner-')),
    [RETRY_BASE_ENV]: String(FAST_RETRY_MS),
    ...extraEnv,
  };
  const inputs = parseInputs((name) => inputValues[name] ?? '');
  let secrets = [inputs.token, KEY];
  try {
    const intent = normaliseEvent(event, { repository: env.GITHUB_REPOSITORY });
    if (intent.kind === 'ignore')
      throw new Error(`the fault run's event was ignored: ${intent.reason}`);
    const settings = doorSettings(inputs, env, intent.repository);
    secrets = settings.secrets;
    await runIntent(intent, settings, { token: inputs.token, env, log, report });
  } catch (error) {
    report.setFailed(redactSecrets(`aethr: ${toError(error).message}`, secrets));
  }
  return {
    code: failures.length ? 1 : 0,
    log: lines.join('\n'),
    failure: failures.join('\n'),
    outputs,
    jobSummary,
  };
}

export { describePlan };
