/**
 * The Workspace port: the git side of a GitHub run. A door gives the run one, and the run asks it
 * for the pull request's diff and for a work branch to commit to; nothing else touches git.
 *
 * Two implementations:
 * - `createCheckoutWorkspace`: the runner's checkout, as actions/checkout left it (the Action);
 * - `createCloneWorkspace`: a fresh clone in a temp folder, removed by `dispose` (the App).
 *
 * Either way the credential reaches only aethr's own network git commands (see safe-git.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BranchWorkspaceOptions, PrWorkspace, PrWorkspaceOptions } from './branch-types.js';
import { prepareBranchWorkspace, preparePrWorkspace } from './open-branch.js';
import { fetchPull } from './fetch-pull.js';
import { PULL_BASE_REF, PULL_HEAD_REF, diffRange, type PullRef } from './pull-diff.js';
import { redactGitText, urlSecrets } from './redact.js';
import { repoRoot, runGit } from './run-git.js';
import { Git, checkRemote, type GitAuth } from './safe-git.js';
import { HeadMoved, PrWorkspaceError } from './workspace-errors.js';

export type { PullRef } from './pull-diff.js';
export type { GitAuth } from './safe-git.js';

export interface Workspace {
  /** The working tree the engine reads context from and backends edit. */
  readonly root: string;
  /** `local`: a local preview; nothing is fetched, the PR's commits must be in the repository. */
  readonly kind: 'checkout' | 'clone' | 'local';
  /**
   * Makes the PR available (fetching what is missing; a clone also checks out its head) and
   * returns merge-base…head as git computes it, or undefined when the merge base is unreachable.
   */
  preparePull(pr: PullRef): Promise<string | undefined>;
  /** The PR's head branch checked out for commits (see open-branch.ts). */
  openPullBranch(options: Omit<PrWorkspaceOptions, 'root' | 'auth'>): Promise<PrWorkspace>;
  /** A branch aethr owns (`aethr/docs-sync`, `aethr/issue-12`), continued or started. */
  openOwnBranch(options: Omit<BranchWorkspaceOptions, 'root' | 'auth'>): Promise<PrWorkspace>;
  /** Removes what the workspace made (the clone); the runner's checkout is left as it is. */
  dispose(): Promise<void>;
}

export interface WorkspaceOptions {
  /** For fetch and push; without it, whatever the checkout has configured is used. */
  auth?: GitAuth;
}

function workspaceOn(
  root: string,
  kind: Workspace['kind'],
  options: WorkspaceOptions & { dispose?: () => Promise<void> },
): Workspace {
  const git = new Git(root, [], options.auth);
  return {
    root,
    kind,
    async preparePull(pr) {
      if (kind === 'local') return localPullDiff(git, pr);
      // Every command may fetch (blobs of a blob-less fetch arrive on demand): all with the
      // credential. A clone starts empty, so it fetches shallow and checks out the head.
      const fetched = await fetchPull(
        { run: (args, o) => git.remote(args, o) },
        {
          base: { branch: pr.base.ref, to: PULL_BASE_REF },
          head: { from: `refs/pull/${pr.number}/head`, to: PULL_HEAD_REF, sha: pr.head.sha },
          commits: pr.commits,
          ...(kind === 'clone' ? { shallow: true } : {}),
        },
      );
      // The run was authorised for this head: a branch that moved on (or was force-pushed) is
      // not reviewed in its place.
      if (fetched.head !== pr.head.sha) {
        const now = (await git.revParse(PULL_HEAD_REF)) ?? '';
        throw new HeadMoved(pr.head.ref, pr.head.sha, now);
      }
      if (kind === 'clone') {
        await git.remote([
          'checkout',
          '--quiet',
          '--detach',
          '--no-recurse-submodules',
          fetched.head,
        ]);
      }
      return fetched.mergeBase === undefined
        ? undefined
        : diffRange(git, fetched.mergeBase, fetched.head);
    },
    openPullBranch: (o) => preparePrWorkspace({ ...o, root, auth: options.auth }),
    openOwnBranch: (o) => prepareBranchWorkspace({ ...o, root, auth: options.auth }),
    dispose: options.dispose ?? (async () => {}),
  };
}

/** The runner's checkout at `root` (GITHUB_WORKSPACE). */
export async function createCheckoutWorkspace(
  root: string,
  options: WorkspaceOptions = {},
): Promise<Workspace> {
  return workspaceOn(await repoRoot(root), 'checkout', options);
}

/** A local repository for previews (`aethr pr --dry-run`): diffs what it has, fetches nothing. */
export async function createLocalWorkspace(root: string): Promise<Workspace> {
  return workspaceOn(await repoRoot(root), 'local', {});
}

/** merge-base…head from local commits: the PR's own when present, else the checked-out HEAD. */
async function localPullDiff(git: Git, pr: PullRef): Promise<string | undefined> {
  const have = async (rev: string) => (await git.revParse(`${rev}^{commit}`)) !== undefined;
  const head = (await have(pr.head.sha)) ? pr.head.sha : 'HEAD';
  const base = (await have(pr.base.sha))
    ? pr.base.sha
    : (await have(pr.base.ref))
      ? pr.base.ref
      : undefined;
  if (base === undefined) return undefined;
  const from = (await git.run(['merge-base', base, head], { okCodes: [1] })).stdout.trim();
  return from ? diffRange(git, from, head) : undefined;
}

export interface CloneOptions extends WorkspaceOptions {
  /** `https://github.com/owner/repo.git`, or any git URL; never with credentials in it. */
  cloneUrl: string;
  /** Where the temp folder goes (default the OS temp dir). */
  parentDir?: string;
}

/**
 * An empty repository in a new temp folder with `origin` set to `cloneUrl`: runs fetch only what
 * they need (shallow), and `dispose` removes the folder.
 */
export async function createCloneWorkspace(options: CloneOptions): Promise<Workspace> {
  checkRemote(options.cloneUrl, 'cloneUrl');
  if (urlSecrets(options.cloneUrl).length > 0) {
    throw new PrWorkspaceError(
      `The clone URL ${redactGitText(options.cloneUrl)} carries credentials; pass the token as auth instead.`,
    );
  }
  const dir = await mkdtemp(join(options.parentDir ?? tmpdir(), 'aethr-clone-'));
  try {
    await runGit(dir, ['init', '--quiet']);
    await runGit(dir, ['remote', 'add', 'origin', options.cloneUrl]);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return workspaceOn(dir, 'clone', {
    ...options,
    dispose: () => rm(dir, { recursive: true, force: true }),
  });
}
