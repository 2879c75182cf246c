/**
 * The pull request's head branch as a place to work: fetched from whatever actions/checkout left
 * (the merge commit at depth 1 for `pull_request`, the default branch for `issue_comment`),
 * checked out on a local work branch at the head the run starts from, committed to as one
 * commit per implement iteration, and pushed only while the remote branch is still where we
 * expect it — never forced.
 *
 * Safety: every git command runs with hooks disabled (`core.hooksPath` points at the null
 * device, `--no-verify`), fsmonitor off, `ext::` transports off and signing off, set through
 * GIT_CONFIG_* environment variables — never by writing the user's config. Our identity is set
 * through GIT_AUTHOR_* / GIT_COMMITTER_*.
 */
import { devNull } from 'node:os';
import { AethrError } from '../errors.js';
import { renderCommitMessage } from './commit-message.js';
import type { CommitMessage } from './commit-message.js';
import { classifyPushFailure, pushFailureSummary } from './push-outcome.js';
import { redactGitText, urlSecrets } from './redact.js';
import { GitError, repoRoot, runGit } from './run-git.js';
import type { RunGitOptions, RunGitResult } from './run-git.js';

export { formatCommitMessage } from './commit-message.js';
export type { CommitMessage } from './commit-message.js';

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
/** Deepening steps tried (doubling from INITIAL_FETCH_DEPTH) while looking for the merge base. */
const DEEPEN_STEPS = 6;
/** Commits looked at when counting bot commits without a merge base. */
const COUNT_WITHOUT_BASE_LIMIT = 1000;
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
  /** Commits everything changed in the tree (tracked changes and new untracked, not ignored, files) as ONE commit; returns undefined when nothing changed. */
  commit(message: CommitMessage): Promise<string | undefined>;
  /** Pushes HEAD to refs/heads/<headRef> only if the remote branch is still `expectedHead`; never forces. */
  push(): Promise<PushResult>;
  /** Resets the tree to the last commit and removes untracked files we created (used on failure so nothing half-done stays). */
  discardChanges(): Promise<void>;
  /** Commits on HEAD since the merge base whose author email is the identity's. */
  botCommitCount(): Promise<number>;
  /** Throws BotCommitCapReached when another commit would exceed the cap (call before costly work). */
  assertCanCommit(): Promise<void>;
  /** `git format-patch` of our commits since startSha (for fork PRs we may not push to). */
  formatPatch(options?: {
    maxBytes?: number;
  }): Promise<{ patch: string; commits: number; truncated: boolean }>;
}

// ---------------------------------------------------------------------------------------------
// Errors

export class PrWorkspaceError extends AethrError {
  override name = 'PrWorkspaceError';
}

/** The PR head branch is not where the run expected it. */
export class HeadMoved extends AethrError {
  override name = 'HeadMoved';
  readonly branch: string;
  readonly expectedSha: string;
  /** The branch's head on the remote now; NULL_SHA when the branch is gone. */
  readonly remoteSha: string;
  constructor(branch: string, expectedSha: string, remoteSha: string) {
    const gone = remoteSha === NULL_SHA;
    super(
      gone
        ? `The pull request branch ${branch} no longer exists on the remote (expected it at ${short(expectedSha)}).`
        : `The pull request branch ${branch} moved: expected ${short(expectedSha)}, the remote has ${short(remoteSha)}. Someone pushed since the run started.`,
      {
        hint: gone
          ? 'Nothing was changed. Re-open or re-push the branch and run again.'
          : 'Nothing was pushed over their work. Run again to start from the new head.',
      },
    );
    this.branch = branch;
    this.expectedSha = expectedSha;
    this.remoteSha = remoteSha;
  }
}

/** The branch already has as many commits by the bot as allowed. */
export class BotCommitCapReached extends AethrError {
  override name = 'BotCommitCapReached';
  readonly count: number;
  readonly max: number;
  constructor(count: number, max: number, email: string) {
    super(
      `This pull request already has ${count} commit${count === 1 ? '' : 's'} by ${email}; the cap is ${max}, so aethr adds no more.`,
      {
        hint: 'Raise the cap with the action input `max-bot-commits` (for example `max-bot-commits: 20`), or squash the earlier bot commits.',
      },
    );
    this.count = count;
    this.max = max;
  }
}

