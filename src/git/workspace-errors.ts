/** What can go wrong opening, committing to or pushing a work branch, as typed errors. */
import { AethrError } from '../errors.js';
import { NULL_SHA, short } from './branch-types.js';

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
