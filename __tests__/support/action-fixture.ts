/**
 * One pull request ready for the bundled action: real git repositories (see pr-repo.ts), the
 * GitHub REST stand-in serving them, and a `run` that executes dist/index.js like the runner
 * does against the stand-in and a given OpenAI stub.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGitHubStandin, type GitHubStandin } from './github-standin.js';
import type { GitHubStandinOptions } from './github-standin/types.js';
import type { PullFixture } from './github-standin/state.js';
import type { OpenAIStub } from './openai-stub.js';
import { createPrRepo, git, type Files, type PrRepo } from './pr-repo.js';
import { runAction, type ActionRun } from './run-action.js';
import { pullRequestPayload } from './webhook-examples.js';

export const OWNER = 'acme';
export const REPO = 'calc';
export const TOKEN = 'ghs_fixturetoken123456';
export const KEY = 'sk-fixture-key-abcdef123456';

export interface ActionFixture {
  repo: PrRepo;
  gh: GitHubStandin;
  /** A `pull_request` payload for the PR. */
  prEvent(action?: string, sender?: string): Record<string, unknown>;
  run(
    eventName?: string,
    payload?: unknown,
    inputs?: Record<string, string>,
    env?: Record<string, string>,
    workspace?: string,
  ): Promise<ActionRun>;
  /**
   * A checkout like actions/checkout leaves for issue_comment, issues and schedule: the default
   * branch at depth 1, its `origin` set to `url` (default: origin's file:// URL).
   */
  defaultBranchCheckout(url?: string): string;
  /** Commits `.aethr.yaml` to the checked-out tree (same-repository PRs read it from there). */
  useWorkflow(yaml: string): void;
  close(): Promise<void>;
}

export async function startActionFixture(o: {
  stub: OpenAIStub;
  base?: Files;
  head?: Files;
  standin?: Partial<GitHubStandinOptions>;
  /** Overrides for the PR fixture (fork head repository, title, body, labels, …). */
  pull?: Partial<Omit<PullFixture, 'head'>> & { head?: Partial<PullFixture['head']> };
  /** The run's GitHub token and model key (default TOKEN and KEY). */
  token?: string;
  key?: string;
}): Promise<ActionFixture> {
  const token = o.token ?? TOKEN;
  const key = o.key ?? KEY;
  const repo = createPrRepo({
    base: o.base ?? { 'a.py': 'x = 1\n' },
    head: o.head ?? { 'a.py': 'x = 2\n' },
  });
  const gh = await startGitHubStandin({
    token,
    owner: OWNER,
    repo: REPO,
    gitDir: repo.origin,
    permissions: { maintainer: 'write', visitor: 'read' },
    pulls: [
      {
        number: repo.number,
        title: 'Change the code',
        author: 'author',
        base: { sha: repo.baseSha, ref: repo.baseRef },
        diff: repo.diff,
        ...o.pull,
        head: { sha: repo.headSha, ref: repo.headRef, ...o.pull?.head },
      },
    ],
    ...o.standin,
  });
  const prEvent = (action = 'opened', sender = 'maintainer') =>
    pullRequestPayload(action, {
      owner: OWNER,
      repo: REPO,
      number: repo.number,
      headSha: repo.headSha,
      baseSha: repo.baseSha,
      headRef: repo.headRef,
      baseRef: repo.baseRef,
      sender,
      fork: o.pull?.head?.repo !== undefined && o.pull.head.repo !== `${OWNER}/${REPO}`,
      ...(o.pull?.title !== undefined ? { title: o.pull.title } : {}),
      ...(typeof o.pull?.body === 'string' ? { body: o.pull.body } : {}),
    });
  let checkouts = 0;
  return {
    repo,
    gh,
    prEvent,
    run: (eventName = 'pull_request', payload, inputs = {}, env = {}, workspace) =>
      runAction({
        eventName,
        payload: payload ?? prEvent(),
        workspace: workspace ?? repo.workspace,
        inputs: { 'github-token': token, 'openai-api-key': key, 'base-url': o.stub.url, ...inputs },
        env: { GITHUB_API_URL: gh.url, ...env },
      }),
    defaultBranchCheckout(url = repo.originUrl) {
      const dir = join(repo.dir, `checkout-${++checkouts}`);
      // Cloned over file:// (synchronously: a server in this process could not answer meanwhile).
      const opts = { stdio: 'ignore' as const };
      execFileSync(
        'git',
        ['clone', '-q', '--depth=1', '--branch', repo.baseRef, repo.originUrl, dir],
        opts,
      );
      execFileSync('git', ['-C', dir, 'remote', 'set-url', 'origin', url], opts);
      return dir;
    },
    useWorkflow(yaml) {
      writeFileSync(join(repo.workspace, '.aethr.yaml'), yaml);
      git(repo.workspace, 'add', '.aethr.yaml');
      git(repo.workspace, '-c', 'user.email=a@b', '-c', 'user.name=t', 'commit', '-qm', 'workflow');
    },
    async close() {
      await gh.close();
      repo.cleanup();
    },
  };
}

/** A reviewer's reply: prose, the findings block and the status line. */
export function reviewReply(findings: object[], status: 'pass' | 'revise'): string {
  return `Reviewed.\n\n\`\`\`json\n${JSON.stringify({ status, findings })}\n\`\`\`\n\nReview status: ${status}\n`;
}
