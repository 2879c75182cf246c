/**
 * Opening a work branch: the pull request's head branch fetched from whatever actions/checkout
 * left (the merge commit at depth 1 for `pull_request`, the default branch for `issue_comment`),
 * or a branch aethr owns, continued from its remote tip. Either is checked out on a local work
 * branch at the commit the run starts from.
 */
import type {
  BranchWorkspaceOptions,
  GitIdentity,
  PrWorkspace,
  PrWorkspaceOptions,
} from './branch-types.js';
import {
  DEFAULT_IDENTITY,
  DEFAULT_MAX_BOT_COMMITS,
  INITIAL_FETCH_DEPTH,
  NULL_SHA,
  short,
} from './branch-types.js';
import { urlSecrets } from './redact.js';
import { GitError, repoRoot } from './run-git.js';
import {
  Git,
  SHA_RE,
  checkBranchName,
  checkIdentity,
  checkOption,
  checkRemote,
} from './safe-git.js';
import { parseStatusZ } from './tree-changes.js';
import { WorkBranch } from './work-branch.js';
import { HeadMoved, PrWorkspaceError, WorkspaceNotClean } from './workspace-errors.js';

/** Deepening steps tried (doubling from INITIAL_FETCH_DEPTH) while looking for the merge base. */
const DEEPEN_STEPS = 6;

/**
 * Fetches the PR head, checks the remote branch is still at `headSha`, refuses a dirty tree and
 * checks out `aethr/pr-<n>` at `headSha` (never the merge commit).
 */
