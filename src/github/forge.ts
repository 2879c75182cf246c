/**
 * The Forge port: the GitHub API calls a door needs, and nothing else. The Octokit
 * implementation lives in octokit-forge.ts; tests run it against a REST stand-in.
 */
import { AethrError } from '../errors.js';
import type { IssueInfo, PullRequestInfo } from './event-intent.js';

export type { IssueInfo, PullRequestInfo };

export const PERMISSION_LEVELS = ['none', 'read', 'triage', 'write', 'maintain', 'admin'] as const;
export type PermissionLevel = (typeof PERMISSION_LEVELS)[number];

export interface PullFile {
  filename: string;
  status: string;
  previousFilename?: string;
  additions: number;
  deletions: number;
  /** Absent when GitHub omits it (binary or very large files). */
  patch?: string;
}

export interface ForgeComment {
  id: number;
  body: string;
  author: string;
  authorType: string;
  htmlUrl: string;
  /** ISO time, when GitHub said. */
  createdAt?: string;
}

export interface ReviewCommentInput {
  path: string;
  line: number;
  side: 'RIGHT';
  start_line?: number;
  start_side?: 'RIGHT';
  body: string;
}

export type Reaction = '+1' | '-1' | 'eyes' | 'confused' | 'rocket' | 'hooray' | 'laugh' | 'heart';

export type CheckConclusion = 'success' | 'failure' | 'neutral' | 'cancelled';

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
  raw_details?: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
  /** At most 50 per request (GitHub's limit); more go in later updates. */
  annotations?: CheckAnnotation[];
}

export interface CheckRun {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  externalId: string;
  htmlUrl: string;
  /** Annotations the run holds (each update appends its own). */
  annotationsCount?: number;
}

export interface Forge {
  readonly owner: string;
  readonly repo: string;
  getPermission(username: string): Promise<PermissionLevel>;
  getPull(number: number): Promise<PullRequestInfo>;
  /** The PR's unified diff (merge-base...head), or undefined when GitHub refuses (too large). */
  getPullDiff(number: number): Promise<string | undefined>;
  listPullFiles(number: number): Promise<PullFile[]>;
  /** An issue (or a pull request read as an issue), as it is now. */
  getIssue(number: number): Promise<IssueInfo>;
  /**
   * Replaces an issue's body. GitHub has no conditional update for issues (no ETag on PATCH):
   * callers re-read and compare around it (see tick-issue-task.ts).
   */
  updateIssueBody(number: number, body: string): Promise<void>;
  listIssueComments(number: number): Promise<ForgeComment[]>;
  /** One issue comment, with the number of the issue or pull request it is on. */
  getIssueComment(id: number): Promise<ForgeComment & { issueNumber: number }>;
  createIssueComment(number: number, body: string): Promise<ForgeComment>;
  updateIssueComment(id: number, body: string): Promise<ForgeComment>;
  deleteIssueComment(id: number): Promise<void>;
  listReviewComments(number: number): Promise<ForgeComment[]>;
  createReview(
    number: number,
    review: { commitId: string; body: string; comments: ReviewCommentInput[] },
  ): Promise<{ id: number; htmlUrl: string }>;
  addReaction(commentId: number, reaction: Reaction): Promise<void>;
  /** A file's text at a ref, or undefined when it does not exist. */
  getFileText(path: string, ref: string): Promise<string | undefined>;
  /** Open pull requests whose head is `branch` in this repository. */
  findOpenPulls(branch: string): Promise<Array<{ number: number; htmlUrl: string }>>;
  /** Opens a PR; throws `PullCreationForbidden` when the token may not open pull requests. */
  createPull(pull: {
    title: string;
    body: string;
    head: string;
    base: string;
  }): Promise<{ number: number; htmlUrl: string }>;
  updatePull(number: number, update: { title?: string; body?: string }): Promise<void>;
  /** Removes a label; a label that is already gone is not an error. */
  removeLabel(issueNumber: number, label: string): Promise<void>;
  createCheckRun(run: {
    name: string;
    headSha: string;
    externalId: string;
    detailsUrl?: string;
    output: CheckRunOutput;
  }): Promise<CheckRun>;
  /**
   * Updates a check run. GitHub appends the annotations each update carries, so an update with
   * annotations is sent once: the caller looks at the run before sending it again.
   */
  updateCheckRun(
    id: number,
    update: { conclusion?: CheckConclusion; output: CheckRunOutput },
  ): Promise<void>;
  /** Check runs named `name` on commit `ref`, newest first. */
  listCheckRuns(ref: string, name: string): Promise<CheckRun[]>;
}

/**
 * What went wrong with a GitHub API call, told apart once here (not by regex in handlers):
 * - `permission`: 401/403 without a rate limit (the token may not do this);
 * - `not-found`: 404; `validation`: 422 (GitHub refused the content);
 * - `rate-limit`: primary or secondary limit, after the throttling plugin's retries;
 * - `server`: 5xx; `network`: no answer (connection reset, timeout); `other`: anything else.
 */
export type ForgeErrorKind =
  'permission' | 'not-found' | 'validation' | 'rate-limit' | 'server' | 'network' | 'other';

export class ForgeError extends AethrError {
  override name = 'ForgeError';
  readonly kind: ForgeErrorKind;
  /** What was being done, in words: "create a comment on #7". */
  readonly operation: string;
  readonly status: number | undefined;
  constructor(
    operation: string,
    kind: ForgeErrorKind,
    detail: string,
    options: { status?: number; cause?: unknown; hint?: string } = {},
  ) {
    super(`GitHub API: could not ${operation}: ${detail}`, {
      cause: options.cause,
      hint: options.hint,
    });
    this.kind = kind;
    this.operation = operation;
    this.status = options.status;
  }
}

/** True when a write may have happened even though it failed (the answer was lost or a 5xx). */
export function mayHaveHappened(error: unknown): boolean {
  return error instanceof ForgeError && (error.kind === 'server' || error.kind === 'network');
}

/** GitHub refuses to let this token open pull requests (a repository or organisation setting). */
export class PullCreationForbidden extends Error {
  override name = 'PullCreationForbidden';
}

export function permissionAtLeast(actual: PermissionLevel, minimum: PermissionLevel): boolean {
  return PERMISSION_LEVELS.indexOf(actual) >= PERMISSION_LEVELS.indexOf(minimum);
}