/** The working tree has uncommitted changes to tracked files (or staged changes). */
export class WorkspaceNotClean extends AethrError {
  override name = 'WorkspaceNotClean';
  readonly paths: string[];
  constructor(paths: string[]) {
    const shown = paths.slice(0, 10).join(', ');
    super(
      `The working tree has uncommitted changes (${shown}${paths.length > 10 ? `, and ${paths.length - 10} more` : ''}); aethr will not mix its commits with them.`,
      {
        hint: 'Run aethr on a fresh checkout, or commit or stash those changes in an earlier step (ignored files are fine).',
      },
    );
    this.paths = paths;
  }
}

function short(sha: string): string {
  return sha.slice(0, 12);
}

// ---------------------------------------------------------------------------------------------
// Input checks

const SHA_RE = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function checkOption(ok: boolean, what: string): void {
  if (!ok) throw new PrWorkspaceError(`Invalid pull request workspace option: ${what}`);
}

async function checkBranchName(root: string, name: string, what: string): Promise<void> {
  checkOption(
    name !== '' && !name.startsWith('-') && !CONTROL.test(name),
    `${what} ${JSON.stringify(name)}`,
  );
  const res = await runGit(root, ['check-ref-format', `refs/heads/${name}`], { okCodes: [1] });
  checkOption(res.code === 0, `${what} ${JSON.stringify(name)} is not a valid branch name`);
}

function checkIdentity(identity: GitIdentity): void {
  for (const [key, value] of Object.entries(identity) as [string, string][]) {
    checkOption(
      typeof value === 'string' &&
        value.trim() !== '' &&
        !CONTROL.test(value) &&
        !/[<>]/.test(value),
      `identity.${key} ${JSON.stringify(value)}`,
    );
  }
}

function checkRemote(value: string, what: string): void {
  checkOption(
    value !== '' &&
      !value.startsWith('-') &&
      !CONTROL.test(value) &&
      !/\s/.test(value) &&
      // `<transport>::<address>` runs a remote helper (ext:: runs commands); not for us.
      !/^[A-Za-z][A-Za-z0-9+.-]*::/.test(value),
    `${what} ${JSON.stringify(redactGitText(value, urlSecrets(value)))}`,
  );
}

// ---------------------------------------------------------------------------------------------
// git with our safety settings

const SAFE_CONFIG: ReadonlyArray<readonly [string, string]> = [
  ['core.hooksPath', devNull],
  ['core.fsmonitor', 'false'],
  ['protocol.ext.allow', 'never'],
  ['commit.gpgSign', 'false'],
  ['push.gpgSign', 'false'],
  ['log.showSignature', 'false'],
  ['submodule.recurse', 'false'],
  ['fetch.recurseSubmodules', 'false'],
  ['push.recurseSubmodules', 'no'],
  ['gc.auto', '0'],
  ['maintenance.auto', 'false'],
  ['advice.detachedHead', 'false'],
];

