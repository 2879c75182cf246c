/**
 * A pull request's diff as GitHub shows it (merge-base...head), computed with git: the base
 * branch and the PR head are fetched into private refs (deepening a shallow clone until the
 * merge base is found), then diffed. Undefined when the merge base cannot be reached.
 */
import type { Git } from './safe-git.js';

export interface PullRef {
  number: number;
  base: { ref: string; sha: string };
  head: { ref: string; sha: string };
  /** Commits on the PR branch, when known (sizes the first fetch). */
  commits?: number;
}

const DEEPEN_STEPS = [50, 200, 1000];
const DIFF_MAX_BYTES = 256 * 1024 * 1024;
export const PULL_BASE_REF = 'refs/remotes/aethr/base';
export const PULL_HEAD_REF = 'refs/remotes/aethr/head';

async function hasCommit(git: Git, sha: string): Promise<boolean> {
  const r = await git.run(['cat-file', '-e', `${sha}^{commit}`], { okCodes: [1, 128] });
  return r.code === 0;
}

async function mergeBase(git: Git, a: string, b: string): Promise<string | undefined> {
  const r = await git.run(['merge-base', a, b], { okCodes: [1, 128] });
  return r.code === 0 ? r.stdout.trim() : undefined;
}

async function isShallow(git: Git): Promise<boolean> {
  return (await git.run(['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true';
}

/** Fetches the PR's base and head; returns the head to diff (the sha, else the pull ref) and the merge base. */
export async function fetchPull(
  git: Git,
  pr: PullRef,
  options: { shallow?: boolean } = {},
): Promise<{ head: string; mergeBase: string | undefined }> {
  const refspecs = [
    `+refs/heads/${pr.base.ref}:${PULL_BASE_REF}`,
    `+refs/pull/${pr.number}/head:${PULL_HEAD_REF}`,
  ];
  const fetch = (extra: string[]) =>
    git.network(
      ['fetch', '--no-tags', '--no-recurse-submodules', '--quiet', ...extra, 'origin', ...refspecs],
      `fetching pull request #${pr.number}`,
      { timeoutMs: 300_000 },
    );
  const shallow = options.shallow ?? (await isShallow(git));
  await fetch(shallow ? [`--depth=${DEEPEN_STEPS[0]}`] : []);
  const head = (await hasCommit(git, pr.head.sha)) ? pr.head.sha : PULL_HEAD_REF;
  let base = await mergeBase(git, PULL_BASE_REF, head);
  for (const depth of DEEPEN_STEPS.slice(1)) {
    if (base) break;
    await fetch([`--deepen=${depth}`]);
    base = await mergeBase(git, PULL_BASE_REF, head);
  }
  if (!base && (await isShallow(git))) {
    await fetch(['--unshallow']);
    base = await mergeBase(git, PULL_BASE_REF, head);
  }
  return { head, mergeBase: base };
}

/** `git diff` merge-base…head with GitHub's prefixes, renames found, no external tools. */
export async function diffRange(git: Git, from: string, to: string): Promise<string> {
  const diff = await git.run(
    [
      'diff',
      '--no-ext-diff',
      '--no-textconv',
      '--no-color',
      '-M',
      '--src-prefix=a/',
      '--dst-prefix=b/',
      from,
      to,
    ],
    { maxBytes: DIFF_MAX_BYTES, timeoutMs: 300_000 },
  );
  return diff.stdout;
}
