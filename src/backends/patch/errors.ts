import { AethrError } from '../../errors.js';
import type { PatchProblem } from './validate-patch.js';

/** Where in the pipeline a proposal was refused. */
export type RejectionStage =
  'parse' | 'validate' | 'symlink' | 'cross-check' | 'check' | 'apply' | 'verify' | 'validators';

/**
 * A proposal refused before (or rolled back after) it changed the tree. The backend turns it into
 * an artifact note; the run goes on.
 */
export class PatchRejected extends AethrError {
  override name = 'PatchRejected';
  readonly stage: RejectionStage;
  readonly problems: PatchProblem[];
  constructor(
    stage: RejectionStage,
    message: string,
    problems: PatchProblem[] = [],
    options?: { cause?: unknown; hint?: string },
  ) {
    super(message, options);
    this.stage = stage;
    this.problems = problems;
  }
}

/**
 * Rolling back did not bring the tree back to its snapshot. Unlike a rejection this is not
 * absorbed: the run must stop, because the working tree is no longer known to be clean.
 */
export class PatchRollbackFailed extends AethrError {
  override name = 'PatchRollbackFailed';
  readonly differences: string[];
  constructor(message: string, differences: string[], options?: { cause?: unknown }) {
    super(message, {
      ...options,
      hint: 'Inspect the working tree (git status, git diff) before running again.',
    });
    this.differences = differences;
  }
}
