/**
 * What a GitHub door (the Action, the App, `aethr pr`) tells a run, in one typed value. Each door
 * builds it from its own configuration (inputs, environment, App settings); nothing downstream
 * reads `process.env` or `core.getInput`.
 */
import { SEVERITIES, type Severity } from '../engine/types.js';
import type { GitIdentity } from '../git/pr-workspace.js';
import type { PermissionLevel } from './forge.js';

export type FailOn = 'none' | Exclude<Severity, 'info'>;
export const FAIL_ON = ['none', ...SEVERITIES.filter((s) => s !== 'info')] as readonly FailOn[];

export interface RunLinks {
  /** `https://github.com` or the GitHub Enterprise Server URL. */
  serverUrl: string;
  /** `https://github.com/owner/repo`. */
  repositoryUrl: string;
  /** The run's own page (an Actions run), linked from comments. */
  runUrl?: string;
  /** Names a branch for dispatched tasks; unique per run. */
  runId?: string;
}

export interface DoorSettings {
  /** `.aethr.yaml` (a path in the repository) or a preset name. */
  workflowSpec: string;
  /** `provider:model` for every role, over `.aethr.yaml` (the Action's `model` input). */
  model?: string;
  /** The deterministic mock model instead of live calls. */
  mock: boolean;
  /** Findings at or above this severity fail the job (`none`: never). */
  failOn: FailOn;
  /** Overrides every loop's `max_iterations`. */
  maxIterations?: number;
  minimumPermission: PermissionLevel;
  /** Logins (lower case) allowed whatever their permission. */
  allowedActors: string[];
  /**
   * Automatic reviews (review only: base workflow, no agent, no validators, no push) of PRs by
   * authors below `minimumPermission`: never, on `pull_request_target` only (the Action's
   * `allow-untrusted-reviews`), or on every PR event (the App).
   */
  untrustedReviews: 'off' | 'pull_request_target' | 'always';
  /** This door's own login, whose comments and pushes never start a run. */
  botLogin: string;
  /** Author and committer of follow-up commits (default: the github-actions bot). */
  identity?: GitIdentity;
  /** Bot commits allowed on one PR branch. */
  maxBotCommits: number;
  /** Whether the token may push to forks (false for a token scoped to this repository). */
  tokenCanPushToFork?: boolean;
  /** Publish an `aethr / <workflow>` check run: `auto` tries and explains a missing permission. */
  checkRun: 'auto' | 'off';
  /** Provider keys and base URLs for model calls (`OPENAI_API_KEY`, `OPENAI_BASE_URL`, …). */
  modelEnv: Record<string, string | undefined>;
  /**
   * Values that must never appear in anything aethr posts or prints: the GitHub token, model
   * keys. Only these are redacted (plus known token shapes), never ordinary configuration.
   */
  secrets: string[];
  links: RunLinks;
  /**
   * Base of the waits before a GitHub request is tried again (Octokit's retries, rate-limit
   * waits, looking a lost write up again). Default 1000 ms, as GitHub's clients use; the fault
   * runs shorten it.
   */
  githubRetryBaseMs?: number;
}