export async function preparePrWorkspace(options: PrWorkspaceOptions): Promise<PrWorkspace> {
  const root = await repoRoot(options.root);
  const remote = options.remote ?? 'origin';
  const identity: GitIdentity = { ...(options.identity ?? DEFAULT_IDENTITY) };
  const maxBotCommits = options.maxBotCommits ?? DEFAULT_MAX_BOT_COMMITS;
  const headSha = String(options.headSha ?? '').toLowerCase();
  const n = options.prNumber;
  await checkPrOptions(root, options, { remote, identity, maxBotCommits, headSha });

  const git = new Git(root, [...urlSecrets(options.pushUrl), ...urlSecrets(remote)], options.auth);
  const pushTarget = options.pushUrl ?? remote;
  const headRef = options.headRef;

  // 1. A dirty tree would end up in our commits: refuse it (untracked files are recorded below
  //    and left alone; ignored files are fine).
  await refuseDirtyTree(git);

  // 2. The branch must still be where the run started.
  const remoteHead = await git.lsRemoteBranch(pushTarget, headRef);
  if (remoteHead === undefined) throw new HeadMoved(headRef, headSha, NULL_SHA);
  if (remoteHead !== headSha) throw new HeadMoved(headRef, headSha, remoteHead);

  // 3. Fetch the head (and the base, for counting bot commits) into private refs.
  const prefix = `refs/remotes/aethr/pr-${n}`;
  const baseRef = options.baseRef ?? (await git.remoteDefaultBranch(remote));
  if (baseRef !== undefined && options.baseRef === undefined) {
    await checkBranchName(root, baseRef, 'default branch');
  }
  let refspecs = [`+refs/pull/${n}/head:${prefix}/head`];
  if (options.pushUrl === undefined) refspecs.push(`+refs/heads/${headRef}:${prefix}/branch`);
  if (baseRef !== undefined) refspecs.push(`+refs/heads/${baseRef}:${prefix}/base`);
  const fetchArgs = [...FETCH_ARGS, ...(await depthArgs(git))];
  refspecs = await fetchTolerant(git, [...fetchArgs, remote], refspecs, remote);

  if ((await git.revParse(`${headSha}^{commit}`)) === undefined) {
    // The pull ref moved on or does not exist here (not GitHub): ask for the commit itself,
    // from where the branch lives.
    await git.network(
      [...fetchArgs, pushTarget, headSha],
      `fetching ${short(headSha)} from ${git.redact(pushTarget)}`,
    );
    if ((await git.revParse(`${headSha}^{commit}`)) === undefined) {
      throw new PrWorkspaceError(
        `The pull request head ${short(headSha)} could not be fetched from ${git.redact(pushTarget)}.`,
      );
    }
  }

  // 4. Work on the head, never on the merge commit.
  const branch = `aethr/pr-${n}`;
  try {
    await checkoutBranch(git, branch, headSha);
  } catch (error) {
    throw new PrWorkspaceError(
      `Could not check out the pull request head ${short(headSha)} on ${branch}: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
        hint: 'Untracked files that the head branch tracks block the checkout; start from a fresh checkout.',
      },
    );
  }

  // 5. The merge base, deepening a shallow clone as needed.
  const mergeBase =
    baseRef === undefined
      ? undefined
      : await findMergeBase(git, headSha, `${prefix}/base`, remote, refspecs);

  // 6. What was already untracked is never committed and never removed.
  return new WorkBranch({
    git,
    root,
    branch,
    startSha: headSha,
    headRef,
    baseRef,
    mergeBase,
    baseTipRef: baseRef === undefined ? undefined : `${prefix}/base`,
    pushTarget,
    identity,
    maxBotCommits,
    ...(await untrackedBefore(git)),
  });
}

/**
 * A workspace on a branch aethr owns: it continues from the branch's remote tip when the branch
 * exists (so every push is a fast-forward), or starts it from `baseRef`. Pushes never force: if
 * someone else moved the branch meanwhile, the push reports `head-moved`.
 */
export async function prepareBranchWorkspace(
  options: BranchWorkspaceOptions,
): Promise<PrWorkspace> {
  const root = await repoRoot(options.root);
  const remote = options.remote ?? 'origin';
  const identity: GitIdentity = { ...(options.identity ?? DEFAULT_IDENTITY) };
  checkRemote(remote, 'remote');
  checkIdentity(identity);
  await checkBranchName(root, options.branch, 'branch');
  await checkBranchName(root, options.baseRef, 'baseRef');
  const git = new Git(root, urlSecrets(remote), options.auth);

  await refuseDirtyTree(git);

  const existing = await git.lsRemoteBranch(remote, options.branch);
  const prefix = `refs/remotes/aethr/${options.branch}`;
  const refspecs = [`+refs/heads/${options.baseRef}:${prefix}/base`];
  if (existing) refspecs.push(`+refs/heads/${options.branch}:${prefix}/tip`);
  await git.network(
    [...FETCH_ARGS, ...(await depthArgs(git)), remote, ...refspecs],
    `git fetch ${git.redact(remote)}`,
  );
  const start = existing ? `${prefix}/tip` : `${prefix}/base`;
  const startSha = await git.revParse(`${start}^{commit}`);
  if (startSha === undefined)
    throw new PrWorkspaceError(`Could not fetch ${start} from ${git.redact(remote)}.`);
  const branch = `aethr/work-${options.branch.replace(/[^A-Za-z0-9._-]/g, '-')}`;
  await checkoutBranch(git, branch, startSha);
  const mergeBase = existing
    ? await findMergeBase(git, startSha, `${prefix}/base`, remote, refspecs)
    : startSha;
  return new WorkBranch({
    git,
    root,
    branch,
    startSha,
    expectedRemote: existing ?? NULL_SHA,
    headRef: options.branch,
    baseRef: options.baseRef,
    mergeBase,
    baseTipRef: `${prefix}/base`,
    pushTarget: remote,
    identity,
    maxBotCommits: options.maxBotCommits ?? DEFAULT_MAX_BOT_COMMITS,
    ...(await untrackedBefore(git)),
  });
}

const FETCH_ARGS = [
  'fetch',
  '--quiet',
  '--no-tags',
  '--no-recurse-submodules',
  '--no-write-fetch-head',
];

/** In a shallow clone a fetch asks for INITIAL_FETCH_DEPTH commits, not the whole history. */
async function depthArgs(git: Git): Promise<string[]> {
  return (await git.isShallow()) ? [`--depth=${INITIAL_FETCH_DEPTH}`] : [];
}

/** `branch` (re)made at `sha` and checked out; through `remote` for a partial clone's blobs. */
async function checkoutBranch(git: Git, branch: string, sha: string): Promise<void> {
  await git.remote([
    'checkout',
    '--quiet',
    '--no-track',
    '--no-recurse-submodules',
    '-B',
    branch,
    sha,
  ]);
}

/** What is untracked when the work starts: never committed and never removed. */
async function untrackedBefore(
  git: Git,
): Promise<{ preexisting: Set<string>; preexistingDirs: Set<string> }> {
  return {
    preexisting: new Set(await git.untracked(false)),
    preexistingDirs: new Set((await git.untracked(true)).filter((p) => p.endsWith('/'))),
  };
}

async function checkPrOptions(
  root: string,
  options: PrWorkspaceOptions,
  o: { remote: string; identity: GitIdentity; maxBotCommits: number; headSha: string },
): Promise<void> {
  const n = options.prNumber;
  checkOption(Number.isSafeInteger(n) && n > 0, `prNumber ${String(n)}`);
  checkOption(
    SHA_RE.test(o.headSha),
    `headSha ${JSON.stringify(options.headSha)} is not a full commit sha`,
  );
  checkOption(
    Number.isInteger(o.maxBotCommits) && o.maxBotCommits >= 0,
    `maxBotCommits ${String(o.maxBotCommits)}`,
  );
  checkRemote(o.remote, 'remote');
  if (options.pushUrl !== undefined) checkRemote(options.pushUrl, 'pushUrl');
  checkIdentity(o.identity);
  await checkBranchName(root, options.headRef, 'headRef');
  if (options.baseRef !== undefined) await checkBranchName(root, options.baseRef, 'baseRef');
}

/** Uncommitted changes to tracked files would end up in our commits. */
async function refuseDirtyTree(git: Git): Promise<void> {
  const dirty = await git.run(['status', '--porcelain=v1', '-z', '--untracked-files=no']);
  const dirtyPaths = parseStatusZ(dirty.stdout).map((entry) => entry.path);
  if (dirtyPaths.length > 0) throw new WorkspaceNotClean(dirtyPaths);
}

/** Fetches `refspecs`; refspecs whose source the remote lacks are dropped (and returned without). */
async function fetchTolerant(
  git: Git,
  args: string[],
  refspecs: string[],
  remote: string,
): Promise<string[]> {
  let specs = [...refspecs];
  for (;;) {
    try {
      await git.remote([...args, ...specs]);
      return specs;
    } catch (error) {
      const stderr = error instanceof GitError ? error.stderr : '';
      const missing = [...stderr.matchAll(/couldn't find remote ref (\S+)/gi)].map((m) => m[1]);
      const rest = specs.filter((s) => !missing.some((ref) => s.startsWith(`+${ref}:`)));
      if (missing.length === 0 || rest.length === specs.length)
        throw git.wrap(error, `git fetch ${git.redact(remote)}`);
      if (rest.length === 0) return rest;
      specs = rest;
    }
  }
}

async function findMergeBase(
  git: Git,
  head: string,
  base: string,
  remote: string,
  refspecs: string[],
): Promise<string | undefined> {
  if ((await git.revParse(base)) === undefined) return undefined;
  for (let step = 0; ; step += 1) {
    const res = await git.run(['merge-base', head, base], { okCodes: [1] });
    if (res.code === 0 && res.stdout.trim() !== '') return res.stdout.trim();
    if (step >= DEEPEN_STEPS || !(await git.isShallow())) return undefined;
    const deepen = INITIAL_FETCH_DEPTH * 2 ** step;
    await git.network(
      [...FETCH_ARGS, `--deepen=${deepen}`, remote, ...refspecs],
      `deepening the history by ${deepen} commits`,
    );
  }
}
