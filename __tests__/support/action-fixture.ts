/**
 * One pull request ready for the bundled action: real git repositories (see pr-repo.ts), the
 * GitHub REST stand-in serving them, and a `run` that executes dist/index.js like the runner
 * does against the stand-in and a given OpenAI stub.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGitHubStandin, type GitHubStandin } from './github-standin.js';
import type { GitHubStandinOptions } from './github-standin/types.js';
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
  ): Promise<ActionRun>;
  /** Commits `.aethr.yaml` to the checked-out tree (same-repository PRs read it from there). */
  useWorkflow(yaml: string): void;
  close(): Promise<void>;
}

export async function startActionFixture(o: {
  stub: OpenAIStub;
  base?: Files;
  head?: Files;
  standin?: Partial<GitHubStandinOptions>;
}): Promise<ActionFixture> {
  const repo = createPrRepo({
    base: o.base ?? { 'a.py': 'x = 1\n' },
    head: o.head ?? { 'a.py': 'x = 2\n' },
  });
  const gh = await startGitHubStandin({
    token: TOKEN,
    owner: OWNER,
    repo: REPO,
    gitDir: repo.origin,
    permissions: { maintainer: 'write', visitor: 'read' },
    pulls: [
      {
        number: repo.number,
        title: 'Change the code',
        author: 'author',
        head: { sha: repo.headSha, ref: repo.headRef },
        base: { sha: repo.baseSha, ref: repo.baseRef },
        diff: repo.diff,
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
    });
  return {
    repo,
    gh,
    prEvent,
    run: (eventName = 'pull_request', payload, inputs = {}, env = {}) =>
      runAction({
        eventName,
        payload: payload ?? prEvent(),
        workspace: repo.workspace,
        inputs: { 'github-token': TOKEN, 'openai-api-key': KEY, 'base-url': o.stub.url, ...inputs },
        env: { GITHUB_API_URL: gh.url, ...env },
      }),
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
