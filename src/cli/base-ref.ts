/**
 * `--base REF`: the branch or commit `git_diff` is taken against (through the merge base), checked
 * before the run so a typo is a usage error with a did-you-mean among the repository's branches,
 * not a placeholder in the prompt.
 */
import { closestMatch } from '../config/did-you-mean.js';
import { AethrError } from '../errors.js';
import { isGitRepo, runGit } from '../git/run-git.js';
import { UsageError } from './usage.js';

export async function checkBaseRef(ref: string, cwd: string): Promise<void> {
  if (ref.trim() === '' || ref.startsWith('-')) {
    throw new UsageError(`--base takes a branch or commit, not ${JSON.stringify(ref)}`, {
      command: 'run',
    });
  }
  if (!(await isGitRepo(cwd))) {
    throw new AethrError(`--base ${ref}: ${cwd} is not inside a git repository.`, {
      hint: 'Run aethr in the repository whose branch you want reviewed.',
    });
  }
  const found = await runGit(
    cwd,
    ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`],
    { okCodes: [1, 128] },
  );
  if (found.code === 0 && found.stdout.trim() !== '') return;
  const refs = await runGit(cwd, [
    'for-each-ref',
    '--format=%(refname:short)',
    'refs/heads',
    'refs/remotes',
    'refs/tags',
  ]);
  const near = closestMatch(ref, refs.stdout.split('\n').filter(Boolean));
  throw new UsageError(`--base ${JSON.stringify(ref)} is not a branch or commit here`, {
    command: 'run',
    hint: near
      ? `Did you mean ${JSON.stringify(near)}?`
      : 'List the branches with "git branch -a" (a remote branch is written origin/main).',
  });
}
