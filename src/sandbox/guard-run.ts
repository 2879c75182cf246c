/**
 * Wraps one untrusted run (validators, an agent) in the git guard: the checkout's credentials are
 * hidden for its length, `.git/config` and hooks are snapshotted, and after the run they must be
 * as they were (and, with `listRemote`, no remote ref moved). The credentials are restored in
 * every case; a change is a SandboxIntegrityError, thrown after restoring.
 */
import { isGitRepo } from '../git/run-git.js';
import { hideGitCredentials } from './git-credentials.js';
import {
  compareIntegrity,
  snapshotIntegrity,
  SandboxIntegrityError,
  type SnapshotOptions,
} from './integrity.js';

export interface GuardOptions extends SnapshotOptions {
  /** Remote refs aethr itself may move (none during the run, normally). */
  ownRefs?: readonly string[];
}

export async function guardUntrustedRun<T>(
  root: string,
  run: () => Promise<T>,
  options: GuardOptions = {},
): Promise<T> {
  if (!(await isGitRepo(root))) return run();
  const hidden = await hideGitCredentials(root, options.git);
  let result: T;
  try {
    const before = await snapshotIntegrity(root, options);
    result = await run();
    const after = await snapshotIntegrity(root, options);
    const problems = compareIntegrity(before, after, options.ownRefs);
    if (problems.length > 0) throw new SandboxIntegrityError(problems);
  } finally {
    await hidden.restore();
  }
  return result;
}
