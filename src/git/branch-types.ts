/**
 * The vocabulary of a work branch: the branch aethr commits to during an implement run (a PR's
 * head branch, or a branch aethr owns such as `aethr/docs-sync`), how it is opened, and what a
 * push can answer.
 */
import type { CommitMessage } from './commit-message.js';
import type { GitAuth } from './safe-git.js';

export interface GitIdentity {
  name: string;
  email: string;
}

export const DEFAULT_IDENTITY: Readonly<GitIdentity> = Object.freeze({
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
});

export const DEFAULT_MAX_BOT_COMMITS = 10;
/** History fetched at first on a shallow clone. */
export const INITIAL_FETCH_DEPTH = 50;
/** The all-zero object name: what `remoteSha` holds when the branch no longer exists. */
export const NULL_SHA = '0000000000000000000000000000000000000000';

export interface PrWorkspaceOptions {
  /** The checked-out repository (whatever actions/checkout left: merge commit depth 1, or the default branch for issue_comment). */
  root: string;
  prNumber: number;
  /** PR head branch name. */
  headRef: string;
  /** The head the run starts from. */
  headSha: string;
  /** Default 'origin'. */
  remote?: string;
  /** Where to push: default the `remote`; for a fork PR the fork's URL (only when allowed, see push-policy.ts). */
  pushUrl?: string;
  identity?: GitIdentity;
  /** Max commits by `identity` on the branch (since the merge base with `baseRef`) before the run refuses to add more. Default 10. */
  maxBotCommits?: number;
  /** The PR's base branch. Default: the remote's default branch (`ls-remote --symref <remote> HEAD`). */
  baseRef?: string;
  /** The credential for fetch and push (otherwise whatever the checkout has configured). */
  auth?: GitAuth;
}

export type PushResult =
  | { ok: true; sha: string }
  | { ok: false; reason: 'head-moved'; remoteSha: string; message: string }
  | { ok: false; reason: 'rejected' | 'forbidden'; message: string };

export interface PrWorkspace {
  readonly root: string;
  /** Local branch name used for work, e.g. aethr/pr-7. */
  readonly branch: string;
  readonly startSha: string;
  /** The head we expect on the remote now (startSha, then each of our pushed commits). */
  readonly expectedHead: string;
  readonly headRef: string;
  /** The base branch used for counting bot commits (undefined when it could not be told). */
  readonly baseRef: string | undefined;
  /** Merge base of the head and the base branch (undefined when not found in fetched history). */
  readonly mergeBase: string | undefined;
  readonly identity: Readonly<GitIdentity>;
  readonly maxBotCommits: number;
  /**
   * Commits everything changed in the tree (tracked changes and new untracked, not ignored, files)
   * as ONE commit; returns undefined when nothing changed. A `provisional` commit is one that
   * `squash` will fold away before anything is pushed, so the bot-commit cap is checked there.
   */
  commit(message: CommitMessage, options?: { provisional?: boolean }): Promise<string | undefined>;
  /**
   * Folds every commit after `since` into one commit with `message` (the bot-commit cap is
   * checked for it); returns undefined when those commits add up to no change.
   */
  squash(since: string, message: CommitMessage): Promise<string | undefined>;
  /** The local HEAD commit. */
  localHead(): Promise<string>;
  /** Commits of this branch since it left its base (newest first), sha and subject. */
  log(): Promise<Array<{ sha: string; subject: string }>>;
  /** Pushes HEAD to refs/heads/<headRef> only if the remote branch is still `expectedHead`; never forces. */
  push(): Promise<PushResult>;
  /**
   * Resets the tree to the last commit (or to `to`, dropping local commits after it) and removes
   * untracked files we created (used on failure so nothing half-done stays).
   */
  discardChanges(to?: string): Promise<void>;
  /** Commits on HEAD since the merge base whose author email is the identity's. */
  botCommitCount(): Promise<number>;
  /** Throws BotCommitCapReached when another commit would exceed the cap (call before costly work). */
  assertCanCommit(): Promise<void>;
  /**
   * What the base branch did since this branch left it (an existing branch aethr owns), or its
   * last `firstRange` commits (a new branch): docs-sync's view of recent changes.
   */
  baseChanges(firstRange: number): Promise<{ patch: string; label: string }>;
  /**
   * Branches and tags on the remote this branch pushes to, read with aethr's credential: taken
   * before and after repository code runs, so a ref it moved is caught.
   */
  remoteRefs(): Promise<Record<string, string>>;
  /** `git format-patch` of our commits since startSha (for fork PRs we may not push to). */
  formatPatch(options?: {
    maxBytes?: number;
  }): Promise<{ patch: string; commits: number; truncated: boolean }>;
}

export interface BranchWorkspaceOptions {
  root: string;
  /** The branch aethr owns and pushes, e.g. `aethr/docs-sync` or `aethr/issue-12`. */
  branch: string;
  /** Where a new branch starts (the default branch). */
  baseRef: string;
  remote?: string;
  identity?: GitIdentity;
  maxBotCommits?: number;
  auth?: GitAuth;
}

export function short(sha: string): string {
  return sha.slice(0, 12);
}
