/**
 * The vocabulary of events normalised into intents (see event-intent.ts): what a run needs to
 * know of the repository, the pull request, the issue and the comment, copied out of payloads.
 */
import type { Command } from './commands.js';

export const DEFAULT_TRIGGER_LABEL = 'aethr:implement';

export interface IntentOptions {
  /** Ignore automatic reviews of draft pull requests. Default true. */
  skipDrafts?: boolean;
  /** This action's own login (`github-actions[bot]`, an App's `name[bot]`, a PAT's user). */
  botLogin?: string;
  /** The label that asks for an implementation. Default `aethr:implement`. */
  triggerLabel?: string;
  /** `owner/name` (GITHUB_REPOSITORY) for events whose payload names no repository (schedule). */
  repository?: string;
  /**
   * Logins (the aethr App's `<slug>[bot]`) whose `repository_dispatch` / `workflow_dispatch`
   * may carry another actor's request (see carried-intent.ts). Default none.
   */
  dispatchSenders?: string[];
}

export interface RepositoryInfo {
  owner: string;
  repo: string;
  /** `owner/name`. */
  fullName: string;
  defaultBranch?: string;
  private?: boolean;
}

export interface BranchInfo {
  sha: string;
  ref: string;
  /** `owner/name` of the repository the branch lives in; undefined when the fork was deleted. */
  repoFullName?: string;
}

export interface PullRequestInfo {
  number: number;
  title: string;
  body: string;
  draft: boolean;
  state: string;
  /** Login of the pull request's author. */
  author: string;
  htmlUrl?: string;
  head: BranchInfo;
  base: BranchInfo;
  /** The head branch lives in another repository than the base (or its repository is gone). */
  isFork: boolean;
  maintainerCanModify: boolean;
  labels: string[];
  /** Commits on the PR branch, as GitHub counted them when this was read (payloads may be stale). */
  commits?: number;
}

export interface IssueInfo {
  number: number;
  title: string;
  body: string;
  state: string;
  author: string;
  /** The issue is a pull request (`issue.pull_request` is present). */
  isPullRequest: boolean;
  draft?: boolean;
  htmlUrl?: string;
  labels: string[];
}

export interface CommentInfo {
  id: number;
  body: string;
  author: string;
  htmlUrl?: string;
}

/** Where the workflow file is read from: the PR head, or the base branch (forks, base-context events). */
export type WorkflowSource = 'head' | 'base';

interface IntentBase {
  /** The event name as GitHub sent it (`pull_request`, `issue_comment`, ...). */
  event: string;
  action?: string;
  repository: RepositoryInfo;
  /** Carried by a dispatch from the App: what it claims is re-read before the run. */
  dispatched?: DispatchedFrom;
}

export interface DispatchedFrom {
  /** Who sent the dispatch (one of the dispatch senders). */
  sender: string;
  /** The event the App received (`pull_request`, `issue_comment`, `issues`). */
  event: string;
  /** The App's delivery id. */
  delivery?: string;
}

export interface ReviewIntent extends IntentBase {
  kind: 'review';
  /** Who triggered the event (`sender.login`): the person to authorise. */
  actor: string;
  pullRequest: PullRequestInfo;
  /** `pull_request_target`: never check out or run PR code; workflow file from the base branch. */
  safeMode: boolean;
  workflowFrom: WorkflowSource;
}

export interface CommandIntent extends IntentBase {
  kind: 'command';
  actor: string;
  command: Command;
  comment: CommentInfo;
  /** The pull request as the comment payload describes it (no head or base: fetch those). */
  issue: IssueInfo;
  pullRequestNumber: number;
  safeMode: boolean;
  /**
   * Always `base`: `issue_comment` workflows run on the default branch with its secrets, and
   * whether the PR comes from a fork is only known once the PR is fetched (`parsePullRequest`).
   */
  workflowFrom: WorkflowSource;
}

export interface LabelIntent extends IntentBase {
  kind: 'label';
  actor: string;
  label: string;
  target: 'issue' | 'pull_request';
  issue: IssueInfo;
  /** Present when the label was put on a pull request. */
  pullRequest?: PullRequestInfo;
  safeMode: boolean;
  workflowFrom: WorkflowSource;
}

export interface DocsSyncIntent extends IntentBase {
  kind: 'docs_sync';
  trigger: 'schedule' | 'workflow_dispatch';
  /** Absent for `schedule`, whose payload names no sender. */
  actor?: string;
  ref?: string;
  /** The cron expression, for `schedule`. */
  schedule?: string;
  inputs: Record<string, string>;
}

export interface DispatchIntent extends IntentBase {
  kind: 'dispatch';
  actor: string;
  task: string;
  ref?: string;
  inputs: Record<string, string>;
}

export interface IgnoreIntent {
  kind: 'ignore';
  event: string;
  action?: string;
  reason: string;
  repository?: RepositoryInfo;
}

export type Intent =
  ReviewIntent | CommandIntent | LabelIntent | DocsSyncIntent | DispatchIntent | IgnoreIntent;

export const isReviewIntent = (intent: Intent): intent is ReviewIntent => intent.kind === 'review';
export const isCommandIntent = (intent: Intent): intent is CommandIntent =>
  intent.kind === 'command';
export const isLabelIntent = (intent: Intent): intent is LabelIntent => intent.kind === 'label';
export const isDocsSyncIntent = (intent: Intent): intent is DocsSyncIntent =>
  intent.kind === 'docs_sync';
export const isDispatchIntent = (intent: Intent): intent is DispatchIntent =>
  intent.kind === 'dispatch';
export const isIgnoreIntent = (intent: Intent): intent is IgnoreIntent => intent.kind === 'ignore';
