/**
 * Where follow-up commits may go. Pure.
 *
 * Same-repository PRs push to the checkout's remote. PRs from forks push to the fork's branch
 * only when the author allowed edits from maintainers (`maintainer_can_modify`) and the run's
 * token can write there; otherwise the change is offered as review suggestions and a patch in
 * the summary. Whether a token may write to a fork is only certain once GitHub answers, so a
 * `forbidden` push result on a fork should fall back to suggestions too ({@link afterPushFailure}).
 */
import type { PushResult } from './pr-workspace.js';

export interface PushPolicyInput {
  /** The head branch lives in another repository than the base, or its repository is gone. */
  isFork: boolean;
  maintainerCanModify: boolean;
  /** `owner/name` of the head repository; undefined when the fork was deleted. */
  headRepoFullName?: string;
  /** `GITHUB_SERVER_URL`, e.g. `https://github.com` (GitHub Enterprise Server works the same). */
  serverUrl: string;
  /** The event name; a `pull_request` run from a fork gets a read-only token. */
  event?: string;
  /**
   * What the door knows about its token: `false` when it cannot write to other repositories
   * (for instance a token scoped to this repository only). Undefined: try, and fall back on 403.
   */
  tokenCanPushToFork?: boolean;
}

export type SuggestReason =
  | 'fork-no-maintainer-edits'
  | 'fork-deleted'
  | 'fork-read-only-token'
  | 'fork-token-cannot-push'
  | 'push-forbidden';

export type PushPolicy =
  /** Push. `pushUrl` undefined: the workspace's remote (same repository). */
  | { mode: 'push'; pushUrl?: string; fork: boolean }
  /** Do not push: offer the change as suggestions and a patch in the summary. */
  | { mode: 'suggest'; reason: SuggestReason; message: string; hint: string };

const FULL_NAME = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

function forkUrl(serverUrl: string, fullName: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/${fullName}.git`;
}

export function decidePushPolicy(input: PushPolicyInput): PushPolicy {
  if (!input.isFork) return { mode: 'push', fork: false };
  const name = input.headRepoFullName;
  if (name === undefined || !FULL_NAME.test(name)) {
    return {
      mode: 'suggest',
      reason: 'fork-deleted',
      message:
        "The pull request's head repository no longer exists, so follow-up commits cannot be pushed.",
      hint: 'The changes are offered as suggestions and a patch in the summary.',
    };
  }
  if (!input.maintainerCanModify) {
    return {
      mode: 'suggest',
      reason: 'fork-no-maintainer-edits',
      message: `The pull request comes from the fork ${name}, which does not allow edits from maintainers.`,
      hint: 'Tick "Allow edits by maintainers" on the pull request to let aethr push follow-up commits; until then the changes are offered as suggestions and a patch in the summary.',
    };
  }
  if (input.event === 'pull_request') {
    return {
      mode: 'suggest',
      reason: 'fork-read-only-token',
      message: `Runs triggered by pull_request from the fork ${name} get a read-only token, so follow-up commits cannot be pushed.`,
      hint: "Trigger implement runs with a comment (`/aethr implement ...`) or a label, which run with the base repository's token; the changes are offered as suggestions and a patch in the summary.",
    };
  }
  if (input.tokenCanPushToFork === false) {
    return {
      mode: 'suggest',
      reason: 'fork-token-cannot-push',
      message: `The token of this run cannot push to the fork ${name}.`,
      hint: "Pass a token that can (a GitHub App installation token or a maintainer's token) through the action's token input; until then the changes are offered as suggestions and a patch in the summary.",
    };
  }
  return { mode: 'push', pushUrl: forkUrl(input.serverUrl, name), fork: true };
}

/**
 * After a failed push: a fork that refused us falls back to suggestions (the push decision was
 * only a hope there). Anything else stays a failure for the caller to report.
 */
export function afterPushFailure(policy: PushPolicy, result: PushResult): PushPolicy | undefined {
  if (result.ok || policy.mode !== 'push' || !policy.fork || result.reason !== 'forbidden') {
    return undefined;
  }
  return {
    mode: 'suggest',
    reason: 'push-forbidden',
    message: `GitHub refused the push to the fork: ${result.message}`,
    hint: "Pass a token that can push to the fork (a GitHub App installation token or a maintainer's token) through the action's token input; the changes are offered as suggestions and a patch in the summary.",
  };
}
