/**
 * The stand-in's state: fixtures in, records tests can inspect out. Plain data only; the JSON
 * GitHub would send is built from these records by models.ts.
 */
import { createHash } from 'node:crypto';
import type { DiffFile, PatchLimits, Side } from './diff.js';
import type { DispatchRecord } from './routes-app.js';

export type PermissionLevel = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';
/** A collaborator permission, the HTTP status the permission endpoint answers with instead, or `hang` (no answer). */
export type PermissionSetting = PermissionLevel | 404 | 500 | 'hang';

export interface PullFixture {
  number: number;
  title?: string;
  body?: string | null;
  /** Login of the PR author (default `octocat`). */
  author?: string;
  head: {
    sha: string;
    ref: string;
    /** `owner/name` of the head repository; another repository makes the PR a fork PR. */
    repo?: string;
  };
  base: { sha: string; ref: string };
  draft?: boolean;
  maintainer_can_modify?: boolean;
  state?: 'open' | 'closed';
  merged?: boolean;
  labels?: string[];
  /** The PR's unified diff (merge-base…head), as `git diff` prints it. */
  diff: string;
  /** Files whose `patch` the files endpoint omits (as GitHub does for huge diffs). */
  omitPatchFor?: string[];
  /** The `commits` count `pulls/get` reports (default 1). */
  commits?: number;
  /** Thresholds above which `patch` is omitted. */
  patchLimits?: Partial<PatchLimits>;
  created_at?: string;
}

export interface IssueFixture {
  number: number;
  title: string;
  body?: string | null;
  author?: string;
  labels?: string[];
  state?: 'open' | 'closed';
  created_at?: string;
}

export interface IssueCommentFixture {
  /** Keep the id of a webhook payload's comment so reactions to it resolve. */
  id?: number;
  issue_number: number;
  body: string;
  author: string;
  created_at?: string;
}

export interface UserRecord {
  login: string;
  id: number;
  type: 'User' | 'Bot' | 'Organization';
}

export interface RepoRecord {
  id: number;
  owner: string;
  name: string;
  full_name: string;
  default_branch: string;
  private: boolean;
  fork: boolean;
  /** For forks: the repository they were forked from. */
  parent?: string;
  created_at: string;
}

export interface PullData {
  id: number;
  head: { sha: string; ref: string; repo: string };
  base: { sha: string; ref: string };
  draft: boolean;
  maintainer_can_modify: boolean;
  merged: boolean;
  /** What `pulls/get` reports as `commits`. */
  commits: number;
  diff: string;
  files: DiffFile[];
  /** Files of every head the PR has had (review comments may target an earlier commit). */
  filesAt: Map<string, DiffFile[]>;
  omitPatchFor: string[];
  patchLimits: Partial<PatchLimits>;
}

export interface IssueRecord {
  number: number;
  id: number;
  title: string;
  body: string | null;
  user: string;
  labels: string[];
  state: 'open' | 'closed';
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  /** Present when the issue is a pull request. */
  pull?: PullData;
}

export interface IssueCommentRecord {
  id: number;
  issue_number: number;
  body: string;
  user: string;
  created_at: string;
  updated_at: string;
}

export interface ReactionRecord {
  id: number;
  comment_id: number;
  content: string;
  user: string;
  created_at: string;
}

export interface ReviewRecord {
  id: number;
  pull_number: number;
  user: string;
  body: string;
  state: 'COMMENTED' | 'APPROVED' | 'CHANGES_REQUESTED' | 'PENDING';
  commit_id: string;
  submitted_at?: string;
}

export interface ReviewCommentRecord {
  id: number;
  pull_number: number;
  review_id: number;
  path: string;
  body: string;
  line: number | null;
  side: Side;
  start_line: number | null;
  start_side: Side | null;
  position: number | null;
  subject_type: 'line' | 'file';
  diff_hunk: string;
  commit_id: string;
  user: string;
  in_reply_to_id?: number;
  created_at: string;
  updated_at: string;
}

export interface CheckRunRecord {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  started_at: string | null;
  completed_at: string | null;
  external_id: string | null;
  details_url: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  /** Every annotation sent, in order (GitHub appends each request's to the run's). */
  annotations: Array<Record<string, unknown>>;
  /** How many requests sent annotations, and the most in one. */
  annotationRequests: number[];
}

/** A review (or single review comment) GitHub would refuse, with the reasons. */
export interface RejectedReview {
  pull_number: number;
  operationId: string;
  errors: string[];
  comments: unknown[];
}

export function nowIso(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** GitHub-style global node id (`PR_kwDO…`). */
export function nodeId(prefix: string, id: number): string {
  return `${prefix}_kwDO${Buffer.from(`${prefix}:${id}`).toString('base64url')}`;
}

export function fakeSha(seed: string): string {
  return createHash('sha1').update(seed).digest('hex');
}

export class StandinState {
  readonly users = new Map<string, UserRecord>();
  readonly repos = new Map<string, RepoRecord>();
  readonly issues = new Map<number, IssueRecord>();
  readonly issueComments: IssueCommentRecord[] = [];
  readonly reactions: ReactionRecord[] = [];
  readonly reviews: ReviewRecord[] = [];
  readonly reviewComments: ReviewCommentRecord[] = [];
  readonly checkRuns: CheckRunRecord[] = [];
  readonly rejectedReviews: RejectedReview[] = [];
  /** Labels removed, in order, as `{ issue_number, name }`. */
  readonly removedLabels: Array<{ issue_number: number; name: string }> = [];
  /** Branch name → head SHA, for refs, contents aliases and PR creation. */
  readonly branches = new Map<string, string>();
  /** ref → path → text, for the contents endpoint. */
  readonly contents = new Map<string, Map<string, string>>();
  readonly permissions = new Map<string, PermissionSetting>();
  /** `repository_dispatch` and `workflow_dispatch` requests, in order. */
  readonly dispatches: DispatchRecord[] = [];
  private nextUserId = 5_000_001;
  private nextId = 2_000_000_001;

  /** Every pull request, in number order. */
  get pulls(): Array<IssueRecord & { pull: PullData }> {
    return [...this.issues.values()]
      .filter((i): i is IssueRecord & { pull: PullData } => i.pull !== undefined)
      .sort((a, b) => a.number - b.number);
  }

  pull(number: number): (IssueRecord & { pull: PullData }) | undefined {
    const issue = this.issues.get(number);
    return issue?.pull ? (issue as IssueRecord & { pull: PullData }) : undefined;
  }

  /** A fresh id, never one a fixture already uses. */
  id(): number {
    return this.nextId++;
  }

  reserveId(id: number): void {
    if (id >= this.nextId) this.nextId = id + 1;
  }

  user(login: string): UserRecord {
    const key = login.toLowerCase();
    let user = this.users.get(key);
    if (!user) {
      const type = login.endsWith('[bot]') ? 'Bot' : 'User';
      const id = login === 'github-actions[bot]' ? 41898282 : this.nextUserId++;
      user = { login, id, type };
      this.users.set(key, user);
    }
    return user;
  }

  repo(fullName: string): RepoRecord | undefined {
    return this.repos.get(fullName.toLowerCase());
  }

  addRepo(repo: RepoRecord): void {
    this.repos.set(repo.full_name.toLowerCase(), repo);
  }

  nextIssueNumber(): number {
    return Math.max(0, ...this.issues.keys()) + 1;
  }
}
