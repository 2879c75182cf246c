/**
 * Branch heads: from a bare `origin` repository when the test gives one (so branches the action
 * pushes exist for the API too), else from the stand-in's branch map.
 */
import { execFileSync } from 'node:child_process';
import type { StandinConfig } from './handler.js';
import type { StandinState } from './state.js';

function git(gitDir: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', ['--git-dir', gitDir, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
}

/** The SHA a branch points at, or undefined when there is no such branch. */
export function resolveBranch(
  state: StandinState,
  config: StandinConfig,
  name: string,
): string | undefined {
  const branch = name.replace(/^refs\/heads\//, '');
  if (config.gitDir) {
    const sha = git(config.gitDir, [
      'rev-parse',
      '--verify',
      '--quiet',
      `refs/heads/${branch}^{commit}`,
    ]);
    if (sha?.trim()) return sha.trim();
  }
  return state.branches.get(branch);
}

/** Every branch name → SHA known to the stand-in (git first, then the branch map). */
export function listBranches(state: StandinState, config: StandinConfig): Map<string, string> {
  const out = new Map(state.branches);
  if (config.gitDir) {
    const text = git(config.gitDir, [
      'for-each-ref',
      '--format=%(refname:short) %(objectname)',
      'refs/heads',
    ]);
    for (const line of (text ?? '').split('\n')) {
      const [name, sha] = line.split(' ');
      if (name && sha) out.set(name, sha);
    }
  }
  return out;
}

/** The three-dot diff GitHub shows for a new PR (empty without a git repository). */
export function gitDiff(config: StandinConfig, baseSha: string, headSha: string): string {
  if (!config.gitDir) return '';
  return (
    git(config.gitDir, ['diff', '--no-color', '--no-ext-diff', '-M', `${baseSha}...${headSha}`]) ??
    ''
  );
}
