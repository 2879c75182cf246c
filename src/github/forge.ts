/**
 * The Forge port: the GitHub API calls a door needs, and nothing else. The Octokit
 * implementation lives in octokit-forge.ts; tests run it against a REST stand-in.
 */

export const PERMISSION_LEVELS = ['none', 'read', 'triage', 'write', 'maintain', 'admin'] as const;
export type PermissionLevel = (typeof PERMISSION_LEVELS)[number];

export interface PullInfo {
  number: number;
  title: string;
  body: string;
  draft: boolean;
  state: string;
  author: string;
  headSha: string;
  headRef: string;
  headRepo: string;
  baseSha: string;
  baseRef: string;
  baseRepo: string;
  maintainerCanModify: boolean;
  htmlUrl: string;
  /** Commits on the PR, as `pulls.get` counts them now (a webhook payload's count may be stale). */
  commits?: number;
}

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

export interface Forge {
  readonly owner: string;
  readonly repo: string;
  getPermission(username: string): Promise<PermissionLevel>;
  getPull(number: number): Promise<PullInfo>;
  /** The PR's unified diff (merge-base...head), or undefined when GitHub refuses (too large). */
  getPullDiff(number: number): Promise<string | undefined>;
  listPullFiles(number: number): Promise<PullFile[]>;
  listIssueComments(number: number): Promise<ForgeComment[]>;
  createIssueComment(number: number, body: string): Promise<ForgeComment>;
  updateIssueComment(id: number, body: string): Promise<ForgeComment>;
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
}

/** GitHub refuses to let this token open pull requests (a repository or organisation setting). */
export class PullCreationForbidden extends Error {
  override name = 'PullCreationForbidden';
}

export function permissionAtLeast(actual: PermissionLevel, minimum: PermissionLevel): boolean {
  return PERMISSION_LEVELS.indexOf(actual) >= PERMISSION_LEVELS.indexOf(minimum);
}
