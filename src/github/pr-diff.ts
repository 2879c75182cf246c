/**
 * The PR diff (merge-base...head), as GitHub shows it. actions/checkout leaves a depth-1 merge
 * commit for pull_request events and the default branch for comments, so the needed commits
 * are fetched (deepening until the merge base is found); when git cannot, the API answers.
 */
import { parseUnifiedDiff, type ParsedDiff } from '../diff/unified-diff.js';
import { runGit } from '../git/run-git.js';
import type { Forge, PullFile } from './forge.js';

export interface PrDiff {
  /** Parsed once for the whole run (its `text` is the patch as read). */
  diff: ParsedDiff;
  source: 'git' | 'api-diff' | 'api-files';
  notes: string[];
}

export interface PrRef {
  number: number;
  baseRef: string;
  headSha: string;
}

const DEEPEN_STEPS = [50, 200, 1000];
const DIFF_MAX_BYTES = 256 * 1024 * 1024;

export async function loadPrDiff(
  root: string,
  pr: PrRef,
  forge: Forge,
  log: (m: string) => void,
  apiOnly = false,
): Promise<PrDiff> {
  const notes: string[] = [];
  if (!apiOnly)
    try {
      const patch = await diffFromGit(root, pr);
      if (patch !== undefined) return { diff: parseUnifiedDiff(patch), source: 'git', notes };
      notes.push(
        'The merge base was not found in the fetched history; the diff comes from the GitHub API.',
      );
    } catch (error) {
      log(
        `Could not compute the PR diff with git (${(error as Error).message}); asking the GitHub API.`,
      );
      notes.push('The diff comes from the GitHub API (git could not fetch the pull request).');
    }
  const diff = await forge.getPullDiff(pr.number);
  if (diff !== undefined) return { diff: parseUnifiedDiff(diff), source: 'api-diff', notes };
  const files = await forge.listPullFiles(pr.number);
  notes.push(
    'GitHub does not render this diff in one piece (too large); it was rebuilt from the per-file patches.',
  );
  return { diff: parseUnifiedDiff(diffFromFiles(files)), source: 'api-files', notes };
}

async function hasCommit(root: string, sha: string): Promise<boolean> {
  const r = await runGit(root, ['cat-file', '-e', `${sha}^{commit}`], { okCodes: [1, 128] });
  return r.code === 0;
}

async function mergeBase(root: string, a: string, b: string): Promise<string | undefined> {
  const r = await runGit(root, ['merge-base', a, b], { okCodes: [1, 128] });
  return r.code === 0 ? r.stdout.trim() : undefined;
}

async function diffFromGit(root: string, pr: PrRef): Promise<string | undefined> {
  const baseTip = 'refs/remotes/aethr/base';
  const headRef = 'refs/remotes/aethr/head';
  const refspecs = [
    `+refs/heads/${pr.baseRef}:${baseTip}`,
    `+refs/pull/${pr.number}/head:${headRef}`,
  ];
  const fetch = (extra: string[]) =>
    runGit(
      root,
      ['fetch', '--no-tags', '--no-recurse-submodules', '--quiet', ...extra, 'origin', ...refspecs],
      {
        timeoutMs: 300_000,
      },
    );
  const shallow =
    (await runGit(root, ['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true';
  await fetch(shallow ? [`--depth=${DEEPEN_STEPS[0]}`] : []);
  const head = (await hasCommit(root, pr.headSha)) ? pr.headSha : headRef;
  let base = await mergeBase(root, baseTip, head);
  for (const depth of DEEPEN_STEPS.slice(1)) {
    if (base) break;
    await fetch([`--deepen=${depth}`]);
    base = await mergeBase(root, baseTip, head);
  }
  if (
    !base &&
    (await runGit(root, ['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true'
  ) {
    await fetch(['--unshallow']);
    base = await mergeBase(root, baseTip, head);
  }
  if (!base) return undefined;
  const diff = await runGit(
    root,
    [
      'diff',
      '--no-ext-diff',
      '--no-textconv',
      '--no-color',
      '-M',
      '--src-prefix=a/',
      '--dst-prefix=b/',
      base,
      head,
    ],
    { maxBytes: DIFF_MAX_BYTES, timeoutMs: 300_000 },
  );
  return diff.stdout;
}

/** A unified diff rebuilt from `pulls/{n}/files`; files GitHub sends without a patch are noted. */
export function diffFromFiles(files: readonly PullFile[]): string {
  const out: string[] = [];
  for (const f of files) {
    const oldPath = f.previousFilename ?? f.filename;
    out.push(`diff --git a/${oldPath} b/${f.filename}`);
    if (f.status === 'renamed') out.push(`rename from ${oldPath}`, `rename to ${f.filename}`);
    if (f.status === 'added') out.push('new file mode 100644');
    if (f.status === 'removed') out.push('deleted file mode 100644');
    if (f.patch === undefined) {
      out.push(`Binary files a/${oldPath} and b/${f.filename} differ`);
      continue;
    }
    out.push(f.status === 'added' ? '--- /dev/null' : `--- a/${oldPath}`);
    out.push(f.status === 'removed' ? '+++ /dev/null' : `+++ b/${f.filename}`);
    out.push(f.patch.replace(/\n$/, ''));
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
