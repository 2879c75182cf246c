/**
 * Fetches a pull request's head and base into a shallow checkout in as few round trips as the
 * merge base allows (actions/checkout leaves the merge commit at depth 1).
 *
 * Depth: `--depth` counts from each fetched tip. From the head, every commit on a shortest path
 * to the merge base is a PR commit (a commit on it that the base also reaches would be a better
 * common ancestor), so `commits + 1` reaches it. The base side needs the commits the base gained
 * since the PR branched, which nothing cheap tells, so the one fetch uses at least
 * INITIAL_FETCH_DEPTH for both. When that proves short (the base moved on further), one fetch of
 * the base alone since the date of the oldest commit fetched on the head side usually finds it;
 * `--deepen` steps and finally `--unshallow` are the last resort.
 *
 * Blob-less (`--filter=blob:none`, GitHub supports it): a shallow fetch overshoots into history
 * the diff never reads, and carries every intermediate version of the PR's files; without blobs
 * that costs commits and trees only, and `git diff` then fetches the blobs it needs in one batch.
 * A server without filters answers with a full fetch (git warns and carries on). The filter
 * makes the checkout a partial clone (`remote.<name>.promisor`), as `actions/checkout` with
 * `filter: blob:none` would.
 */

/** What fetchPull needs from git: run a command in the repository. */
export interface GitRunner {
  run(
    args: readonly string[],
    options?: { okCodes?: number[]; timeoutMs?: number },
  ): Promise<{ code: number; stdout: string; stderr: string }>;
}

/** The least depth of the first fetch: the base side's allowance for a base that moved on. */
export const INITIAL_FETCH_DEPTH = 50;
/** Deepening steps after the date-bounded fetch of the base, before `--unshallow`. */
const DEEPEN_STEPS = [200, 1000];
const FETCH_TIMEOUT_MS = 300_000;

export interface FetchPullOptions {
  /** Default 'origin'. */
  remote?: string;
  /** The base branch, fetched from `refs/heads/<name>` into `to`. */
  base: { branch: string; to: string };
  /** The head: a ref on the remote (`refs/pull/7/head`) into `to`, and the sha the run uses. */
  head: { from: string; to: string; sha?: string };
  /** More refspecs for the first fetch (e.g. the head branch). */
  also?: string[];
  /** The PR's commit count as the API reports it (`pulls.get`); unknown: INITIAL_FETCH_DEPTH. */
  commits?: number;
  /** Blob-less fetches (default true). */
  blobless?: boolean;
  /** Fetch shallow even though the repository is not shallow yet (a fresh, empty clone). */
  shallow?: boolean;
}

export interface FetchedPull {
  /** The head to diff: `head.sha` when it was fetched, else the local head ref. */
  head: string;
  /** The merge base of head and base; undefined when the history does not have one. */
  mergeBase: string | undefined;
  /** Fetches made (1 when the first one reached the merge base). */
  fetches: number;
}

/** The depth of the first fetch for a PR of `commits` commits. */
export function firstFetchDepth(commits: number | undefined): number {
  const known = commits !== undefined && Number.isSafeInteger(commits) && commits > 0;
  return Math.max(INITIAL_FETCH_DEPTH, known ? commits + 1 : 0);
}

export async function fetchPull(git: GitRunner, options: FetchPullOptions): Promise<FetchedPull> {
  const remote = options.remote ?? 'origin';
  const baseSpec = `+refs/heads/${options.base.branch}:${options.base.to}`;
  const specs = [baseSpec, `+${options.head.from}:${options.head.to}`, ...(options.also ?? [])];
  const shallow = options.shallow ?? (await isShallow(git));
  const filter = shallow && options.blobless !== false ? ['--filter=blob:none'] : [];
  let fetches = 0;
  const fetch = async (extra: string[], refspecs: string[], tolerant = false) => {
    fetches += 1;
    const done = await git.run(
      [
        'fetch',
        '--quiet',
        '--no-tags',
        '--no-recurse-submodules',
        '--no-write-fetch-head',
        ...filter,
        ...extra,
        remote,
        ...refspecs,
      ],
      { timeoutMs: FETCH_TIMEOUT_MS, okCodes: tolerant ? [128] : [] },
    );
    return done.code === 0;
  };

  await fetch(shallow ? [`--depth=${firstFetchDepth(options.commits)}`] : [], specs);
  const sha = options.head.sha;
  const head = sha !== undefined && (await hasCommit(git, sha)) ? sha : options.head.to;
  const find = () => mergeBase(git, options.base.to, head);
  let base = await find();
  if (base || !shallow) return { head, mergeBase: base, fetches };

  const since = await oldestCommitTime(git, head);
  // The server refuses ("no commits selected") when the base has nothing that recent: then the
  // head side is what is short (a stale count), and deepening below deals with it; a network
  // failure would fail the next fetch too.
  if (since !== undefined && (await fetch([`--shallow-since=@${since - 1}`], [baseSpec], true)))
    base = await find();
  for (const depth of DEEPEN_STEPS) {
    if (base || !(await isShallow(git))) break;
    await fetch([`--deepen=${depth}`], specs);
    base = await find();
  }
  if (!base && (await isShallow(git))) {
    await fetch(['--unshallow'], specs);
    base = await find();
  }
  return { head, mergeBase: base, fetches };
}

async function isShallow(git: GitRunner): Promise<boolean> {
  return (await git.run(['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true';
}

async function hasCommit(git: GitRunner, sha: string): Promise<boolean> {
  const r = await git.run(['cat-file', '-e', `${sha}^{commit}`], { okCodes: [1, 128] });
  return r.code === 0;
}

async function mergeBase(git: GitRunner, a: string, b: string): Promise<string | undefined> {
  const r = await git.run(['merge-base', a, b], { okCodes: [1, 128] });
  return r.code === 0 && r.stdout.trim() !== '' ? r.stdout.trim() : undefined;
}

/** The committer time (seconds) of the oldest commit fetched behind `rev`. */
async function oldestCommitTime(git: GitRunner, rev: string): Promise<number | undefined> {
  const r = await git.run(['log', '--format=%ct', rev, '--'], { okCodes: [128] });
  let oldest: number | undefined;
  for (const line of r.stdout.split('\n')) {
    const t = Number.parseInt(line, 10);
    if (Number.isSafeInteger(t) && (oldest === undefined || t < oldest)) oldest = t;
  }
  return oldest;
}