/** GIT_CONFIG_COUNT/KEY/VALUE settings appended to any the environment already has. */
function safeConfigEnv(): Record<string, string> {
  const existing = Number.parseInt(process.env.GIT_CONFIG_COUNT ?? '', 10);
  const base = Number.isInteger(existing) && existing > 0 ? existing : 0;
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(base + SAFE_CONFIG.length) };
  SAFE_CONFIG.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${base + i}`] = key;
    env[`GIT_CONFIG_VALUE_${base + i}`] = value;
  });
  return env;
}

function splitZ(text: string): string[] {
  return text.split('\0').filter((s) => s !== '');
}

class Git {
  private readonly env: Record<string, string>;
  constructor(
    readonly root: string,
    private readonly secrets: string[],
  ) {
    this.env = safeConfigEnv();
  }

  /** A local command: GitErrors pass through unchanged. */
  run(args: readonly string[], opts: RunGitOptions = {}): Promise<RunGitResult> {
    return runGit(this.root, args, { ...opts, env: { ...this.env, ...opts.env } });
  }

  /** A command that talks to a remote: failures become a PrWorkspaceError with credentials redacted. */
  async network(
    args: readonly string[],
    what: string,
    opts: RunGitOptions = {},
  ): Promise<RunGitResult> {
    try {
      return await this.run(args, opts);
    } catch (error) {
      throw this.wrap(error, what);
    }
  }

  redact(text: string): string {
    return redactGitText(text, this.secrets);
  }

  wrap(error: unknown, what: string): PrWorkspaceError {
    if (error instanceof GitError) {
      const detail = this.redact(pushFailureSummary(error.stderr) || error.message);
      return new PrWorkspaceError(`${what} failed: ${detail}`, {
        hint:
          error.kind === 'timeout' ? 'The remote did not answer in time; try again.' : undefined,
      });
    }
    return new PrWorkspaceError(
      `${what} failed: ${this.redact(error instanceof Error ? error.message : String(error))}`,
    );
  }

  async revParse(rev: string): Promise<string | undefined> {
    const res = await this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', rev], {
      okCodes: [1],
    });
    return res.code === 0 ? res.stdout.trim() : undefined;
  }

  async isShallow(): Promise<boolean> {
    const res = await this.run(['rev-parse', '--is-shallow-repository']);
    return res.stdout.trim() === 'true';
  }

  /** The sha of `refs/heads/<branch>` on `target`, or undefined when there is no such branch. */
  async lsRemoteBranch(target: string, branch: string): Promise<string | undefined> {
    const ref = `refs/heads/${branch}`;
    const res = await this.network(
      ['ls-remote', '--refs', target, ref],
      `git ls-remote ${this.redact(target)} ${ref}`,
    );
    for (const line of res.stdout.split('\n')) {
      const [sha, name] = line.trim().split(/\s+/);
      // ls-remote matches patterns by their tail; only the exact ref counts.
      if (name === ref && sha !== undefined && SHA_RE.test(sha)) return sha;
    }
    return undefined;
  }

  /** The remote's default branch (`HEAD -> refs/heads/<name>`), when it says. */
  async remoteDefaultBranch(remote: string): Promise<string | undefined> {
    try {
      const res = await this.run(['ls-remote', '--symref', remote, 'HEAD']);
      const m = /^ref:\s+refs\/heads\/(\S+)\s+HEAD$/m.exec(res.stdout);
      return m?.[1];
    } catch {
      return undefined;
    }
  }

  async untracked(directory: boolean): Promise<string[]> {
    const args = ['ls-files', '--others', '--exclude-standard', '-z'];
    if (directory) args.push('--directory');
    return splitZ((await this.run(args)).stdout);
  }
}

// ---------------------------------------------------------------------------------------------

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

  checkOption(Number.isSafeInteger(n) && n > 0, `prNumber ${String(n)}`);
  checkOption(
    SHA_RE.test(headSha),
    `headSha ${JSON.stringify(options.headSha)} is not a full commit sha`,
  );
  checkOption(
    Number.isInteger(maxBotCommits) && maxBotCommits >= 0,
    `maxBotCommits ${String(maxBotCommits)}`,
  );
  checkRemote(remote, 'remote');
  if (options.pushUrl !== undefined) checkRemote(options.pushUrl, 'pushUrl');
  checkIdentity(identity);
  await checkBranchName(root, options.headRef, 'headRef');
  if (options.baseRef !== undefined) await checkBranchName(root, options.baseRef, 'baseRef');

  const git = new Git(root, [...urlSecrets(options.pushUrl), ...urlSecrets(remote)]);
  const pushTarget = options.pushUrl ?? remote;
  const headRef = options.headRef;

  // 1. A dirty tree would end up in our commits: refuse it (untracked files are recorded below
  //    and left alone; ignored files are fine).
  const dirty = await git.run(['status', '--porcelain=v1', '-z', '--untracked-files=no']);
  const dirtyPaths = splitZ(dirty.stdout)
    .filter((entry) => /^[ MADRCUT?!]{2} /.test(entry))
    .map((entry) => entry.slice(3));
  if (dirtyPaths.length > 0) throw new WorkspaceNotClean(dirtyPaths);

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
  const shallow = await git.isShallow();
  const fetchArgs = [
    'fetch',
    '--quiet',
    '--no-tags',
    '--no-recurse-submodules',
    '--no-write-fetch-head',
  ];
  refspecs = await fetchTolerant(
    git,
    [...fetchArgs, ...(shallow ? [`--depth=${INITIAL_FETCH_DEPTH}`] : []), remote],
    refspecs,
    remote,
  );

  if ((await git.revParse(`${headSha}^{commit}`)) === undefined) {
    // The pull ref moved on or does not exist here (not GitHub): ask for the commit itself,
    // from where the branch lives.
    await git.network(
      [...fetchArgs, ...(shallow ? [`--depth=${INITIAL_FETCH_DEPTH}`] : []), pushTarget, headSha],
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
    await git.run([
      'checkout',
      '--quiet',
      '--no-track',
      '--no-recurse-submodules',
      '-B',
      branch,
      headSha,
    ]);
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
  const preexisting = new Set(await git.untracked(false));
  const preexistingDirs = new Set((await git.untracked(true)).filter((p) => p.endsWith('/')));

  return new Workspace({
    git,
    root,
    branch,
    startSha: headSha,
    headRef,
    baseRef,
    mergeBase,
    pushTarget,
    identity,
    maxBotCommits,
    preexisting,
    preexistingDirs,
  });
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
  const git = new Git(root, urlSecrets(remote));

  const dirty = await git.run(['status', '--porcelain=v1', '-z', '--untracked-files=no']);
  const dirtyPaths = splitZ(dirty.stdout).map((entry) => entry.slice(3));
  if (dirtyPaths.length > 0) throw new WorkspaceNotClean(dirtyPaths);

  const existing = await git.lsRemoteBranch(remote, options.branch);
  const prefix = `refs/remotes/aethr/${options.branch}`;
  const refspecs = [`+refs/heads/${options.baseRef}:${prefix}/base`];
  if (existing) refspecs.push(`+refs/heads/${options.branch}:${prefix}/tip`);
  const shallow = await git.isShallow();
  await git.network(
    [
      'fetch',
      '--quiet',
      '--no-tags',
      '--no-recurse-submodules',
      '--no-write-fetch-head',
      ...(shallow ? [`--depth=${INITIAL_FETCH_DEPTH}`] : []),
      remote,
      ...refspecs,
    ],
    `git fetch ${git.redact(remote)}`,
  );
  const start = existing ? `${prefix}/tip` : `${prefix}/base`;
  const startSha = await git.revParse(`${start}^{commit}`);
  if (startSha === undefined)
    throw new PrWorkspaceError(`Could not fetch ${start} from ${git.redact(remote)}.`);
  const branch = `aethr/work-${options.branch.replace(/[^A-Za-z0-9._-]/g, '-')}`;
  await git.run([
    'checkout',
    '--quiet',
    '--no-track',
    '--no-recurse-submodules',
    '-B',
    branch,
    startSha,
  ]);
  const mergeBase = existing
    ? await findMergeBase(git, startSha, `${prefix}/base`, remote, refspecs)
    : startSha;
  return new Workspace({
    git,
    root,
    branch,
    startSha,
    expectedRemote: existing ?? NULL_SHA,
    headRef: options.branch,
    baseRef: options.baseRef,
    mergeBase,
    pushTarget: remote,
    identity,
    maxBotCommits: options.maxBotCommits ?? DEFAULT_MAX_BOT_COMMITS,
    preexisting: new Set(await git.untracked(false)),
    preexistingDirs: new Set((await git.untracked(true)).filter((p) => p.endsWith('/'))),
  });
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
      await git.run([...args, ...specs]);
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
      [
        'fetch',
        '--quiet',
        '--no-tags',
        '--no-recurse-submodules',
        '--no-write-fetch-head',
        `--deepen=${deepen}`,
        remote,
        ...refspecs,
      ],
      `deepening the history by ${deepen} commits`,
    );
  }
}

// ---------------------------------------------------------------------------------------------

interface WorkspaceInit {
  git: Git;
  root: string;
  branch: string;
  startSha: string;
  /** What the remote branch must be at for the first push (default `startSha`; NULL_SHA: absent). */
  expectedRemote?: string;
  headRef: string;
  baseRef: string | undefined;
  mergeBase: string | undefined;
  pushTarget: string;
  identity: GitIdentity;
  maxBotCommits: number;
  preexisting: Set<string>;
  preexistingDirs: Set<string>;
}

class Workspace implements PrWorkspace {
  readonly root: string;
  readonly branch: string;
  readonly startSha: string;
  readonly headRef: string;
  readonly baseRef: string | undefined;
  readonly mergeBase: string | undefined;
  readonly identity: Readonly<GitIdentity>;
  readonly maxBotCommits: number;
  private head: string;
  private readonly git: Git;
  private readonly pushTarget: string;
  private readonly preexisting: Set<string>;
  private readonly preexistingDirs: Set<string>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(init: WorkspaceInit) {
    this.git = init.git;
    this.root = init.root;
    this.branch = init.branch;
    this.startSha = init.startSha;
    this.head = init.expectedRemote ?? init.startSha;
    this.headRef = init.headRef;
    this.baseRef = init.baseRef;
    this.mergeBase = init.mergeBase;
    this.pushTarget = init.pushTarget;
    this.identity = Object.freeze({ ...init.identity });
    this.maxBotCommits = init.maxBotCommits;
    this.preexisting = init.preexisting;
    this.preexistingDirs = init.preexistingDirs;
  }

  get expectedHead(): string {
    return this.head;
  }

  /** One git operation at a time (they share the index). */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private identityEnv(): Record<string, string> {
    return {
      GIT_AUTHOR_NAME: this.identity.name,
      GIT_AUTHOR_EMAIL: this.identity.email,
      GIT_COMMITTER_NAME: this.identity.name,
      GIT_COMMITTER_EMAIL: this.identity.email,
    };
  }

  botCommitCount(): Promise<number> {
    return this.serial(() => this.countBotCommits());
  }

  private async countBotCommits(): Promise<number> {
    const range =
      this.mergeBase === undefined
        ? ['HEAD', `--max-count=${COUNT_WITHOUT_BASE_LIMIT}`]
        : [`${this.mergeBase}..HEAD`];
    const res = await this.git.run(['log', '--no-color', '--format=%ae', ...range, '--']);
    const email = this.identity.email.toLowerCase();
    return res.stdout.split('\n').filter((line) => line.trim().toLowerCase() === email).length;
  }

  assertCanCommit(): Promise<void> {
    return this.serial(() => this.checkCap());
  }

  private async checkCap(): Promise<void> {
    const count = await this.countBotCommits();
    if (count >= this.maxBotCommits)
      throw new BotCommitCapReached(count, this.maxBotCommits, this.identity.email);
  }

  commit(message: CommitMessage): Promise<string | undefined> {
    return this.serial(async () => {
      const status = await this.git.run([
        'status',
        '--porcelain=v1',
        '-z',
        '--untracked-files=all',
      ]);
      const changed = splitZ(status.stdout).filter(
        (entry) => !(entry.startsWith('?? ') && this.preexisting.has(entry.slice(3))),
      );
      if (changed.length === 0) return undefined;

      await this.checkCap();
      await this.git.run(['add', '--all']);
      // Files that were untracked before we started are not ours to commit.
      const added = splitZ(
        (
          await this.git.run([
            'diff',
            '--cached',
            '--name-only',
            '-z',
            '--no-renames',
            '--diff-filter=A',
          ])
        ).stdout,
      );
      const notOurs = added.filter((p) => this.preexisting.has(p));
      if (notOurs.length > 0) await this.unstage(notOurs);

      // A nested repository would be committed as a dangling gitlink: refuse it.
      const raw = splitZ(
        (await this.git.run(['diff', '--cached', '--raw', '-z', '--no-renames', '--no-abbrev']))
          .stdout,
      );
      const gitlinks: string[] = [];
      for (let i = 0; i + 1 < raw.length; i += 2) {
        const meta = raw[i] ?? '';
        const path = raw[i + 1] ?? '';
        if (/^:\d{6} 160000 /.test(meta) && !/^:160000 /.test(meta)) gitlinks.push(path);
      }
      if (gitlinks.length > 0) {
        await this.unstage(gitlinks);
        throw new PrWorkspaceError(
          `Refusing to commit nested git repositories: ${gitlinks.slice(0, 5).join(', ')}`,
          {
            hint: 'An implement step created a repository inside the working tree; its changes were not committed.',
          },
        );
      }

      const staged = await this.git.run(['diff', '--cached', '--quiet', '--no-ext-diff'], {
        okCodes: [1],
      });
      if (staged.code === 0) return undefined;

      await this.git.run(
        ['commit', '--quiet', '--no-verify', '--no-edit', '--cleanup=whitespace', '--file=-'],
        {
          input: renderCommitMessage(message),
          env: this.identityEnv(),
        },
      );
      const sha = await this.git.revParse('HEAD');
      if (sha === undefined)
        throw new PrWorkspaceError('git commit succeeded but HEAD cannot be read');
      return sha;
    });
  }

  private async unstage(paths: string[]): Promise<void> {
    await this.git.run(['reset', '--quiet', '--pathspec-from-file=-', '--pathspec-file-nul'], {
      input: `${paths.join('\0')}\0`,
      env: { GIT_LITERAL_PATHSPECS: '1' },
    });
  }

  push(): Promise<PushResult> {
    return this.serial(async () => {
      const head = await this.git.revParse('HEAD');
      if (head === undefined)
        return { ok: false, reason: 'rejected', message: 'HEAD cannot be read' } as const;
      const where = `${this.git.redact(this.pushTarget)} ${this.headRef}`;

      let remoteSha: string;
      try {
        remoteSha = (await this.git.lsRemoteBranch(this.pushTarget, this.headRef)) ?? NULL_SHA;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const reason = classifyPushFailure(message) === 'forbidden' ? 'forbidden' : 'rejected';
        return { ok: false, reason, message } as const;
      }
      if (remoteSha !== this.head) return this.moved(remoteSha);
      if (head === this.head) return { ok: true, sha: head } as const;

      const res = await this.git
        .run(
          [
            'push',
            '--porcelain',
            '--no-verify',
            '--recurse-submodules=no',
            this.pushTarget,
            `HEAD:refs/heads/${this.headRef}`,
          ],
          {
            okCodes: [1, 128],
          },
        )
        .catch((error: unknown) => ({
          stdout: '',
          stderr: error instanceof GitError ? `${error.stderr}\n${error.message}` : String(error),
          code: -1,
        }));
      if (res.code === 0) {
        this.head = head;
        return { ok: true, sha: head } as const;
      }
      const output = `${res.stdout}\n${res.stderr}`;
      const kind = classifyPushFailure(output);
      if (kind !== 'forbidden') {
        // A push racing another one fails either client-side (non-fast-forward) or, when the
        // other push lands while ours is received, as "failed to update ref" / "cannot lock
        // ref": ask the remote where the branch is now.
        const now = await this.git.lsRemoteBranch(this.pushTarget, this.headRef).then(
          (sha) => sha ?? NULL_SHA,
          () => undefined,
        );
        if (now === head) {
          // It landed after all (git complained about something after the update).
          this.head = head;
          return { ok: true, sha: head } as const;
        }
        if (kind === 'head-moved' || (now !== undefined && now !== this.head))
          return this.moved(now);
      }
      const detail =
        this.git.redact(pushFailureSummary(output)) || `git push exited with ${res.code}`;
      return {
        ok: false,
        reason: kind,
        message: `${kind === 'forbidden' ? 'Not allowed to push to' : 'The remote rejected the push to'} ${where}: ${detail}`,
      } as const;
    });
  }

  /** `remoteSha` undefined: the remote refused a non-fast-forward but could not be asked again. */
  private moved(remoteSha: string | undefined): PushResult {
    const message =
      remoteSha === undefined
        ? `The pull request branch ${this.headRef} moved on the remote (expected ${short(this.head)}).`
        : new HeadMoved(this.headRef, this.head, remoteSha).message;
    return {
      ok: false,
      reason: 'head-moved',
      remoteSha: remoteSha ?? '',
      message: `${message} Nothing was pushed over it; the commit stays local.`,
    };
  }

  discardChanges(): Promise<void> {
    return this.serial(async () => {
      await this.git.run(['reset', '--quiet', '--hard', 'HEAD']);
      const fresh = (await this.git.untracked(false)).filter((p) => !this.preexisting.has(p));
      await this.clean(fresh);
      // Directories we created (now empty, or holding only empty directories).
      const dirs = (await this.git.untracked(true)).filter(
        (d) =>
          d.endsWith('/') &&
          !this.preexistingDirs.has(d) &&
          ![...this.preexisting, ...this.preexistingDirs].some(
            (p) => p.startsWith(d) || d.startsWith(p.endsWith('/') ? p : `${p}/`),
          ),
      );
      await this.clean(dirs, true);
    });
  }

  private async clean(paths: string[], directories = false): Promise<void> {
    for (let i = 0; i < paths.length; i += 200) {
      const chunk = paths.slice(i, i + 200);
      // -f twice: also repositories an implement step created (pre-existing ones are never listed).
      await this.git.run(
        ['clean', '-f', '-f', '-q', ...(directories ? ['-d'] : []), '--', ...chunk],
        {
          env: { GIT_LITERAL_PATHSPECS: '1' },
        },
      );
    }
  }

  formatPatch(
    options: { maxBytes?: number } = {},
  ): Promise<{ patch: string; commits: number; truncated: boolean }> {
    return this.serial(async () => {
      const count = await this.git.run(['rev-list', '--count', `${this.startSha}..HEAD`]);
      const commits = Number.parseInt(count.stdout.trim(), 10) || 0;
      if (commits === 0) return { patch: '', commits, truncated: false };
      const res = await this.git.run(
        [
          'format-patch',
          '--stdout',
          '--no-signature',
          '--no-color',
          '--binary',
          `${this.startSha}..HEAD`,
        ],
        { maxBytes: options.maxBytes ?? 1024 * 1024, onOverflow: 'truncate' },
      );
      return { patch: res.stdout, commits, truncated: res.truncated === true };
    });
  }
}
